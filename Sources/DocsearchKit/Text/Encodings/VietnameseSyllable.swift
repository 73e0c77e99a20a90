import Foundation

/// A small checker of Vietnamese syllable structure (âm tiết), used to tell
/// which 8-bit encoding makes a file read as Vietnamese.
///
/// A syllable is (onset) + rime + one tone: the onset is one of the
/// consonants or digraphs (b, ch, gh, ngh, qu, …); the rime is a vowel
/// cluster (nucleus with its glides: a, oa, uyê, ươi, …) and an optional coda
/// (c ch m n ng nh p t). Rules checked: clusters that need a coda (ă, â, iê,
/// ươ…) or forbid one (ai, ao, ưu…); ch/nh only after a, ê, i, y; a stop
/// coda (c ch p t) takes only the sắc or nặng tone; k, gh, ngh only before
/// e ê i y and c, g, ng never before them.
enum VietnameseSyllable {
    /// The six tones (thanh điệu).
    enum Tone: UInt8, Sendable {
        case level, grave, acute, hook, tilde, dotBelow // ngang, huyền, sắc, hỏi, ngã, nặng
    }

    /// Whether `word` (a run of letters, precomposed or with combining marks, any case) is a plausible Vietnamese syllable.
    static func isPlausible<S: Sequence>(_ word: S) -> Bool where S.Element == Unicode.Scalar {
        var letters = String.UnicodeScalarView()
        var tone = Tone.level
        var toneCount = 0
        var count = 0
        for scalar in word {
            count += 1
            if count > 8 { return false }
            if let combiningTone = combiningTones[scalar.value] {
                // A tone sits on a vowel only (ñ is not Vietnamese).
                guard let previous = letters.last, vowels.contains(Character(previous)) else { return false }
                tone = combiningTone
                toneCount += 1
                continue
            }
            if let shaped = applyShape(scalar.value, to: letters.last) {
                letters.removeLast()
                letters.append(shaped)
                continue
            }
            guard let letter = letterTable[scalar.value] else { return false }
            if letter.tone != .level {
                tone = letter.tone
                toneCount += 1
            }
            letters.append(letter.base)
        }
        guard toneCount <= 1, !letters.isEmpty else { return false }
        return isPlausible(letters: String(letters), tone: tone)
    }

    /// `letters`: lowercase, without tones (hats, breve and horn kept).
    static func isPlausible(letters: String, tone: Tone) -> Bool {
        for onset in onsets where letters.hasPrefix(onset) {
            let rime = letters.dropFirst(onset.count)
            if rime.isEmpty { continue }
            if let first = rime.first, !onsetAllows(onset, before: first) { continue }
            if isPlausibleRime(rime, tone: tone) { return true }
        }
        return isPlausibleRime(Substring(letters), tone: tone)
    }

    private static func isPlausibleRime(_ rime: Substring, tone: Tone) -> Bool {
        let codaStart = rime.firstIndex(where: { !vowels.contains($0) }) ?? rime.endIndex
        let cluster = String(rime[..<codaStart])
        let coda = String(rime[codaStart...])
        guard !cluster.isEmpty, codas.contains(coda) else { return false }
        if coda.isEmpty {
            if closedOnlyClusters.contains(cluster) { return false }
        } else if openOnlyClusters.contains(cluster) {
            return false
        }
        guard openOnlyClusters.contains(cluster) || closedOnlyClusters.contains(cluster) || freeClusters.contains(cluster) else {
            return false
        }
        if coda == "ch" || coda == "nh", let last = cluster.last, !"aêiy".contains(last) { return false }
        if stopCodas.contains(coda) && tone != .acute && tone != .dotBelow { return false }
        return true
    }

    private static func onsetAllows(_ onset: String, before vowel: Character) -> Bool {
        let front = "eêiy".contains(vowel)
        switch onset {
        case "k", "gh", "ngh": return front
        case "c", "ng": return !front
        case "g": return vowel != "e" && vowel != "ê"
        case "qu": return vowels.contains(vowel)
        default: return true
        }
    }

    /// Longest first, so "ngh" is tried before "ng" and "n".
    private static let onsets: [String] = [
        "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ]
    private static let vowels: Set<Character> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    private static let codas: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
    private static let stopCodas: Set<String> = ["c", "ch", "p", "t"]
    /// Rimes with a final glide: no coda after them.
    private static let openOnlyClusters: Set<String> = [
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu",
        "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu",
    ]
    /// Short or diphthong nuclei that need a coda.
    private static let closedOnlyClusters: Set<String> = ["ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo"]
    /// Nuclei with or without a coda.
    private static let freeClusters: Set<String> = [
        "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uơ", "uy",
    ]

    private static let combiningTones: [UInt32: Tone] = [
        0x0300: .grave, 0x0301: .acute, 0x0309: .hook, 0x0303: .tilde, 0x0323: .dotBelow,
    ]

    /// A combining hat, breve or horn applied to the previous letter, or nil.
    private static func applyShape(_ mark: UInt32, to previous: Unicode.Scalar?) -> Unicode.Scalar? {
        guard let previous else { return nil }
        switch (mark, previous) {
        case (0x0302, "a"): return "â"
        case (0x0302, "e"): return "ê"
        case (0x0302, "o"): return "ô"
        case (0x0306, "a"): return "ă"
        case (0x031B, "o"): return "ơ"
        case (0x031B, "u"): return "ư"
        default: return nil
        }
    }

    /// Every letter that can appear in Vietnamese, upper or lower case, with
    /// or without tone, mapped to its lowercase toneless letter and its tone.
    /// Built once from the Unicode canonical decompositions.
    private static let letterTable: [UInt32: (base: Unicode.Scalar, tone: Tone)] = {
        var table: [UInt32: (base: Unicode.Scalar, tone: Tone)] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x41...0x5A, 0x61...0x7A, 0xC0...0x1B0, 0x1EA0...0x1EF9]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if value == 0x110 || value == 0x111 { table[value] = ("đ", .level); continue }
            let decomposed = String(Character(scalar)).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
            guard var base = decomposed.first, base.isASCII, base.properties.isAlphabetic else { continue }
            var tone = Tone.level
            var valid = true
            for mark in decomposed.dropFirst() {
                if let t = combiningTones[mark.value] {
                    tone = t
                } else if let shaped = applyShape(mark.value, to: base) {
                    base = shaped
                } else {
                    valid = false
                }
            }
            if tone != .level && !vowels.contains(Character(base)) { valid = false }
            if valid, "fjwz".unicodeScalars.contains(base) == false { table[value] = (base, tone) }
        }
        return table
    }()
}
