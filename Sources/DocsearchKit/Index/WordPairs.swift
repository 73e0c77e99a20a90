/// Pairs of common syllables standing side by side (từ ghép, "nhân quyền",
/// "pháp luật"), indexed as terms of their own (`TermField.bodyPair`) with
/// how often they stand together in a plan: a quoted two-word phrase of
/// common words, and the proximity pass's pairs, read one short list instead
/// of merging the positions of two words found in most plans ("nhân quyền":
/// 13.9 M instructions a search, the costliest of the peers' mix, merging the
/// positions of the 19,800 plans holding both words); a longer phrase walks
/// its pairs' lists besides its words', and reads positions only where all
/// its pairs stand.
///
/// Which syllables: a fixed table, so that every segment of every index
/// holds the same pairs (a segment's own choice would differ from its
/// neighbours', and a merge of the two could not keep either). A pair of
/// which one word is rare is cheap to find from that word's positions.
///
/// The table is the folded syllables found in at least one article in three
/// of the 2,249 ALQAC law articles (`alqac2024/docs`, tokenised by
/// `Analyzer`): the words of Vietnamese legal text, not of the generated
/// plans the benchmarks measure. One in three, not one in five: with the 124
/// syllables of one article in five, the 20,000 generated plans' index grew
/// by 7.2 MB (16%) and its build took 6% longer; with these 60, by 3.1 MB
/// (7%) and 1.4% more instructions, and both list "nhân quyền".
/// `WordPairsTests` computes the table again from the articles. Changing it
/// changes what a segment holds: it needs a new segment format
/// (`SegmentWriter.hasWordPairs`).
///
/// Key grammar (after the field byte): `first` 0x20 `second`, both folded.
public enum WordPairs {
    /// The common syllables, folded, in byte order.
    public static let syllables: [String] = [
        "1", "2", "3", "an", "ban", "bao", "bo", "cac", "chinh", "cho", "chuc", "co", "cong", "cua", "dan",
        "de", "dieu", "dinh", "do", "doi", "dong", "dung", "duoc", "gia", "hanh", "hien", "hoac", "hop", "khac",
        "khong", "luat", "ly", "nay", "nguoi", "nhan", "nuoc", "phai", "phap", "quan", "quy", "quyen", "san",
        "sau", "so", "su", "tai", "tham", "theo", "thi", "thu", "thuc", "to", "trong", "truong", "tu", "va",
        "ve", "viec", "voi", "vu"
    ]

    private static let numbers: [String: Int] = {
        var out: [String: Int] = [:]
        for (i, s) in syllables.enumerated() { out[s] = i }
        return out
    }()

    /// The syllable's place in `syllables`, nil when it is not common.
    public static func number(ofFolded folded: String) -> Int? { numbers[folded] }

    /// Whether the pair `first second` (folded) is indexed.
    public static func covers(_ first: String, _ second: String) -> Bool {
        numbers[first] != nil && numbers[second] != nil
    }

    /// The dictionary key of the pair `first second` (folded).
    public static func key(_ first: String, _ second: String) -> [UInt8] {
        var k: [UInt8] = [TermField.bodyPair.rawValue]
        k.append(contentsOf: first.utf8)
        k.append(0x20)
        k.append(contentsOf: second.utf8)
        return k
    }
}
