#if canImport(Glibc)
import Glibc
#endif
/// UTF-16 bytes (after any byte order mark) to text, and the guess of UTF-16
/// for files saved without a mark.
enum UTF16Decoder {
    /// Guesses UTF-16 without a byte order mark: mostly-ASCII text has a NUL
    /// in every other byte, on the high side of each code unit. Returns
    /// `.utf16LE`, `.utf16BE` or nil.
    static func guessByteOrder(_ bytes: UnsafeBufferPointer<UInt8>) -> SourceEncoding? {
        let sampled = min(bytes.count, BinarySniffer.sampleSize) & ~1
        let units = sampled / 2
        guard units >= 2 else { return nil }
        // Without a NUL in the sample, no byte order is guessed: one memchr,
        // where counting every byte pair of every UTF-8 plan was 0.5% of the
        // build (callgrind).
        guard memchr(bytes.baseAddress!, 0, sampled) != nil else { return nil }
        var zeroEven = 0
        var zeroOdd = 0
        var i = 0
        while i < sampled {
            if bytes[i] == 0 { zeroEven += 1 }
            if bytes[i + 1] == 0 { zeroOdd += 1 }
            i += 2
        }
        let guess: SourceEncoding
        if zeroOdd * 10 >= units * 3 && zeroEven * 50 <= units {
            guess = .utf16LE
        } else if zeroEven * 10 >= units * 3 && zeroOdd * 50 <= units {
            guess = .utf16BE
        } else {
            return nil
        }
        // The code units must then read as text, not as controls or broken surrogates.
        var bad = 0
        var expectLow = false
        for k in 0..<units {
            let unit = codeUnit(bytes, at: 2 * k, bigEndian: guess == .utf16BE)
            let isLow = (0xDC00...0xDFFF).contains(unit)
            if expectLow != isLow { bad += 1 }
            expectLow = (0xD800...0xDBFF).contains(unit)
            switch unit {
            case 0x09, 0x0A, 0x0C, 0x0D: break
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: bad += 1
            default: break
            }
        }
        return bad * 20 > units ? nil : guess
    }

    /// Decodes UTF-16 `bytes`; `baseOffset` is their offset in the file, for warnings.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool, baseOffset: Int) -> (String, [DecodeWarning]) {
        let unitCount = bytes.count / 2
        var warnings: [DecodeWarning] = []
        var units: [UInt16] = []
        units.reserveCapacity(unitCount)
        var nulCount = 0
        var firstNul = 0
        var listed = 0
        var unlisted = 0
        func surrogateWarning(_ offset: Int) {
            if listed < UTF8Validator.listedErrorLimit {
                warnings.append(.unpairedSurrogate(byteOffset: baseOffset + offset))
                listed += 1
            } else {
                unlisted += 1
            }
        }
        var k = 0
        while k < unitCount {
            let unit = codeUnit(bytes, at: 2 * k, bigEndian: bigEndian)
            if unit == 0 {
                if nulCount == 0 { firstNul = baseOffset + 2 * k }
                nulCount += 1
            } else {
                if (0xD800...0xDBFF).contains(unit) {
                    let next: UInt16 = k + 1 < unitCount ? codeUnit(bytes, at: 2 * (k + 1), bigEndian: bigEndian) : 0
                    if (0xDC00...0xDFFF).contains(next) {
                        units.append(unit)
                        units.append(next)
                        k += 2
                        continue
                    }
                    surrogateWarning(2 * k)
                } else if (0xDC00...0xDFFF).contains(unit) {
                    surrogateWarning(2 * k)
                }
                units.append(unit)
            }
            k += 1
        }
        if unlisted > 0 { warnings.append(.moreInvalidSequences(count: unlisted)) }
        if nulCount > 0 { warnings.append(.nulRemoved(count: nulCount, firstByteOffset: firstNul)) }
        if bytes.count % 2 == 1 { warnings.append(.oddTrailingByte(byteOffset: baseOffset + bytes.count - 1)) }
        return (String(decoding: units, as: UTF16.self), warnings)
    }

    @inline(__always)
    private static func codeUnit(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, bigEndian: Bool) -> UInt16 {
        let first = UInt16(bytes[i])
        let second = UInt16(bytes[i + 1])
        return bigEndian ? first << 8 | second : second << 8 | first
    }
}
