/// The field a term belongs to: the first byte of every term in a segment's
/// dictionary, so one sorted dictionary serves every field.
public enum TermField: UInt8, Sendable, CaseIterable {
    /// Body words, diacritics folded ("binh", "dang"). Positions kept.
    case bodyFolded = 0x62 // "b"
    /// Body words with diacritics, stored only where they differ from the folded form.
    case bodyExact = 0x42 // "B"
    /// Title words, folded. No positions: phrases and proximity read the body,
    /// which holds the title too.
    case titleFolded = 0x74 // "t"
    /// Title words with diacritics, where they differ from the folded form.
    case titleExact = 0x54 // "T"
    /// Canonical key of a cited document ("20-CT/TW"); tf = number of mentions.
    case citation = 0x43 // "C"
    /// Kind and number of a cited document ("CT:20", "ND:162:2017").
    case citationNumber = 0x4B // "K"
    /// The plan's own number, canonical ("2421/KH-SGDDT"): its identity, not a citation.
    case ownNumber = 0x4E // "N"
    /// A cited document that the plan gives as its legal basis (căn cứ).
    case legalBasis = 0x4C // "L"
    /// Two common body words side by side, folded ("nhan quyen", `WordPairs`);
    /// tf = how often they stand together. No positions. Format 10 on.
    case bodyPair = 0x70 // "p"

    /// Positions are kept for folded body words only: phrases match on the
    /// folded form, exact forms only weigh in ranking, and the body holds the
    /// title (segments of format 3 kept title positions too; they are not read).
    public var hasPositions: Bool { self == .bodyFolded }

    /// The dictionary key of `text` in this field.
    public func key(_ text: String) -> [UInt8] {
        var k: [UInt8] = [rawValue]
        k.append(contentsOf: text.utf8)
        return k
    }
}
