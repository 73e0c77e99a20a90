import XCTest
@testable import DocsearchKit

/// `TermTable`: ids by key, and the keys' byte order (a segment's dictionary order).
final class TermTableTests: XCTestCase {
    /// The seed plans' words in three fields, as the indexer adds them.
    private func table() throws -> TermTable {
        var table = TermTable()
        let analyzer = Analyzer()
        for seed in Fixtures.Seed.allCases {
            for token in analyzer.tokens(in: try Fixtures.text(seed)) {
                _ = table.id(field: TermField.bodyFolded.rawValue, token.folded)
                _ = table.id(field: TermField.bodyExact.rawValue, token.exact)
                _ = table.id(field: TermField.titleFolded.rawValue, token.folded)
            }
        }
        return table
    }

    func testIdsInKeyOrderSortTheKeysByteByByte() throws {
        let table = try table()
        XCTAssertGreaterThan(table.count, 1_500)
        let order = table.idsInKeyOrder()
        XCTAssertEqual(order, (0..<table.count).sorted { table.key($0).lexicographicallyPrecedes(table.key($1)) })
        // A key before every longer key it begins ("an" before "anh"), and letters by their bytes.
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let an = try XCTUnwrap(table.find(field: TermField.bodyFolded.rawValue, "an"))
        let anh = try XCTUnwrap(table.find(field: TermField.bodyFolded.rawValue, "anh"))
        XCTAssertLessThan(rank[an]!, rank[anh]!)
        let binh = try XCTUnwrap(table.find(field: TermField.bodyExact.rawValue, "bình"))
        let bao = try XCTUnwrap(table.find(field: TermField.bodyExact.rawValue, "bảo"))
        XCTAssertLessThan(rank[binh]!, rank[bao]!, "ì (C3 AC) before ả (E1 BA A3)")
    }

    func testIdsAreDenseAndKeysRoundTrip() throws {
        var table = TermTable(capacity: 4)
        let words = ["kế", "hoạch", "kế", "tuyên", "truyền", "hoạch"]
        let ids = words.map { table.id(field: TermField.bodyExact.rawValue, $0) }
        XCTAssertEqual(ids, [0, 1, 0, 2, 3, 1])
        XCTAssertEqual(table.key(2), [TermField.bodyExact.rawValue] + Array("tuyên".utf8))
        XCTAssertNil(table.find(field: TermField.bodyFolded.rawValue, "tuyên"), "the field is part of the key")
    }

    /// Keys with the same hash and length (eight letters alone, and after a
    /// 20-byte prefix), which only their bytes tell apart, keep their own
    /// ids, each found again by its bytes. Such keys are found among 600,000
    /// drawn with a fixed seed.
    func testKeysSharingAHashKeepTheirOwnIds() {
        for prefix in [[UInt8](), Array("chuong trinh hanh d ".utf8)] {
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            var byHash: [UInt32: [UInt8]] = [:]
            var pairs: [([UInt8], [UInt8])] = []
            var key = prefix + [UInt8](repeating: 0, count: 8)
            for _ in 0..<600_000 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                var bits = state >> 16
                for k in 0..<8 { key[prefix.count + k] = 0x61 + UInt8(bits % 26); bits /= 26 }
                let h = key.withUnsafeBufferPointer { TermTable.hash(TermField.bodyFolded.rawValue, $0) }
                if let other = byHash[h] { if other != key { pairs.append((other, key)) } } else { byHash[h] = key }
            }
            XCTAssertGreaterThan(pairs.count, 5, "keys sharing a hash")
            var table = TermTable(capacity: 4)
            var ids: [[UInt8]: Int] = [:]
            for (x, y) in pairs {
                for k in [x, y] { ids[k] = k.withUnsafeBufferPointer { table.id(field: TermField.bodyFolded.rawValue, $0) } }
                XCTAssertNotEqual(ids[x], ids[y], String(decoding: x + [0x2F] + y, as: UTF8.self))
            }
            for (k, id) in ids {
                XCTAssertEqual(k.withUnsafeBufferPointer { table.find(field: TermField.bodyFolded.rawValue, $0) }, id)
            }
            XCTAssertEqual(table.count, ids.count)
        }
    }
}
