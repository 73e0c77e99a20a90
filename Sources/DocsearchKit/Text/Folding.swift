/// Case, tone placement and diacritic folding of single words and strings,
/// with the same tables as `Analyzer`. Input should be NFC (`TextNormalizer`).
/// Each function returns its input untouched (no copy) when nothing changes.
public enum Folding {
    /// Lowercase and canonical tone placement of one word (NFC in, NFC out):
    /// "Hoà" → "hòa", "THUỶ" → "thủy".
    public static func exactWord(_ word: String) -> String {
        transform(word, folding: false)
    }

    /// Diacritics removed and đ→d, lowercased: "Đẳng" → "dang". Non-letters are kept.
    public static func fold(_ s: String) -> String {
        transform(s, folding: true)
    }

    /// `fold(s).uppercased()`: the key of a code or a symbol ("QĐ-TTg" →
    /// "QD-TTG"). A folded code is nearly always ASCII, upper-cased here byte
    /// by byte: `uppercased()` maps every Character through the Unicode
    /// tables (16 M of the 2,000 plans' build for the codes, callgrind).
    public static func foldedUppercased(_ s: String) -> String {
        var folded = fold(s)
        let ascii: String? = folded.withUTF8 { p in
            guard p.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard p.contains(where: { $0 &- 0x61 < 26 }) else { return "" }
            return String(unsafeUninitializedCapacity: p.count) { out in
                for i in 0..<p.count { out[i] = p[i] &- 0x61 < 26 ? p[i] - 0x20 : p[i] }
                return p.count
            }
        }
        guard let ascii else { return folded.uppercased() }
        return ascii.isEmpty ? folded : ascii
    }

    /// Lowercase, tone placement unified word by word, for any string:
    /// "Toạ đàm HOÀ" → "tọa đàm hòa".
    public static func exact(_ s: String) -> String {
        transform(s, folding: false)
    }

    /// `fold(s).hasPrefix(prefix)` for an ASCII `prefix`, without folding
    /// when `s`'s ASCII start already decides (ASCII folds to itself,
    /// lowercased): a scan of every line of a plan for "Nơi nhận" folded
    /// every line (perf: a tenth of the build went to such scans).
    public static func foldedHasPrefix(_ s: String, _ prefix: String) -> Bool {
        if let decided = asciiStart(of: s, decides: prefix) { return decided }
        // Folding goes scalar by scalar, so `s`'s first scalars folded start
        // `fold(s)`: a few more than the prefix has bytes mostly decide it.
        // Folding every line that starts "Phần", "Ủy ban" or "Đơn vị" whole,
        // to look for "phan i", was 1% of the build (callgrind).
        let start = String(s.unicodeScalars.prefix(prefix.utf8.count + 4))
        let folded = fold(start)
        if start.utf8.count == s.utf8.count { return folded.hasPrefix(prefix) }
        if folded.utf8.count > prefix.utf8.count, let decided = asciiStart(of: folded, decides: prefix) { return decided }
        return fold(s).hasPrefix(prefix)
    }

    /// `fold(s)`, or "" when `s`'s ASCII start already rules out every one of
    /// `prefixes` (ASCII): a caller that tests a line for several prefixes
    /// folds it at most once, and most lines not at all.
    public static func foldUnlessRuledOut(_ s: String, by prefixes: [String]) -> String {
        prefixes.contains { asciiStart(of: s, decides: $0) != false } ? fold(s) : ""
    }

    /// Whether `fold(s)` starts with the ASCII `prefix`, when the ASCII bytes
    /// at the start of `s` decide it; nil when a non-ASCII byte does.
    private static func asciiStart(of s: String, decides prefix: String) -> Bool? {
        let utf8 = s.utf8
        var i = utf8.startIndex
        for p in prefix.utf8 {
            guard i < utf8.endIndex else { return false }
            let b = utf8[i]
            if b >= 0x80 { return nil }
            if ((b &- 0x41) < 26 ? b | 0x20 : b) != p { return false }
            i = utf8.index(after: i)
        }
        // A combining mark right after would change the last character.
        if i < utf8.endIndex && utf8[i] >= 0x80 { return nil }
        return true
    }

    /// True for the scalars `Analyzer` puts in words: letters, digits, marks.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        UnicodeClassTable.classOf(s.value, bmp: UnicodeClassTable.bmp) & UnicodeClassTable.wordBit != 0
    }

    /// Lowercases (and with `folding` folds) every scalar of `s`; without
    /// folding, applies the tone placement at the end of each word.
    static func transform(_ s: String, folding: Bool) -> String {
        var text = s
        let result: String? = text.withUTF8 { buf in
            guard let p = buf.baseAddress else { return nil }
            let n = buf.count
            // Fast exit: lowercase ASCII never changes.
            var k = 0
            while k < n && p[k] < 0x80 && (p[k] &- 0x41) >= 26 { k += 1 }
            if k == n { return nil }
            // All ASCII, with capitals ("CT/TW"): lowercased byte by byte.
            // No ASCII word takes a tone mark, and no fold changes it
            // further; through the scalar loop, a symbol's key cost 1,900
            // instructions (callgrind).
            var m = k
            while m < n && p[m] < 0x80 { m += 1 }
            if m == n {
                return String(unsafeUninitializedCapacity: n) { out in
                    for i in 0..<n { out[i] = (p[i] &- 0x41) < 26 ? p[i] | 0x20 : p[i] }
                    return n
                }
            }

            let bmp = UnicodeClassTable.bmp
            let lowerTable = LatinTables.lower, foldTable = LatinTables.fold
            var out = ByteBuffer(capacity: n + 16)
            defer { out.free() }
            var s3: UInt32 = 0, s2: UInt32 = 0, s1: UInt32 = 0
            var at2 = 0, at1 = 0
            func endWord() {
                if !folding, let (first, second) = TonePlacement.canonicalEnding(beforePrevious: s3, previous: s2, last: s1) {
                    out.count = at2
                    out.append(scalar: first)
                    out.append(scalar: second)
                }
                s3 = 0; s2 = 0; s1 = 0
            }
            var i = 0
            while i < n {
                let (v, len): (UInt32, Int) = p[i] < 0x80 ? (UInt32(p[i]), 1) : UTF8Codec.decode(p, i, n)
                i += len
                let isWord = UnicodeClassTable.classOf(v, bmp: bmp) & UnicodeClassTable.wordBit != 0
                if !isWord { endWord() }
                at2 = at1; at1 = out.count
                if v < 0x80 {
                    out.append(scalar: (v &- 0x41) < 26 ? v | 0x20 : v)
                } else if folding {
                    ScalarCase.appendFold(v, to: &out, fold: foldTable)
                } else {
                    ScalarCase.appendLower(v, to: &out, lower: lowerTable)
                }
                // The last three letters, for the tone placement: folded
                // text has no tone marks to place.
                if isWord && !folding {
                    let (lowered, width) = out.count > at1 ? UTF8Codec.decode(out.base, at1, out.count) : (0, 0)
                    s3 = s2; s2 = s1
                    s1 = width == out.count - at1 ? lowered : 0
                }
            }
            endWord()
            return out.equals(buf) ? nil : out.makeString()
        }
        return result ?? s
    }
}
