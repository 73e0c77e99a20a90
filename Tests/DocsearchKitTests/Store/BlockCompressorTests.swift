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

    /// The matches of a compressed block, as (offset, length), in order.
    private func matches(in packed: [UInt8]) -> [(offset: Int, length: Int)] {
        var i = 0
        var total = 0, shift = 0
        repeat { total |= Int(packed[i] & 0x7F) << shift; shift += 7; i += 1 } while packed[i - 1] >= 0x80
        func length(_ base: Int) -> Int {
            guard base == 15 else { return base }
            var l = base
            repeat { l += Int(packed[i]); i += 1 } while packed[i - 1] == 255
            return l
        }
        var out: [(offset: Int, length: Int)] = []
        var at = 0
        while i < packed.count, at < total {
            let token = Int(packed[i]); i += 1
            let literals = length(token >> 4)
            i += literals; at += literals
            guard at < total, i + 2 <= packed.count else { break }
            let offset = Int(packed[i]) | Int(packed[i + 1]) << 8
            i += 2
            let matched = length(token & 15) + 4
            out.append((offset, matched))
            at += matched
        }
        return out
    }

    /// A symbol cited again after another of the same kind is one match back
    /// to its first mention, not the nearer "Chỉ thị số " and then the rest.
    func testMatchesReachPastTheNearestSamePrefix() throws {
        let mention = "Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị"
        let text = "Thực hiện \(mention) về tăng cường sự lãnh đạo của Đảng; Chỉ thị số 44-CT/TW ngày 20/7/2010 "
            + "của Ban Bí thư về công tác tuyên truyền; tiếp tục quán triệt \(mention)."
        let bytes = Array(text.utf8)
        let first = Array("Thực hiện ".utf8).count
        let third = Array(text.utf8).count - Array("\(mention).".utf8).count
        let packed = BlockCompressor.compress(bytes)
        let back = matches(in: packed).filter { $0.offset == third - first }.map(\.length).max()
        XCTAssertGreaterThanOrEqual(back ?? 0, Array(mention.utf8).count)
        XCTAssertEqual(try roundTrip(bytes), bytes)
    }

    /// A plan's record compressed against the other seed plans' records (a
    /// segment's dictionary, format 8) takes keys and values from them, and
    /// decodes to itself only with them.
    func testRecordCompressedAgainstOtherRecords() throws {
        let seeds = try Fixtures.Seed.allCases.map { (name: $0.rawValue, text: try Fixtures.text($0)) }
        let records = try Fixtures.segmentBuilder(of: seeds).records.map { $0.jsonBytes() }
        let dictionary = Array(records.dropLast().joined()), input = records.last!
        let alone = BlockCompressor.compress(input), primed = BlockCompressor.compress(input, dictionary: dictionary)
        XCTAssertLessThan(primed.count * 4, alone.count * 3)
        let decoded = try primed.withUnsafeBytes { block in
            try dictionary.withUnsafeBytes { try BlockCompressor.decompress(block, dictionary: $0, path: "b") }
        }
        XCTAssertEqual(decoded, input)
        let withoutDictionary = try? primed.withUnsafeBytes { try BlockCompressor.decompress($0, path: "b") }
        XCTAssertFalse(withoutDictionary == input, "decoded without the dictionary it was compressed against")
    }

    /// The length of a match, read eight bytes at a time, is the bytes'
    /// common prefix wherever they first differ and wherever the text ends.
    func testMatchLengthIsTheCommonPrefix() throws {
        let phrase = Array("Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị".utf8)
        for cut in 0...phrase.count {
            // The phrase again, to `cut`; then a byte that differs, or the end.
            for differs in [true, false] where cut < phrase.count || !differs {
                let text = phrase + phrase[..<cut] + (differs ? [phrase[cut] ^ 0x20] : [])
                let length = text.withUnsafeBufferPointer { BlockCompressor.MatchFinder.commonPrefix(0, phrase.count, in: $0) }
                XCTAssertEqual(length, cut, "cut \(cut), differs \(differs)")
            }
        }
    }

    func testDamagedBlocksThrowInsteadOfTrapping() throws {
        let bytes = Array(try Fixtures.text(.longAn).utf8.prefix(4000))
        let dictionary = Array(try Fixtures.text(.thuThua).utf8.prefix(4000))
        let packed = BlockCompressor.compress(bytes, dictionary: dictionary)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var bad = packed
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                bad[Int.random(in: 0..<bad.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if Bool.random(using: &rng) { bad = Array(bad.prefix(Int.random(in: 0..<bad.count, using: &rng))) }
            _ = try? bad.withUnsafeBytes { try BlockCompressor.decompress($0, path: "b") }
            _ = try? bad.withUnsafeBytes { block in
                try dictionary.withUnsafeBytes { try BlockCompressor.decompress(block, dictionary: $0, path: "b") }
            }
        }
    }
}
