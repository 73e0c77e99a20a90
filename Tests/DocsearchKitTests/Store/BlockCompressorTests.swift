import XCTest
@testable import DocsearchKit

final class BlockCompressorTests: XCTestCase {
    private func roundTrip(_ input: [UInt8]) throws -> [UInt8] {
        let packed = BlockCompressor.compress(input)
        return try packed.withUnsafeBytes { try BlockCompressor.decompress($0, path: "b") }
    }

    func testRoundTripOnPlanText() throws {
        for seed in Fixtures.Seed.allCases {
            let bytes = Array(try Fixtures.text(seed).utf8)
            XCTAssertEqual(try roundTrip(bytes), bytes)
        }
        XCTAssertEqual(try roundTrip([]), [])
        XCTAssertEqual(try roundTrip([7]), [7])
        XCTAssertEqual(try roundTrip(Array(repeating: 0x61, count: 100_000)), Array(repeating: 0x61, count: 100_000))
    }

    func testRepeatedRecordsShrink() throws {
        let record = Array(#"{"citations":[{"key":"20-CT/TW","kind":"Chỉ thị","role":"legalBasis"}],"issuer":"Sở Giáo dục và Đào tạo tỉnh Long An"}"#.utf8)
        let block = Array((0..<16).map { _ in record }.joined())
        let packed = BlockCompressor.compress(block)
        XCTAssertLessThan(packed.count * 4, block.count)
        XCTAssertEqual(try roundTrip(block), block)
    }

    func testDamagedBlocksThrowInsteadOfTrapping() throws {
        let bytes = Array(try Fixtures.text(.longAn).utf8.prefix(4000))
        let packed = BlockCompressor.compress(bytes)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var bad = packed
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                bad[Int.random(in: 0..<bad.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if Bool.random(using: &rng) { bad = Array(bad.prefix(Int.random(in: 0..<bad.count, using: &rng))) }
            _ = try? bad.withUnsafeBytes { try BlockCompressor.decompress($0, path: "b") }
        }
    }
}
