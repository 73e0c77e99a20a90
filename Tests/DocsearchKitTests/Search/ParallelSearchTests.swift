import XCTest
@testable import DocsearchKit

/// A costly search runs on several threads, each over segments of its own
/// (`SearchEngine.searchThreads`). It must answer as one thread does: the same
/// plans in the same order with the same scores to the bit, and, where every
/// match is counted (facets, an exact total), the same total and facets.
/// Checked on indexes of several segments: generated plans read by four
/// workers, and the ALQAC law articles.
final class ParallelSearchTests: XCTestCase {
    /// 800 generated plans indexed by up to four workers, each writing a
    /// segment of its own: one per core, at least two on the machines here.
    private static let plansIndex: Result<IndexSnapshot, Error> = Result {
        try Fixtures.generatedIndex(count: 800, seed: 11, name: "threads") { $0.workers = 4 }
    }

    /// Words, a question, phrases, a document reference, an excluded word.
    private static let queries = [
        "bình đẳng giới", "binh dang gioi", "xã hội học tập", "chuyển đổi số", "phòng, chống tham nhũng",
        "kế hoạch tuyên truyền về quyền con người năm 2023", "Sở Giáo dục và Đào tạo tỉnh Long An",
        "\"nhân quyền\"", "\"theo quy định của pháp luật\"", "Chỉ thị 20", "trẻ em -khuyết",
    ]

    private func engines(_ snapshot: IndexSnapshot, threads: Int) -> (one: SearchEngine, many: SearchEngine) {
        let one = SearchEngine(snapshot: snapshot)
        one.searchThreads = 1
        one.timeBudget = .infinity
        let many = SearchEngine(snapshot: snapshot)
        many.searchThreads = threads
        many.parallelPostings = 0
        many.timeBudget = .infinity
        return (one, many)
    }

    /// Each query's answers on one thread and on `threads`, at most one per
    /// segment; returns how many hits were compared.
    @discardableResult
    private func compare(_ snapshot: IndexSnapshot, _ queries: [String], threads: Int, facets: Bool) throws -> Int {
        XCTAssertGreaterThanOrEqual(snapshot.segments.count, threads, "\(threads) threads need as many segments")
        let (one, many) = engines(snapshot, threads: threads)
        var compared = 0
        for q in queries {
            let request = SearchRequest(query: q, limit: 50, wantFacets: facets)
            let a = try one.search(request), b = try many.search(request)
            XCTAssertEqual(b.hits.map { [$0.segment, $0.doc] }, a.hits.map { [$0.segment, $0.doc] }, q)
            XCTAssertEqual(b.hits.map(\.score.bitPattern), a.hits.map(\.score.bitPattern), q)
            if facets {
                XCTAssertEqual(b.total, a.total, q)
                XCTAssertTrue(a.totalIsExact && b.totalIsExact, q)
                XCTAssertEqual(b.facets, a.facets, q)
            } else {
                // Past counting, totals are lower bounds: each thread counts its own.
                XCTAssertEqual(b.totalIsExact ? b.total : nil, a.totalIsExact ? a.total : nil, q)
            }
            compared += a.hits.count
        }
        return compared
    }

    func testGeneratedPlansAnswerAsOnOneThread() throws {
        let snapshot = try Self.plansIndex.get()
        XCTAssertGreaterThan(try compare(snapshot, Self.queries, threads: 2, facets: false), 200)
        try compare(snapshot, Self.queries, threads: 2, facets: true)
    }

    func testLawArticlesAnswerAsOnOneThread() throws {
        let snapshot = try Fixtures.alqacEngine().snapshot
        let queries = ["người lao động", "quyền sử dụng đất", "dat dai", "hợp đồng dân sự",
                       "người sử dụng lao động có quyền đơn phương chấm dứt hợp đồng lao động khi nào",
                       "\"trách nhiệm hình sự\""]
        // One segment per core the index was built with (one per worker).
        guard snapshot.segments.count >= 2 else { throw XCTSkip("the ALQAC index has one segment") }
        XCTAssertGreaterThan(try compare(snapshot, queries, threads: 2, facets: false), 100)
        try compare(snapshot, queries, threads: 2, facets: true)
    }
}
