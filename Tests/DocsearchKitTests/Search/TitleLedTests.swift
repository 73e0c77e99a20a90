import XCTest
@testable import DocsearchKit

/// Once only a plan with a query word in its title can reach the top, a
/// search finds the plans to score in the title lists (`TitleLed`). It must
/// rank as a search that scores every plan: the same plans, in the same
/// order, with the same scores to the bit. Checked on generated plans, whose
/// titles name their topic, in an index of several segments (the first
/// segment fills the top; the later ones are led by their titles).
final class TitleLedTests: XCTestCase {
    /// 1,200 generated plans in segments of a few hundred (a segment flushed
    /// at each 4 MB analysed): the later segments are led by their titles.
    private static let plansIndex: Result<IndexSnapshot, Error> = Result {
        try Fixtures.generatedIndex(count: 1200, seed: 13, name: "title-led") { options in
            options.workers = 2
            options.flushBytes = 4 << 20
            options.maxSegments = 32
        }
    }

    private func engine(_ snapshot: IndexSnapshot, titleLed: Bool) -> SearchEngine {
        let engine = SearchEngine(snapshot: snapshot)
        engine.searchThreads = 1
        engine.timeBudget = .infinity
        engine.titleLed = titleLed
        return engine
    }

    func testSearchesRankAsWhenEveryPlanIsScored() throws {
        let snapshot = try Self.plansIndex.get()
        XCTAssertGreaterThanOrEqual(snapshot.segments.count, 4)
        let led = engine(snapshot, titleLed: true), every = engine(snapshot, titleLed: false)
        let words = ["bình đẳng giới", "binh dang gioi", "xã hội học tập", "chuyển đổi số", "phòng, chống tham nhũng",
                     "tiếp cận pháp luật", "an toàn giao thông", "trẻ em"]
        let questions = ["kế hoạch tuyên truyền về quyền con người năm 2023",
                         "kế hoạch thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ",
                         "tuyên truyền phổ biến giáo dục pháp luật về phòng chống tham nhũng năm 2022",
                         "Sở Giáo dục và Đào tạo tỉnh Long An"]
        var compared = 0, countedOtherwise = 0
        for q in words + questions {
            for limit in [10, 50] {
                let request = SearchRequest(query: q, limit: limit, wantFacets: false)
                let a = try led.search(request), b = try every.search(request)
                XCTAssertEqual(a.hits.map { [$0.segment, $0.doc] }, b.hits.map { [$0.segment, $0.doc] }, q)
                XCTAssertEqual(a.hits.map(\.score.bitPattern), b.hits.map(\.score.bitPattern), q)
                if words.contains(q) {
                    // Every word required: every match is still counted.
                    XCTAssertEqual(a.total, b.total, q)
                    XCTAssertEqual(a.totalIsExact, b.totalIsExact, q)
                } else if a.total != b.total {
                    // Any word will do: the plans outside the title lists
                    // are not counted, where MaxScore leaves others
                    // uncounted; both totals are lower bounds.
                    XCTAssertFalse(a.totalIsExact || b.totalIsExact, q)
                    countedOtherwise += 1
                }
                compared += a.hits.count
            }
        }
        XCTAssertGreaterThan(compared, 500)
        XCTAssertGreaterThan(countedOtherwise, 0, "some questions were led by their titles")
    }

    /// The words whose title lists are left out are those whose titles add
    /// least, and only while a plan holding them alone in its title stays
    /// below the threshold.
    func testTitlesLeftOutAddLeast() throws {
        let snapshot = try Self.plansIndex.get()
        let segment = snapshot.segments[0]
        let context = SegmentContext(segment: segment, bm25: BM25(k1: 0.9, b: 0.75),
                                     averageBodyLength: snapshot.averageBodyLength,
                                     averageTitleLength: snapshot.averageTitleLength)
        let n = max(snapshot.statisticsDocumentCount, 1)
        let terms = QueryParser().parse("kế hoạch tuyên truyền về quyền con người năm 2023").terms
        let words: [ClauseIterator] = try terms.map { t in
            let df = snapshot.documentFrequency(TermField.bodyFolded.key(t.folded))
            let idf = BM25(k1: 0.9, b: 0.75).idf(documentFrequency: df, documentCount: n)
            return try XCTUnwrap(TermIterator(term: t, idf: idf, context: context, titleWeight: 2, foldedOnlyWeight: 0.3))
        }
        let dense = words.reduce(0.0) { $0 + $1.denseBound }
        let gaps = words.map { $0.upperBound - $0.denseBound }
        XCTAssertNil(TitleLed.titlesRead(words, threshold: dense))
        XCTAssertNil(TitleLed.titlesRead(words, threshold: -.infinity))
        // Room for the two smallest gaps and a little more.
        let sorted = gaps.sorted()
        let threshold = dense + sorted[0] + sorted[1] + (sorted[2] - sorted[1]) / 2 + 1e-6
        let read = try XCTUnwrap(TitleLed.titlesRead(words, threshold: threshold))
        let left = Set(words.indices).subtracting(read)
        XCTAssertGreaterThanOrEqual(left.count, 2)
        XCTAssertLessThan(read.count, words.count)
        XCTAssertLessThan(dense + left.reduce(0.0) { $0 + gaps[$1] }, threshold)
        for l in left { for r in read { XCTAssertLessThanOrEqual(gaps[l], gaps[r]) } }
        // The common words, in every title ("Kế hoạch …"), are among those left out.
        let ke = try XCTUnwrap(terms.firstIndex { $0.folded == "ke" })
        XCTAssertTrue(left.contains(ke))
    }
}
