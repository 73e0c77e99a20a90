import Foundation

/// The one analyzer for documents and queries (v0: scalar-based; the table
/// driven UTF-8 version replaces the internals, not this API).
public struct Analyzer: Sendable {
    public init() {}

    /// Tokens of `text`, which must already be NFC (see `TextNormalizer`).
    public func tokens(in text: String) -> [Token] {
        var out: [Token] = []
        var position = 0
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        func flush(_ end: Int) {
            if current.isEmpty { return }
            let exact = Folding.exactWord(String(current))
            out.append(Token(exact: exact, folded: Folding.fold(exact), position: position, byteRange: start..<end))
            position += 1
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if Folding.isWordScalar(scalar) {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else {
                flush(offset)
            }
            offset += width
        }
        flush(offset)
        return out
    }
}

/// Case, tone placement and diacritic folding of single words and strings.
public enum Folding {
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }

    /// Lowercase and canonical tone placement of one word (NFC in, NFC out).
    public static func exactWord(_ word: String) -> String {
        unifyTonePlacement(word.lowercased())
    }

    /// Diacritics removed and đ→d, lowercased. Non-letters are kept.
    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for ch in s.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch ch.value {
            case 0x0300...0x036F: continue
            case 0x0111: out.append("d")
            default: out.append(ch)
            }
        }
        return String(out)
    }

    /// Lowercase, tone placement unified, for any string (word by word).
    public static func exact(_ s: String) -> String {
        var result = ""
        var word = ""
        for ch in s {
            if ch.unicodeScalars.allSatisfy(isWordScalar) {
                word.append(ch)
            } else {
                if !word.isEmpty { result += exactWord(word); word = "" }
                result.append(contentsOf: ch.lowercased())
            }
        }
        if !word.isEmpty { result += exactWord(word) }
        return result
    }

    /// "hoà"→"hòa", "thuỷ"→"thủy", "khoẻ"→"khỏe": for the rimes oa, oe and uy
    /// ending the word, the tone mark goes on the first vowel. "hoàn", "toàn",
    /// "quý" are untouched (a final consonant follows, or qu is the onset).
    static func unifyTonePlacement(_ w: String) -> String {
        var scalars = Array(w.decomposedStringWithCanonicalMapping.unicodeScalars)
        // Find base letters with their marks.
        var bases: [(index: Int, base: Unicode.Scalar)] = []
        for (i, s) in scalars.enumerated() where !(0x0300...0x036F).contains(s.value) {
            bases.append((i, s))
        }
        guard bases.count >= 2 else { return w }
        let last = bases[bases.count - 1], prev = bases[bases.count - 2]
        let pair = String(prev.base) + String(last.base)
        guard pair == "oa" || pair == "oe" || pair == "uy" else { return w }
        if pair == "uy", bases.count >= 3, bases[bases.count - 3].base == "q" { return w }
        // The tone mark on the last vowel, if any, moves to the previous one.
        let toneMarks: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]
        let lastMarks = (last.index + 1)..<scalars.count
        guard let toneAt = lastMarks.first(where: { toneMarks.contains(scalars[$0].value) }) else { return w }
        // The previous vowel must carry no quality mark that would make this a different rime.
        let prevMarks = (prev.index + 1)..<last.index
        if prevMarks.contains(where: { toneMarks.contains(scalars[$0].value) }) { return w }
        let tone = scalars.remove(at: toneAt)
        scalars.insert(tone, at: prev.index + 1)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view).precomposedStringWithCanonicalMapping
    }
}
