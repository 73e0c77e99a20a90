import XCTest
@testable import DocsearchKit

/// UTF-8 and UTF-16 input: marks, validation, repairs with byte offsets.
final class SourceDecoderUnicodeTests: XCTestCase {
    func testPlainUTF8PlanDecodesToItsNormalizedText() throws {
        for plan in try EncodingTestSupport.seedPlans() {
            let decoded = try SourceDecoder.decode(Array(plan.text.utf8))
            XCTAssertEqual(decoded.encoding, .utf8, plan.name)
            XCTAssertEqual(decoded.text, TextNormalizer.normalize(plan.text), plan.name)
            XCTAssertEqual(decoded.warnings, [], plan.name)
        }
    }

    func testUTF8WithBOMIsReportedAndTheBOMDropped() throws {
        let plan = try XCTUnwrap(EncodingTestSupport.seedPlans().first)
        let decoded = try SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array(plan.text.utf8))
        XCTAssertEqual(decoded.encoding, .utf8WithBOM)
        XCTAssertEqual(decoded.encoding.label, "UTF-8 (BOM)")
        XCTAssertEqual(decoded.text, TextNormalizer.normalize(plan.text))
        XCTAssertFalse(decoded.text.hasPrefix("\u{FEFF}"))
    }

    func testUTF16WithBOMBothByteOrdersMatchIconv() throws {
        for plan in try EncodingTestSupport.seedPlans() {
            let little = EncodingTestSupport.utf16(plan.text, bigEndian: false, bom: true)
            let big = EncodingTestSupport.utf16(plan.text, bigEndian: true, bom: true)
            XCTAssertEqual(Array(little.prefix(2)), [0xFF, 0xFE])
            // glibc's "UTF-16" writes a BOM in its own byte order; ours must agree with its explicit forms.
            if let iconvLE = EncodingTestSupport.iconv(Array(plan.text.utf8), from: "UTF-8", to: "UTF-16LE") {
                XCTAssertEqual(Array(little.dropFirst(2)), iconvLE, plan.name)
            }
            let expected = TextNormalizer.normalize(plan.text)
            let decodedLE = try SourceDecoder.decode(little)
            XCTAssertEqual(decodedLE.encoding, .utf16LE, plan.name)
            XCTAssertEqual(decodedLE.text, expected, plan.name)
            let decodedBE = try SourceDecoder.decode(big)
            XCTAssertEqual(decodedBE.encoding, .utf16BE, plan.name)
            XCTAssertEqual(decodedBE.text, expected, plan.name)
            XCTAssertEqual(decodedBE.warnings, [])
        }
    }

    func testUTF16WithoutBOMIsRecognised() throws {
        let plan = try XCTUnwrap(EncodingTestSupport.seedPlans().last)
        let little = EncodingTestSupport.utf16(plan.text, bigEndian: false, bom: false)
        let big = EncodingTestSupport.utf16(plan.text, bigEndian: true, bom: false)
        XCTAssertEqual(try SourceDecoder.decode(little).encoding, .utf16LE)
        XCTAssertEqual(try SourceDecoder.decode(big).encoding, .utf16BE)
        XCTAssertEqual(try SourceDecoder.decode(big).text, TextNormalizer.normalize(plan.text))
    }

    func testUTF16OddLengthAndLoneSurrogateAreRepairedWithOffsets() throws {
        // "Kế" then a lone high surrogate, "hoạch", and a dangling byte.
        var bytes = EncodingTestSupport.utf16("Kế ", bigEndian: false, bom: true)
        bytes += [0x00, 0xD8] // U+D800 alone
        bytes += EncodingTestSupport.utf16(" hoạch", bigEndian: false, bom: false)
        bytes.append(0x41)
        let decoded = try SourceDecoder.decode(bytes)
        XCTAssertEqual(decoded.text, "Kế \u{FFFD} hoạch")
        XCTAssertEqual(decoded.warnings, [.unpairedSurrogate(byteOffset: 2 + 3 * 2), .oddTrailingByte(byteOffset: bytes.count - 1)])
    }

    func testInvalidUTF8KeepsTheValidTextAndNamesTheByteOffsets() throws {
        let plan = try XCTUnwrap(EncodingTestSupport.seedPlans().first { $0.name.contains("tiep-can") })
        let text = Array(plan.text.utf8)
        // Cut at character boundaries (not continuation bytes) around a third and two thirds in.
        let first = boundary(in: text, near: text.count / 3)
        let second = boundary(in: text, near: 2 * text.count / 3)
        // 0xFF can never appear; E1 BB 41 is a three-byte character cut short (2 bytes), 0x80 a stray continuation.
        let corrupted = Array(text[..<first]) + [0xFF] + Array(text[first..<second]) + [0xE1, 0xBB] + Array(text[second...]) + [0x80]
        let decoded = try SourceDecoder.decode(corrupted)
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.warnings, [
            .invalidUTF8(byteOffset: first, length: 1),
            .invalidUTF8(byteOffset: second + 1, length: 2),
            .invalidUTF8(byteOffset: text.count + 3, length: 1),
        ])
        let expected = String(decoding: text[..<first], as: UTF8.self) + "\u{FFFD}"
            + String(decoding: text[first..<second], as: UTF8.self) + "\u{FFFD}"
            + String(decoding: text[second...], as: UTF8.self) + "\u{FFFD}"
        XCTAssertEqual(decoded.text, TextNormalizer.normalize(expected))
        XCTAssertTrue(decoded.warnings[0].description.contains("byte \(first)"))
    }

    func testManyInvalidSequencesAreSummarisedNotListedOneByOne() throws {
        let plan = try XCTUnwrap(EncodingTestSupport.seedPlans().first)
        let text = Array(plan.text.utf8)
        // 40 stray bytes spread over a text with thousands of good multibyte letters.
        var corrupted: [UInt8] = []
        let step = text.count / 40
        var cut = 0
        for _ in 0..<40 {
            let next = boundary(in: text, near: cut + step)
            corrupted += text[cut..<next] + [0xC0]
            cut = next
        }
        corrupted += text[cut...]
        let decoded = try SourceDecoder.decode(corrupted)
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.warnings.count, UTF8Validator.listedErrorLimit + 1)
        XCTAssertEqual(decoded.warnings.last, .moreInvalidSequences(count: 40 - UTF8Validator.listedErrorLimit))
        XCTAssertEqual(decoded.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count, 40)
    }

    func testTruncatedMultibyteCharacterAtEndOfFile() throws {
        let plan = try XCTUnwrap(EncodingTestSupport.seedPlans().first)
        let text = Array(plan.text.utf8)
        let cut = Array("ế".utf8).prefix(2) // E1 BB: the file stops inside "ế"
        let decoded = try SourceDecoder.decode(text + cut)
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.warnings, [.truncatedUTF8(byteOffset: text.count)])
        XCTAssertEqual(decoded.text, TextNormalizer.normalize(plan.text + "\u{FFFD}"))
    }

    func testSparseNULBytesAreRemovedWithAWarning() throws {
        let plan = try XCTUnwrap(EncodingTestSupport.seedPlans().first)
        var bytes = Array(plan.text.utf8)
        let at = boundary(in: bytes, near: 5000)
        bytes.insert(0, at: at)
        bytes.insert(0, at: at + 100)
        let decoded = try SourceDecoder.decode(bytes)
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.text, TextNormalizer.normalize(plan.text))
        XCTAssertEqual(decoded.warnings, [.nulRemoved(count: 2, firstByteOffset: at)])
    }

    func testEmptyFilesAreRefused() {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]] {
            XCTAssertThrowsError(try SourceDecoder.decode(bytes), "\(bytes)") { error in
                XCTAssertEqual(error as? DecodeError, .empty)
            }
        }
    }

    func testDataAndRawBufferOverloadsAgree() throws {
        let plan = try XCTUnwrap(EncodingTestSupport.seedPlans().first)
        let bytes = EncodingTestSupport.utf16(plan.text, bigEndian: false, bom: true)
        let fromArray = try SourceDecoder.decode(bytes)
        XCTAssertEqual(try SourceDecoder.decode(Data(bytes)), fromArray)
        XCTAssertEqual(try bytes.withUnsafeBytes { try SourceDecoder.decode($0) }, fromArray)
    }

    /// The start of the character at or after `index`.
    private func boundary(in bytes: [UInt8], near index: Int) -> Int {
        var i = min(index, bytes.count)
        while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
        return i
    }
}
