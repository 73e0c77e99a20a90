import Foundation

/// Turns a source file's bytes into NFC text, detecting the encoding.
///
/// Order: a byte order mark (UTF-8, UTF-16 LE/BE); UTF-16 without a mark
/// (NUL in every other byte); binary files (known signatures, control-byte
/// density in the first 8 KiB) are refused; valid UTF-8 (or UTF-8 with a few
/// invalid sequences, which become U+FFFD with a warning naming their byte
/// offset); otherwise an 8-bit encoding chosen by `LegacyEncodingDetector`.
/// Sparse NUL bytes are removed with a warning. The text goes through
/// `TextNormalizer.normalize` last.
public enum SourceDecoder {
    /// At least this many well-formed multibyte characters per invalid
    /// sequence make a file UTF-8 with errors rather than an 8-bit encoding.
    static let multibytePerErrorForUTF8 = 4

    public static func decode(_ bytes: [UInt8]) throws -> DecodedSource {
        try bytes.withUnsafeBufferPointer { try decode($0) }
    }

    public static func decode(_ data: Data) throws -> DecodedSource {
        try data.withUnsafeBytes { try decode($0) }
    }

    public static func decode(_ raw: UnsafeRawBufferPointer) throws -> DecodedSource {
        try decode(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count))
    }

    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> DecodedSource {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decodeUTF8(UnsafeBufferPointer(rebasing: bytes[3...]), baseOffset: 3, encoding: .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let content = UnsafeBufferPointer(rebasing: bytes[2...])
            guard !content.isEmpty else { throw DecodeError.empty }
            let bigEndian = bytes[0] == 0xFE
            return finish(UTF16Decoder.decode(content, bigEndian: bigEndian, baseOffset: 2), bigEndian ? .utf16BE : .utf16LE)
        }
        guard !bytes.isEmpty else { throw DecodeError.empty }
        if let order = UTF16Decoder.guessByteOrder(bytes) {
            return finish(UTF16Decoder.decode(bytes, bigEndian: order == .utf16BE, baseOffset: 0), order)
        }
        return try decodeUTF8(bytes, baseOffset: 0, encoding: .utf8)
    }

    /// UTF-8 (or, failing that, an 8-bit encoding) after any BOM.
    private static func decodeUTF8(_ content: UnsafeBufferPointer<UInt8>, baseOffset: Int, encoding: SourceEncoding) throws -> DecodedSource {
        guard !content.isEmpty else { throw DecodeError.empty }
        if let evidence = BinarySniffer.evidence(in: content) { throw DecodeError.binary(evidence) }
        // Valid UTF-8 without NUL, nearly every file: the String's own check
        // is the one pass over the bytes. The scan below, which the String
        // made then checked again, was 203 M of the 2,000 plans' 7.2 G
        // instructions (callgrind).
        if memchr(content.baseAddress!, 0, content.count) == nil, let text = String(validating: content, as: UTF8.self) {
            return DecodedSource(text: TextNormalizer.normalize(text), encoding: encoding, warnings: [])
        }
        let scan = UTF8Validator.scan(content)
        let looksUTF8 = scan.errorCount == 0
            || encoding == .utf8WithBOM
            || scan.multibyteCount >= multibytePerErrorForUTF8 * scan.errorCount
        guard looksUTF8 else {
            let legacy = LegacyEncodingDetector.detect(content)
            return finish(LegacyDecoder.decode(content, as: legacy, baseOffset: baseOffset), legacy)
        }
        var warnings: [DecodeWarning] = scan.invalid.map { .invalidUTF8(byteOffset: baseOffset + $0.offset, length: $0.length) }
        if scan.invalidCount > scan.invalid.count {
            warnings.append(.moreInvalidSequences(count: scan.invalidCount - scan.invalid.count))
        }
        if let truncated = scan.truncatedAtEnd { warnings.append(.truncatedUTF8(byteOffset: baseOffset + truncated)) }
        let text: String
        if scan.nulCount == 0 {
            text = String(decoding: content, as: UTF8.self)
        } else {
            warnings.append(.nulRemoved(count: scan.nulCount, firstByteOffset: baseOffset + scan.firstNulOffset))
            var kept: [UInt8] = []
            kept.reserveCapacity(content.count - scan.nulCount)
            for byte in content where byte != 0 { kept.append(byte) }
            text = String(decoding: kept, as: UTF8.self)
        }
        return DecodedSource(text: TextNormalizer.normalize(text), encoding: encoding, warnings: warnings)
    }

    private static func finish(_ decoded: (String, [DecodeWarning]), _ encoding: SourceEncoding) -> DecodedSource {
        DecodedSource(text: TextNormalizer.normalize(decoded.0), encoding: encoding, warnings: decoded.1)
    }
}
