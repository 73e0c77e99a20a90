import Foundation

/// Writes text in the 8-bit encodings, the inverse of `LegacyDecoder`. Used
/// to build test files from real plan text, and to check that every table
/// entry round-trips.
enum LegacyEncoder {
    /// The encoded bytes and how many characters had no code (written as "?").
    struct Result {
        var bytes: [UInt8]
        var unrepresentable: Int
    }

    /// Encodes the NFC form of `text`. TCVN3 has no capitals with tones: like
    /// a .VnTimeH heading, they are written with the lowercase code.
    static func encode(_ text: String, as encoding: SourceEncoding) -> Result {
        var result = Result(bytes: [], unrepresentable: 0)
        result.bytes.reserveCapacity(text.utf8.count)
        let nfc = text.precomposedStringWithCanonicalMapping
        switch encoding {
        case .vni:
            let reverse = vniSingleBytes
            for scalar in nfc.unicodeScalars { encodeVNI(scalar, reverse: reverse, into: &result) }
        case .tcvn3, .windows1258, .windows1252, .utf8, .utf8WithBOM, .utf16LE, .utf16BE:
            let reverse: [UInt32: UInt8]
            switch encoding {
            case .tcvn3: reverse = tcvn3Reverse
            case .windows1258: reverse = windows1258Reverse
            default: reverse = windows1252Reverse
            }
            for scalar in nfc.unicodeScalars {
                if let bytes = singleBytes(for: scalar, reverse: reverse)
                    ?? (encoding == .tcvn3 ? lowercaseFallback(scalar, reverse: reverse) : nil) {
                    result.bytes += bytes
                } else {
                    result.bytes.append(UInt8(ascii: "?"))
                    result.unrepresentable += 1
                }
            }
        }
        return result
    }

    private static let tcvn3Reverse = reverseTable(.tcvn3, preferred: SingleByteTable.tcvn3Assignments)
    private static let windows1258Reverse = reverseTable(.windows1258, preferred: [:])
    private static let windows1252Reverse = reverseTable(.windows1252, preferred: [:])

    private static func reverseTable(_ table: SingleByteTable, preferred: [UInt8: UInt32]) -> [UInt32: UInt8] {
        var reverse: [UInt32: UInt8] = [:]
        for (byte, scalar) in preferred { reverse[scalar] = byte }
        for byte in 0...255 where table.scalars[byte] != SingleByteTable.undefined && reverse[table.scalars[byte]] == nil {
            reverse[table.scalars[byte]] = UInt8(byte)
        }
        return reverse
    }

    /// The scalar's byte, or its letter's byte followed by its tone mark's
    /// byte (Windows-1258 writes "ặ" as "ă" + combining dot below).
    private static func singleBytes(for scalar: Unicode.Scalar, reverse: [UInt32: UInt8]) -> [UInt8]? {
        if let byte = reverse[scalar.value] { return [byte] }
        let parts = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard parts.count > 1 else { return nil }
        // Canonical order may put the dot below before the breve or hat: split tones from the letter's own marks.
        let toneValues: Set<UInt32> = [VNITable.grave, VNITable.acute, VNITable.hook, VNITable.tilde, VNITable.dotBelow]
        let tones = parts.dropFirst().filter { toneValues.contains($0.value) }
        let letterParts = [parts[0]] + parts.dropFirst().filter { !toneValues.contains($0.value) }
        let letter = String(String.UnicodeScalarView(letterParts)).precomposedStringWithCanonicalMapping.unicodeScalars
        guard letter.count == 1, let letterScalar = letter.first, let letterByte = reverse[letterScalar.value] else { return nil }
        let toneBytes = tones.compactMap { reverse[$0.value] }
        return toneBytes.count == tones.count ? [letterByte] + toneBytes : nil
    }

    private static func lowercaseFallback(_ scalar: Unicode.Scalar, reverse: [UInt32: UInt8]) -> [UInt8]? {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let lowered = lower.first, lowered != scalar else { return nil }
        return singleBytes(for: lowered, reverse: reverse)
    }

    /// VNI bytes read on their own (not mark bytes): scalar to byte.
    private static let vniSingleBytes: [UInt32: UInt8] = {
        var reverse: [UInt32: UInt8] = [:]
        for byte in 0x80...0xFF where VNITable.marks[byte] == nil {
            let scalar = VNITable.letters.scalars[byte]
            if scalar != SingleByteTable.undefined { reverse[scalar] = UInt8(byte) }
        }
        return reverse
    }()

    private static func encodeVNI(_ scalar: Unicode.Scalar, reverse: [UInt32: UInt8], into result: inout Result) {
        if scalar.isASCII {
            result.bytes.append(UInt8(scalar.value))
            return
        }
        if let byte = reverse[scalar.value] {
            result.bytes.append(byte)
            return
        }
        let parts = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard let base = parts.first, base.isASCII, parts.count > 1 else {
            result.bytes.append(UInt8(ascii: "?"))
            result.unrepresentable += 1
            return
        }
        var shape: UInt32 = 0
        var tone: UInt32 = 0
        for mark in parts.dropFirst() {
            switch mark.value {
            case VNITable.circumflex, VNITable.breve, VNITable.horn: shape = mark.value
            case VNITable.grave, VNITable.acute, VNITable.hook, VNITable.tilde, VNITable.dotBelow: tone = mark.value
            default: shape = .max
            }
        }
        let upper = base.properties.isUppercase
        var baseByte = UInt8(base.value)
        var family = VNITable.Family.tone
        switch (shape, base) {
        case (0, _): family = .tone
        case (VNITable.circumflex, "a"), (VNITable.circumflex, "e"), (VNITable.circumflex, "o"),
             (VNITable.circumflex, "A"), (VNITable.circumflex, "E"), (VNITable.circumflex, "O"):
            family = .circumflex
        case (VNITable.breve, "a"), (VNITable.breve, "A"):
            family = .breve
        case (VNITable.horn, "o"), (VNITable.horn, "O"): baseByte = upper ? 0xD4 : 0xF4 // Ơ ơ
        case (VNITable.horn, "u"), (VNITable.horn, "U"): baseByte = upper ? 0xD6 : 0xF6 // Ư ư
        default:
            result.bytes.append(UInt8(ascii: "?"))
            result.unrepresentable += 1
            return
        }
        let markShape = family == .tone ? 0 : shape
        guard let entry = VNITable.markAssignments.first(where: {
            $0.mark.family == family && $0.mark.shape == markShape && $0.mark.tone == tone
        }) else {
            result.bytes.append(baseByte) // ơ or ư without a tone
            return
        }
        result.bytes.append(baseByte)
        result.bytes.append(upper ? entry.upper : entry.lower)
    }
}
