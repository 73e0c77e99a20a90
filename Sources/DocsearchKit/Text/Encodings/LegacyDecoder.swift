/// Decodes the 8-bit encodings (Windows-1252, Windows-1258, TCVN3, VNI) to
/// text. The result is not yet NFC: Windows-1258 and VNI produce combining
/// marks that `TextNormalizer.normalize` composes.
enum LegacyDecoder {
    /// `baseOffset` is the offset of `bytes` in the file, for warnings.
    /// NUL bytes are dropped and undefined bytes become U+FFFD, both with a warning.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: SourceEncoding, baseOffset: Int) -> (String, [DecodeWarning]) {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 2)
        var counts = Counts()
        switch encoding {
        case .vni:
            decodeVNI(bytes, into: &utf8, counts: &counts)
        case .tcvn3:
            decodeSingleByte(bytes, table: .tcvn3, into: &utf8, counts: &counts)
        case .windows1258:
            decodeSingleByte(bytes, table: .windows1258, into: &utf8, counts: &counts)
        case .windows1252, .utf8, .utf8WithBOM, .utf16LE, .utf16BE:
            decodeSingleByte(bytes, table: .windows1252, into: &utf8, counts: &counts)
        }
        var warnings: [DecodeWarning] = []
        if counts.nul > 0 {
            warnings.append(.nulRemoved(count: counts.nul, firstByteOffset: baseOffset + counts.firstNul))
        }
        if counts.unmapped > 0 {
            warnings.append(.unmappedBytes(count: counts.unmapped, firstByteOffset: baseOffset + counts.firstUnmapped))
        }
        return (String(decoding: utf8, as: UTF8.self), warnings)
    }

    private struct Counts {
        var nul = 0
        var firstNul = 0
        var unmapped = 0
        var firstUnmapped = 0

        mutating func noteNul(at offset: Int) {
            if nul == 0 { firstNul = offset }
            nul += 1
        }

        mutating func noteUnmapped(at offset: Int) {
            if unmapped == 0 { firstUnmapped = offset }
            unmapped += 1
        }
    }

    private static func decodeSingleByte(_ bytes: UnsafeBufferPointer<UInt8>, table: SingleByteTable, into utf8: inout [UInt8], counts: inout Counts) {
        table.scalars.withUnsafeBufferPointer { scalars in
            for (offset, byte) in bytes.enumerated() {
                if byte < 0x80 {
                    if byte == 0 { counts.noteNul(at: offset); continue }
                    utf8.append(byte)
                    continue
                }
                let scalar = scalars[Int(byte)]
                if scalar == SingleByteTable.undefined { counts.noteUnmapped(at: offset) }
                appendUTF8(scalar, to: &utf8)
            }
        }
    }

    private static func decodeVNI(_ bytes: UnsafeBufferPointer<UInt8>, into utf8: inout [UInt8], counts: inout Counts) {
        let letters = VNITable.letters
        let marks = VNITable.marks
        let baseFamilies = VNITable.baseFamilies
        // Families of marks the previous byte accepts as a base letter; 0 after a mark.
        var accepts: UInt8 = 0
        for (offset, byte) in bytes.enumerated() {
            if let mark = marks[Int(byte)], accepts & (1 << mark.family.rawValue) != 0 {
                if mark.shape != 0 { appendUTF8(mark.shape, to: &utf8) }
                if mark.tone != 0 { appendUTF8(mark.tone, to: &utf8) }
                accepts = 0
                continue
            }
            accepts = baseFamilies[Int(byte)]
            if byte < 0x80 {
                if byte == 0 { counts.noteNul(at: offset); continue }
                utf8.append(byte)
                continue
            }
            let scalar = letters[byte]
            if scalar == SingleByteTable.undefined { counts.noteUnmapped(at: offset) }
            appendUTF8(scalar, to: &utf8)
        }
    }

    /// Appends the UTF-8 form of a scalar value below U+10000.
    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to utf8: inout [UInt8]) {
        if scalar < 0x80 {
            utf8.append(UInt8(scalar))
        } else if scalar < 0x800 {
            utf8.append(UInt8(0xC0 | scalar >> 6))
            utf8.append(UInt8(0x80 | scalar & 0x3F))
        } else {
            utf8.append(UInt8(0xE0 | scalar >> 12))
            utf8.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            utf8.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
