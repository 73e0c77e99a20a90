import XCTest
@testable import DocsearchKit

/// A reference's bound over a block of plans must hold its score in every
/// plan of the block, or skipping would drop citing plans from the top; and
/// it must be below the bound over all plans somewhere, or nothing is
/// skipped. Checked on the documents most cited in 1,400 generated plans.
final class ReferenceIteratorTests: XCTestCase {
    func testBlockBoundHoldsEveryScoreOfItsBlock() throws {
        let (snapshot, mostCited) = try Fixtures.citingIndex.get()
        let segment = try XCTUnwrap(snapshot.segments.first)
        XCTAssertEqual(snapshot.segments.count, 1)
        let context = SegmentContext(segment: segment, bm25: BM25(), averageBodyLength: snapshot.averageBodyLength,
                                     averageTitleLength: snapshot.averageTitleLength)
        var plans = 0, blocks = 0, belowWhole = 0
        for document in mostCited.prefix(4) {
            let reference = try XCTUnwrap(QueryReferences.find(in: document).first?.1, document)
            // A citation and a plan's own number, weighed as a search weighs them: an idf
            // (here 1.3) times the key's boost.
            let keys = reference.keys.map { ($0.field.key($0.value), 1.3 * $0.boost) }
            let it = try XCTUnwrap(try ReferenceIterator(keys: keys, context: context), document)
            var d = try it.advance(to: 0)
            var block = try XCTUnwrap(try it.blockBound(from: 0), document)
            blocks += 1
            while d != exhaustedDoc {
                if d > block.lastDoc {
                    block = try XCTUnwrap(try it.blockBound(from: d), "\(document): plan \(d)")
                    blocks += 1
                }
                if block.score < it.upperBound { belowWhole += 1 }
                XCTAssertLessThanOrEqual(try it.score(), block.score, "\(document): plan \(d)")
                plans += 1
                d = try it.advance(to: d + 1)
            }
        }
        XCTAssertGreaterThan(plans, 4 * PostingsCodec.blockSize)
        XCTAssertGreaterThan(blocks, 4)
        XCTAssertGreaterThan(belowWhole, plans / 2, "block bounds below the whole bound for \(belowWhole) of \(plans) plans")
    }
}
