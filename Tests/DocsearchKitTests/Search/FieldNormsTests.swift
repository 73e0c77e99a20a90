import XCTest
@testable import DocsearchKit

/// The field norms an engine keeps must be BM25's own, to the bit, or a
/// score read through them would differ from the formula's; and they must
/// follow the engine's BM25 parameters when those change. Checked on the
/// ALQAC law articles, whose bodies run from a line to pages.
final class FieldNormsTests: XCTestCase {
    func testNormsAreBM25sForEveryPlanAndField() throws {
        let snapshot = try Fixtures.alqacEngine().snapshot
        let bm25 = BM25(k1: 0.9, b: 0.75)
        var plans = 0
        var bodyLengths = Set<UInt32>()
        for segment in snapshot.segments {
            let norms = FieldNorms(segment: segment, bm25: bm25, averageBodyLength: snapshot.averageBodyLength,
                                   averageTitleLength: snapshot.averageTitleLength)
            for d in 0..<segment.documentCount {
                let body = Double(segment.bodyLength(d)), title = Double(segment.titleLength(d))
                bodyLengths.insert(segment.bodyLength(d))
                for tf in [1.0, 2, 7] {
                    XCTAssertEqual(bm25.tf(tf, k1Norm: norms.body(d)).bitPattern,
                                   bm25.tf(tf, length: body, averageLength: snapshot.averageBodyLength).bitPattern)
                    XCTAssertEqual(bm25.tf(tf, k1Norm: norms.title(d)).bitPattern,
                                   bm25.tf(tf, length: title, averageLength: snapshot.averageTitleLength).bitPattern)
                }
                XCTAssertEqual(norms.base[d], norms.body(d))
                XCTAssertEqual(norms.base[segment.documentCount + d], norms.title(d))
                plans += 1
            }
        }
        XCTAssertEqual(plans, 2_249)
        // Lengths of every kind were checked, not a few alike.
        XCTAssertGreaterThan(bodyLengths.count, 300)
    }

    func testAnEngineWorksItsNormsOutAgainWhenBM25Changes() throws {
        let request = SearchRequest(query: "quyền sử dụng đất của hộ gia đình", limit: 20, wantFacets: true)
        func scores(_ engine: SearchEngine) throws -> [UInt64] {
            try engine.search(request).hits.map { $0.score.bitPattern }
        }
        let engine = try Fixtures.alqacEngine()
        let before = try scores(engine)
        engine.bm25 = BM25(k1: 1.6, b: 0.4)
        let after = try scores(engine)
        let fresh = try Fixtures.alqacEngine()
        fresh.bm25 = BM25(k1: 1.6, b: 0.4)
        XCTAssertEqual(before.count, 20)
        XCTAssertNotEqual(after, before, "new parameters, same scores: the norms were not worked out again")
        XCTAssertEqual(after, try scores(fresh))
        // And back: the first parameters give the first scores.
        engine.bm25 = BM25(k1: 0.9, b: 0.75)
        XCTAssertEqual(try scores(engine), before)
    }
}
