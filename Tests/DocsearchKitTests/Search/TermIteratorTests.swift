import XCTest
@testable import DocsearchKit

/// A word's bounds (in a plan, and over its block of plans) must hold its
/// score in every plan, or pruning would drop plans from the top; and the
/// plan's bound should be the score where it can be, or pruning would score
/// far more plans than it keeps. Checked on the ALQAC
/// law articles, whose words with diacritics share folded forms with others
/// ("đất" land, "đặt" place, "đạt" reach).
final class TermIteratorTests: XCTestCase {
    func testBoundHoldsEveryScoreAndIsTheScoreWhereTheQueryFormIsAlone() throws {
        let snapshot = try Fixtures.alqacEngine().snapshot
        let bm25 = BM25(k1: 0.9, b: 0.75)
        var equal = 0, above = 0
        for word in ["đất", "đặt", "bản", "quyền", "người", "luật", "giới"] {
            let term = try XCTUnwrap(QueryParser().parse(word).terms.first, word)
            XCTAssertTrue(term.hasDiacritics, word)
            for segment in snapshot.segments {
                let context = SegmentContext(segment: segment, bm25: bm25, averageBodyLength: snapshot.averageBodyLength,
                                             averageTitleLength: snapshot.averageTitleLength)
                guard let it = try TermIterator(term: term, idf: 1.7, context: context, titleWeight: 2,
                                                foldedOnlyWeight: 0.3) else { continue }
                var d = try it.advance(to: 0)
                while d != exhaustedDoc {
                    let bound = try it.bound(), score = try it.score()
                    XCTAssertGreaterThanOrEqual(bound, score, "\(word) in plan \(d)")
                    // The bound of the plan's block (block-max) holds it too.
                    let block = try XCTUnwrap(try it.blockBound(from: d), "\(word) in plan \(d)")
                    XCTAssertGreaterThanOrEqual(block.lastDoc, d)
                    XCTAssertGreaterThanOrEqual(block.score, score, "\(word): block of plan \(d)")
                    if bound == score { equal += 1 } else { above += 1 }
                    d = try it.advance(to: d + 1)
                }
            }
        }
        // Both cases occur, so both were checked; a bound from the folded
        // counts alone, 1.3 times their score, was above it in every plan.
        XCTAssertGreaterThan(above, 0)
        XCTAssertGreaterThan(equal, 2 * above, "bound equal to the score in \(equal) plans, above it in \(above)")
    }
}
