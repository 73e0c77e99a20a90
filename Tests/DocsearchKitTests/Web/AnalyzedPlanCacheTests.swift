import XCTest
@testable import DocsearchKit

/// The server's cached snippets are exactly the ones `SearchService` builds.
final class AnalyzedPlanCacheTests: XCTestCase {
    let queries = ["bình đẳng giới", "binh dang gioi", "nhân quyền -phụ", "\"tiếp cận pháp luật\"", "xã hội học tập",
                   "Chỉ thị 20", "giáo dục +pháp", "khủnglong"]

    func testSnippetsMatchTheSearchService() throws {
        let snapshot = Fixtures.seedIndex.snapshot
        let loaded = LoadedIndex(snapshot: snapshot)
        for round in 0..<2 { // the second round comes from the cache
            for q in queries {
                let request = SearchRequest(query: q, limit: 10)
                let (expectedResults, expected) = try SearchService(snapshot: snapshot).search(request)
                let (results, snippets) = try loaded.search(request)
                XCTAssertEqual(results.hits.map(\.record.id), expectedResults.hits.map(\.record.id), q)
                XCTAssertEqual(snippets, expected, "\(q), round \(round)")
            }
        }
        XCTAssertTrue(try loaded.search(SearchRequest(query: "bình đẳng giới")).1.allSatisfy { $0?.highlights.isEmpty == false })
    }

    func testTinyBudgetEvictsButStillAnswers() throws {
        let cache = AnalyzedPlanCache(budget: 200_000)
        var records: [PlanRecord] = []
        Fixtures.seedIndex.snapshot.forEachLiveDocument { s, d in
            if let r = try? Fixtures.seedIndex.snapshot.record(segment: s, doc: d) { records.append(r) }
        }
        XCTAssertEqual(records.count, 5)
        for _ in 0..<3 {
            for r in records {
                let plan = try XCTUnwrap(cache.plan(r))
                XCTAssertEqual(plan.text, PlanLookup.text(of: r))
            }
        }
        let query = QueryParser().parse("giáo dục")
        let plan = try XCTUnwrap(cache.plan(records[0]))
        XCTAssertEqual(plan.marks(for: query), SnippetBuilder().matches(in: plan.text, query: query))
    }

    /// The cached plan finds a query's words by their forms' numbers: the
    /// marks must be those the snippet builder finds analysing the text,
    /// for words with and without diacritics, forms that fold alike ("Đảng",
    /// "đẳng", "dạng"), phrases and excluded words, and cited documents.
    func testMarksAreThoseOfAnalysingTheText() throws {
        let snapshot = Fixtures.seedIndex.snapshot
        let cache = AnalyzedPlanCache()
        let queries = queries + ["Đảng", "dang", "đẳng", "quyền con người", "quyen con nguoi", "Ủy ban nhân dân tỉnh",
                                 "uy ban nhan dan", "Long An", "\"nhân quyền\" -giáo", "Chỉ thị 44", "2021", "KẾ HOẠCH"]
        var marked = 0
        var records: [PlanRecord] = []
        snapshot.forEachLiveDocument { s, d in
            if let r = try? snapshot.record(segment: s, doc: d) { records.append(r) }
        }
        for record in records {
            let plan = try XCTUnwrap(cache.plan(record))
            let analyzed = AnalyzedText(plan.text)
            for q in queries {
                let query = QueryParser().parse(q)
                let citations = SearchEngine.matchedCitations(record, query.references)
                let want = SnippetBuilder().matches(in: analyzed, query: query)
                    + CitationMarks.ranges(in: analyzed, matching: citations)
                XCTAssertEqual(plan.marks(for: query, citations: citations), want, "\(q) in \(record.path)")
                marked += want.count
            }
        }
        XCTAssertGreaterThan(marked, 500)
    }

    func testUnreadableFileGivesNoPlan() {
        let record = PlanRecord(id: "0000", path: "gone.txt", absolutePath: "/nonexistent/gone.txt", encoding: "UTF-8", title: "")
        XCTAssertNil(AnalyzedPlanCache().plan(record))
    }
}
