import Foundation
import XCTest
@testable import DocsearchKit

/// Words of the question that stand side by side in an article as they do
/// in the question raise it, by the rarity of the pair: real ALQAC articles.
final class ProximityRankingTests: XCTestCase {
    func testAdjacentCountWalksSortedPositions() {
        XCTAssertEqual(SearchEngine.adjacentCount([1, 5, 9, 20], [2, 6, 7, 21]), 3)
        XCTAssertEqual(SearchEngine.adjacentCount([3], [1, 2, 3]), 0)
        XCTAssertEqual(SearchEngine.adjacentCount([], [1]), 0)
    }

    func testARarePairOfCommonAndRareSyllablesFindsItsArticle() throws {
        let engine = try Fixtures.alqacEngine()
        // "hành khách" (passenger): "hành" is in every article of the
        // Administrative Procedure Law, "khách" in few; ALQAC question 02-TN-64.
        let r = try engine.search(SearchRequest(query: "Điều nào sau đây KHÔNG đúng về quyền của hành khách?", limit: 10))
        let titles = r.hits.map(\.record.title)
        let passenger = try XCTUnwrap(titles.firstIndex { $0.hasSuffix("Điều 527. Quyền của hành khách") }, titles.joined(separator: " | "))
        let procedure = titles.firstIndex { $0.hasPrefix("Luật Tố tụng hành chính") } ?? titles.count
        XCTAssertLessThan(passenger, procedure, titles.joined(separator: " | "))
        XCTAssertLessThan(passenger, 3, titles.joined(separator: " | "))
    }
}
