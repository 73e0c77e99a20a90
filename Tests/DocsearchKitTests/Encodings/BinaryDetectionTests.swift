import XCTest
@testable import DocsearchKit

final class BinaryDetectionTests: XCTestCase {
    private func binaryEvidence(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> DecodeError.BinaryEvidence? {
        do {
            let decoded = try SourceDecoder.decode(bytes)
            XCTFail("decoded as \(decoded.encoding.label)", file: file, line: line)
            return nil
        } catch DecodeError.binary(let evidence) {
            return evidence
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return nil
        }
    }

    func testKnownSignaturesAreNamed() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                            0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00]
        XCTAssertEqual(binaryEvidence(png), .signature(format: "PNG image"))
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("word/document.xml".utf8)
        XCTAssertEqual(binaryEvidence(zip), .signature(format: "ZIP archive (also .docx, .xlsx, .odt)"))
        XCTAssertEqual(binaryEvidence(Array("%PDF-1.7\n%âãÏÓ\n".utf8)), .signature(format: "PDF document"))
        XCTAssertEqual(binaryEvidence([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), .signature(format: "OLE2 compound document (.doc, .xls)"))
        XCTAssertEqual(binaryEvidence([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]), .signature(format: "ELF executable"))
    }

    func testRandomBytesAreBinaryByControlDensity() {
        var generator = EncodingTestSupport.SeededGenerator(state: 6)
        for size in [512, 4096, 100_000] {
            guard case .controlBytes(let count, _, let sampled)? = binaryEvidence(EncodingTestSupport.randomBytes(size, using: &generator)) else {
                XCTFail("random \(size) bytes not refused by control density")
                continue
            }
            XCTAssertEqual(sampled, min(size, BinarySniffer.sampleSize))
            XCTAssertGreaterThan(count * 100, sampled * BinarySniffer.controlPercentLimit)
        }
    }

    func testDenseNULsMakeTextBinary() throws {
        let plan = try XCTUnwrap(EncodingTestSupport.seedPlans().first)
        var bytes: [UInt8] = []
        // A NUL every 40 bytes: 2.5 %, far from the stray NUL of a damaged text file.
        for (i, byte) in plan.text.utf8.enumerated() {
            if i % 40 == 0 { bytes.append(0) }
            bytes.append(byte)
        }
        guard case .controlBytes(_, let nuls, let sampled)? = binaryEvidence(bytes) else { return XCTFail("not binary") }
        XCTAssertEqual(nuls, (sampled + 40) / 41)
        XCTAssertEqual(binaryEvidence([0, 0, 0, 0]), .controlBytes(count: 4, nulCount: 4, sampled: 4))
    }

    /// Every byte value, 40 times over: of the first 8,192 bytes sampled, the
    /// 27 control values of each run of 256 are counted (NUL among them),
    /// and nothing else.
    func testCountsEveryControlByteOfTheSampleAndNoOther() {
        let bytes = (0..<40).flatMap { _ in (0...255).map { UInt8($0) } }
        XCTAssertEqual(binaryEvidence(bytes), .controlBytes(count: 32 * 27, nulCount: 32, sampled: 8192))
        XCTAssertEqual((0...255).filter { BinarySniffer.isBinaryControl(UInt8($0)) }.count, 27)
    }

    /// Control bytes among Vietnamese text, at every offset of the eight-byte
    /// words the sniffer reads at once, beside multi-byte letters: each
    /// counted once, as byte by byte.
    func testCountsControlBytesAmongTextAtEveryOffset() throws {
        let plan = try XCTUnwrap(EncodingTestSupport.seedPlans().first)
        let controls: [UInt8] = [0x01, 0x1F, 0x7F, 0x08, 0x0E, 0x1A, 0x1C, 0x00]
        var bytes = Array(plan.text.utf8)
        for (k, i) in stride(from: 5, to: bytes.count, by: 13).enumerated() { bytes[i] = controls[k % controls.count] }
        let sample = bytes.prefix(BinarySniffer.sampleSize)
        let expected = sample.filter(BinarySniffer.isBinaryControl).count
        XCTAssertGreaterThan(expected * 100, sample.count * BinarySniffer.controlPercentLimit)
        XCTAssertEqual(binaryEvidence(bytes),
                       .controlBytes(count: expected, nulCount: sample.filter { $0 == 0 }.count, sampled: sample.count))
    }

    func testErrorDescriptionsNameTheReason() {
        XCTAssertEqual(DecodeError.empty.description, "empty file")
        XCTAssertEqual(DecodeError.binary(.signature(format: "PNG image")).description, "binary file (PNG image)")
        XCTAssertTrue(DecodeError.binary(.controlBytes(count: 900, nulCount: 30, sampled: 8192)).description.contains("900 control bytes"))
    }

    func testTabsFormFeedsAndEscapesStayText() throws {
        let text = "Số: 12/KH-UBND\tHà Quảng\u{0C}\n\u{1B}[1mKẾ HOẠCH\u{1B}[0m\r\n"
        let decoded = try SourceDecoder.decode(Array(text.utf8))
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.text, TextNormalizer.normalize(text))
    }
}
