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
}
