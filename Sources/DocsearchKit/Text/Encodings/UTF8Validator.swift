/// What one pass over bytes that claim to be UTF-8 found.
struct UTF8Scan {
    /// The first invalid sequences (maximal subparts, as U+FFFD replaces them), offsets relative to the scanned bytes.
    var invalid: [(offset: Int, length: Int)] = []
    /// Every invalid sequence, listed or not (a truncated last character is not counted here).
    var invalidCount = 0
    /// Offset of a valid but unfinished multibyte character cut off by the end of the bytes.
    var truncatedAtEnd: Int?
    /// Well-formed characters of two to four bytes.
    var multibyteCount = 0
    /// NUL bytes (valid UTF-8, but not text).
    var nulCount = 0
    var firstNulOffset = -1

    var isValid: Bool { invalidCount == 0 && truncatedAtEnd == nil }
    /// Invalid sequences including a truncated last character.
    var errorCount: Int { invalidCount + (truncatedAtEnd == nil ? 0 : 1) }
}

/// A hand-written UTF-8 validator (Unicode 15, table 3-7 "well-formed UTF-8
/// byte sequences"): one pass, no allocation unless there are errors to list,
/// ASCII read eight bytes at a time.
enum UTF8Validator {
    /// How many invalid sequences are kept with their offsets.
    static let listedErrorLimit = 32

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF8Scan {
        var result = UTF8Scan()
        guard let base = bytes.baseAddress else { return result }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < count {
            // ASCII without NUL: eight bytes per step.
            while i &+ 8 <= count {
                let word = ByteLanes.word(raw, at: i)
                if ByteLanes.anyHigh(word) || ByteLanes.anyEqual(word, 0) { break }
                i &+= 8
            }
            if i >= count { break }
            let lead = base[i]
            if lead < 0x80 {
                if lead == 0 {
                    if result.nulCount == 0 { result.firstNulOffset = i }
                    result.nulCount &+= 1
                }
                i &+= 1
                continue
            }
            // Fast paths for the common forms: Vietnamese letters are two bytes
            // (C3 A0 "à", C6 B0 "ư") or three bytes led by E1 (E1 BA BF "ế").
            if lead >= 0xC2 && lead <= 0xDF && i &+ 1 < count && base[i &+ 1] & 0xC0 == 0x80 {
                result.multibyteCount &+= 1
                i &+= 2
                continue
            }
            if lead >= 0xE1 && lead <= 0xEF && lead != 0xED && i &+ 2 < count
                && base[i &+ 1] & 0xC0 == 0x80 && base[i &+ 2] & 0xC0 == 0x80 {
                result.multibyteCount &+= 1
                i &+= 3
                continue
            }
            var continuations: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: continuations = 1
            case 0xE0: continuations = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: continuations = 2
            case 0xED: continuations = 2; high = 0x9F // no surrogates
            case 0xF0: continuations = 3; low = 0x90
            case 0xF1...0xF3: continuations = 3
            case 0xF4: continuations = 3; high = 0x8F // nothing above U+10FFFF
            default:
                record(&result, offset: i, length: 1)
                i &+= 1
                continue
            }
            var j = i &+ 1
            var wellFormed = true
            while continuations > 0 {
                if j >= count {
                    result.truncatedAtEnd = i
                    wellFormed = false
                    break
                }
                let byte = base[j]
                if byte < low || byte > high {
                    record(&result, offset: i, length: j &- i)
                    wellFormed = false
                    break
                }
                low = 0x80
                high = 0xBF
                j &+= 1
                continuations &-= 1
            }
            if wellFormed { result.multibyteCount &+= 1 }
            i = j
        }
        return result
    }

    private static func record(_ result: inout UTF8Scan, offset: Int, length: Int) {
        if result.invalid.count < listedErrorLimit { result.invalid.append((offset, length)) }
        result.invalidCount &+= 1
    }
}
