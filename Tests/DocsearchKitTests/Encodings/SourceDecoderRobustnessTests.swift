import XCTest
@testable import DocsearchKit

/// Arbitrary bytes never crash the decoder, and what it returns is sane.
final class SourceDecoderRobustnessTests: XCTestCase {
    func testRandomAndMutatedBuffersNeverCrash() throws {
        var generator = EncodingTestSupport.SeededGenerator(state: 2024)
        let plan = Array(try XCTUnwrap(EncodingTestSupport.seedPlans().first).text.utf8.prefix(3000))
        let prefixes: [[UInt8]] = [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]
        var outcomes: [String: Int] = [:]
        for round in 0..<1500 {
            let length = Int.random(in: 0...1200, using: &generator)
            var bytes: [UInt8]
            switch round % 5 {
            case 0: // uniform noise
                bytes = EncodingTestSupport.randomBytes(length, using: &generator)
            case 1: // high bytes and letters: the 8-bit guessing path
                bytes = (0..<length).map { _ in
                    Bool.random(using: &generator) ? UInt8.random(in: 0x80...0xFF, using: &generator) : UInt8.random(in: 0x61...0x7A, using: &generator)
                }
            case 2: // a real UTF-8 plan with bytes overwritten and the end cut anywhere
                bytes = Array(plan.prefix(length))
                for _ in 0..<Int.random(in: 0...8, using: &generator) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
            case 3: // UTF-16 cut at any byte, with surrogate halves thrown in
                bytes = EncodingTestSupport.utf16(String(decoding: plan, as: UTF8.self), bigEndian: Bool.random(using: &generator), bom: false)
                bytes = Array(bytes.prefix(length))
                if !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = 0xD8 }
            default: // VNI mark bytes at the start and after every kind of byte
                bytes = (0..<length).map { _ in [0x61, 0xE1, 0xD9, 0xF4, 0xEF, 0x00, 0x20, 0xC2][Int.random(in: 0..<8, using: &generator)] }
            }
            bytes = prefixes[Int.random(in: 0..<prefixes.count, using: &generator)] + bytes
            do {
                let decoded = try SourceDecoder.decode(bytes)
                outcomes[decoded.encoding.label, default: 0] += 1
                XCTAssertFalse(decoded.text.unicodeScalars.contains("\u{0}"), "NUL left in text, round \(round)")
                for warning in decoded.warnings {
                    if let offset = warning.byteOffset { XCTAssertTrue((0..<bytes.count).contains(offset), "\(warning) in \(bytes.count) bytes") }
                }
            } catch let error as DecodeError {
                outcomes[error == .empty ? "empty" : "binary", default: 0] += 1
            }
        }
        // Every path was exercised.
        for outcome in ["UTF-8", "UTF-16 LE", "UTF-16 BE", "binary", "empty"] {
            XCTAssertGreaterThan(outcomes[outcome, default: 0], 0, "\(outcome) in \(outcomes)")
        }
        XCTAssertTrue(SourceEncoding.allCases.filter(\.isLegacy).contains { outcomes[$0.label, default: 0] > 0 }, "\(outcomes)")
    }

    func testValidatorAgreesWithTheStandardLibraryOnRandomBytes() {
        var generator = EncodingTestSupport.SeededGenerator(state: 99)
        let pieces: [[UInt8]] = [[0x41], [0xC3, 0xA9], [0xE1, 0xBB, 0x87], [0xF0, 0x9F, 0x98, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE0, 0x80], [0xFF], [0x00]]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let piece = pieces[Int.random(in: 0..<pieces.count, using: &generator)]
                bytes += Bool.random(using: &generator) ? piece : Array(piece.prefix(Int.random(in: 0...piece.count, using: &generator)))
            }
            let scan = bytes.withUnsafeBufferPointer { UTF8Validator.scan($0) }
            let standard = String(validatingUTF8CString: bytes)
            XCTAssertEqual(scan.isValid, standard != nil, "\(bytes)")
            // One U+FFFD per reported sequence, as the standard library's decoding replaces them.
            let replacements = String(decoding: bytes, as: UTF8.self).unicodeScalars.filter { $0 == "\u{FFFD}" }.count
            XCTAssertEqual(scan.errorCount, replacements, "\(bytes)")
        }
    }
}

private extension String {
    /// The string when `bytes` are entirely valid UTF-8 (NULs allowed), else nil.
    init?(validatingUTF8CString bytes: [UInt8]) {
        guard let string = String(bytes: bytes, encoding: .utf8) else { return nil }
        self = string
    }
}
