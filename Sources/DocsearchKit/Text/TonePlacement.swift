/// One tone-mark placement (một cách đặt dấu thanh) for the rimes oa, oe and
/// uy ending a word: "hoà"/"hòa", "toạ"/"tọa", "thuỷ"/"thủy", "khoẻ"/"khỏe"
/// are one word, and the canonical form puts the tone on the first vowel.
///
/// Only a word whose last two letters are a plain "o" followed by a or e with
/// a tone mark, or a plain "u" followed by y with a tone mark, changes; "quý"
/// keeps its tone (qu is the onset), and "hoàn", "toàn", "ngoài", "khuya" are
/// untouched because a letter follows the rime.
enum TonePlacement {
    /// The tone marks (dấu thanh): grave, acute, tilde, hook above, dot below.
    static func isToneMark(_ m: UInt32) -> Bool {
        m == 0x300 || m == 0x301 || m == 0x303 || m == 0x309 || m == 0x323
    }

    /// The canonical spelling of the last two letters, given the last three
    /// lowercase scalars of a word (`beforePrevious` is 0 when absent), or nil
    /// when the word is already canonical.
    @inline(__always)
    static func canonicalEnding(beforePrevious: UInt32, previous: UInt32, last: UInt32) -> (UInt32, UInt32)? {
        guard previous == 0x6F || previous == 0x75, last >= 0xC0 else { return nil } // o, u; toned vowel
        return slowCanonicalEnding(beforePrevious: beforePrevious, previous: previous, last: last)
    }

    static func slowCanonicalEnding(beforePrevious: UInt32, previous: UInt32, last: UInt32) -> (UInt32, UInt32)? {
        let (base, marks) = LatinTables.decomposition(last)
        guard marks.count == 1, isToneMark(marks[0]) else { return nil }
        switch (previous, base) {
        case (0x6F, 0x61), (0x6F, 0x65): break // oa, oe
        case (0x75, 0x79): if beforePrevious == 0x71 { return nil } // uy, but not quy
        default: return nil
        }
        guard let toned = CompositionTables.compose(previous, marks[0]) else { return nil }
        return (toned, base)
    }
}
