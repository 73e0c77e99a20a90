import XCTest
@testable import DocsearchKit

/// Skipping what cannot reach the top (block-max, the title lists) must not
/// change the top k: only the total becomes a lower bound. Checked on the
/// 2,249 ALQAC law articles, whose common words have lists of many blocks.
final class BlockMaxTests: XCTestCase {
    /// Two to four consecutive words from each of the first questions, two
    /// as a phrase, and the whole questions (any word will do there, MaxScore).
    private func queries() throws -> [String] {
        let qrels = Fixtures.shared.appendingPathComponent("alqac2024/qrels.tsv")
        guard let text = try? String(contentsOf: qrels, encoding: .utf8) else { throw XCTSkip("ALQAC questions not found") }
        var out: [String] = []
        for line in text.split(separator: "\n").prefix(40) {
            let question = line.split(separator: "\t")[1]
            let words = question.split(separator: " ").map(String.init)
            out.append(String(question))
            for (start, length) in [(0, 2), (3, 3), (6, 4)] where start + length <= words.count {
                out.append(words[start..<(start + length)].joined(separator: " "))
            }
            // Phrases, alone and beside a word: a phrase skips the plans its
            // rarest word's count cannot lift to the top.
            if words.count >= 5 {
                out.append("\"\(words[1]) \(words[2])\"")
                out.append("\"\(words[2]) \(words[3])\" \(words[4])")
            }
        }
        return out
    }

    func testSkippingKeepsTheTopKAndBoundsTheTotal() throws {
        let exact = try Fixtures.alqacEngine()
        let skipping = try Fixtures.alqacEngine()
        skipping.totalLimit = 0
        var inexact = 0
        for q in try queries() {
            let full = try exact.search(SearchRequest(query: q, limit: 10, wantFacets: false, exactTotal: true))
            let fast = try skipping.search(SearchRequest(query: q, limit: 10, wantFacets: false))
            XCTAssertEqual(fast.hits.map(\.record.path), full.hits.map(\.record.path), q)
            for (a, b) in zip(fast.hits, full.hits) { XCTAssertEqual(a.score, b.score, accuracy: 1e-9, q) }
            XCTAssertLessThanOrEqual(fast.total, full.total, q)
            XCTAssertTrue(full.totalIsExact, q)
            if !fast.totalIsExact { inexact += 1 } else { XCTAssertEqual(fast.total, full.total, q + " \(fast.relaxed) \(full.relaxed)") }
        }
        // Skipping happened, or this test would prove nothing.
        XCTAssertGreaterThan(inexact, 20)
    }

    /// The bounds that pass plans over unscored (in every mode) against no
    /// pruning at all: a heap as large as the collection never fills, so
    /// every match is scored. Proximity is off, as it reorders only the top
    /// of the heap and so depends on the heap's size.
    func testPruningKeepsTheBM25TopK() throws {
        let reference = try Fixtures.alqacEngine(), counting = try Fixtures.alqacEngine(), skipping = try Fixtures.alqacEngine()
        skipping.totalLimit = 0
        for e in [reference, counting, skipping] { e.proximityWeight = 0 }
        let everything = reference.snapshot.statisticsDocumentCount
        var compared = 0
        for q in try queries() {
            let all = try reference.search(SearchRequest(query: q, limit: everything, wantFacets: false, exactTotal: true))
            let want = all.hits.prefix(10)
            for (engine, exact) in [(counting, true), (skipping, false)] {
                let got = try engine.search(SearchRequest(query: q, limit: 10, wantFacets: false, exactTotal: exact))
                XCTAssertEqual(got.hits.map(\.record.path), want.map(\.record.path), q)
                for (a, b) in zip(got.hits, want) { XCTAssertEqual(a.score, b.score, accuracy: 1e-9, q) }
                if exact { XCTAssertEqual(got.total, all.total, q) }
            }
            compared += 1
        }
        XCTAssertGreaterThan(compared, 100)
    }

    /// Questions over generated plans, whose words are all common (any word
    /// will do, MaxScore): once the smallest words' bounds together cannot
    /// beat the k-th score, they are only looked up for plans the others
    /// found, and a plan is first bounded by every word's whole bound. The
    /// top must be that of no pruning at all.
    func testPruningKeepsTheTopOfQuestionsOfCommonWords() throws {
        let corpus = try Fixtures.generatedPlans(count: 400, seed: 21, name: "questions")
        defer { try? FileManager.default.removeItem(at: corpus) }
        let index = try Fixtures.index(of: corpus)
        let snapshot = try IndexSnapshot.open(directory: index)
        let reference = SearchEngine(snapshot: snapshot), skipping = SearchEngine(snapshot: snapshot)
        skipping.totalLimit = 0
        for e in [reference, skipping] { e.proximityWeight = 0 }
        // The peers' two questions, and one per plan of the first 40: its
        // title with the year and the words of a request to staff.
        var questions = ["kế hoạch tuyên truyền về quyền con người năm 2023", "Sở Giáo dục và Đào tạo tỉnh Long An"]
        for doc in 0..<min(40, snapshot.segments[0].documentCount) {
            let record = try snapshot.record(segment: 0, doc: doc)
            questions.append("kế hoạch \(record.title) năm \(record.year.map(String.init) ?? "") của các đơn vị")
        }
        var pruned = 0
        for q in questions {
            let all = try reference.search(SearchRequest(query: q, limit: snapshot.statisticsDocumentCount,
                                                         wantFacets: false, exactTotal: true))
            let got = try skipping.search(SearchRequest(query: q, limit: 10, wantFacets: false))
            XCTAssertEqual(got.hits.map(\.record.path), all.hits.prefix(10).map(\.record.path), q)
            for (a, b) in zip(got.hits, all.hits) { XCTAssertEqual(a.score, b.score, accuracy: 1e-9, q) }
            if !got.totalIsExact { pruned += 1 }
        }
        XCTAssertGreaterThan(pruned, 20, "the questions were pruned, or this test proves nothing")
    }

    /// A plan holding none but the first i words of a question (in the
    /// disjunction's order) scores at most `nonEssentialReach`'s [i], the
    /// share of the question's idf they cover included; else MaxScore would
    /// set aside words a top plan needs. Every plan of the ALQAC segments
    /// holding any word of the first questions, scored one plan at a time
    /// with the engine's idfs, against the reach of the last word it holds.
    func testNonEssentialReachBoundsEveryPlanHoldingOnlyThoseWords() throws {
        let engine = try Fixtures.alqacEngine()
        let snapshot = engine.snapshot
        let qrels = Fixtures.shared.appendingPathComponent("alqac2024/qrels.tsv")
        guard let text = try? String(contentsOf: qrels, encoding: .utf8) else { throw XCTSkip("ALQAC questions not found") }
        let n = snapshot.statisticsDocumentCount
        var checked = 0, belowTheSum = 0
        for line in text.split(separator: "\n").prefix(12) {
            let terms = QueryParser().parse(String(line.split(separator: "\t")[1])).terms
            let idfs = terms.map {
                engine.bm25.idf(documentFrequency: snapshot.documentFrequency(TermField.bodyFolded.key($0.folded)), documentCount: n)
            }
            let shouldIDF = idfs.reduce(0, +)
            for segment in snapshot.segments {
                let c = SegmentContext(segment: segment, bm25: engine.bm25, averageBodyLength: snapshot.averageBodyLength,
                                       averageTitleLength: snapshot.averageTitleLength)
                var words: [(ClauseIterator, Double)] = []
                for (t, idf) in zip(terms, idfs) {
                    if let it = try TermIterator(term: t, idf: idf, context: c, titleWeight: engine.titleWeight,
                                                 foldedOnlyWeight: engine.foldedOnlyWeight) { words.append((it, idf)) }
                }
                let ordered = SearchEngine.disjunctionOrder(words)
                var prefix = [0.0], idfPrefix = [0.0]
                for (w, idf) in ordered { prefix.append(prefix.last! + w.upperBound); idfPrefix.append(idfPrefix.last! + idf) }
                let reach = SearchEngine.nonEssentialReach(prefix: prefix, idfPrefix: idfPrefix, shouldIDF: shouldIDF)
                XCTAssertEqual(reach.count, prefix.count)
                for i in reach.indices where reach[i] < prefix[i] { belowTheSum += 1 }
                var docs = try ordered.map { try $0.0.advance(to: 0) }
                while let d = docs.min(), d != exhaustedDoc {
                    var score = 0.0, held = 0.0, last = 0
                    for (i, (w, idf)) in ordered.enumerated() where docs[i] == d {
                        score += try w.score()
                        held += idf
                        last = i
                        docs[i] = try w.advance(to: d + 1)
                    }
                    let scaled = score * (held / shouldIDF)
                    XCTAssertLessThanOrEqual(scaled, reach[last + 1] * (1 + 1e-12), "\(line) plan \(d) holds words up to \(last)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 5000)
        XCTAssertGreaterThan(belowTheSum, 50, "the share lowers the reach below the bounds' sum, or it adds nothing")
    }

    /// A document reference skips the blocks of its citing plans whose
    /// highest mention counts cannot beat the k-th score: the top must be
    /// that of no pruning at all, for the documents most cited in 1,400
    /// generated plans.
    func testSkippingCitingPlansKeepsTheTop() throws {
        let (snapshot, mostCited) = try Fixtures.citingIndex.get()
        let reference = SearchEngine(snapshot: snapshot), skipping = SearchEngine(snapshot: snapshot)
        skipping.totalLimit = 0
        for e in [reference, skipping] { e.proximityWeight = 0 }
        var pruned = 0
        for q in mostCited.prefix(6) + ["nghi dinh 162/2017", "Nghị định 162 tuyên truyền"] {
            let all = try reference.search(SearchRequest(query: q, limit: snapshot.statisticsDocumentCount,
                                                         wantFacets: false, exactTotal: true))
            let got = try skipping.search(SearchRequest(query: q, limit: 10, wantFacets: false))
            XCTAssertGreaterThan(all.total, 10, q)
            XCTAssertEqual(got.hits.map(\.record.path), all.hits.prefix(10).map(\.record.path), q)
            for (a, b) in zip(got.hits, all.hits) { XCTAssertEqual(a.score, b.score, accuracy: 1e-9, q) }
            XCTAssertLessThanOrEqual(got.total, all.total, q)
            if !got.totalIsExact { pruned += 1 }
        }
        XCTAssertGreaterThanOrEqual(pruned, 3, "citing plans were skipped, or this test proves nothing")
    }

    /// Facets need every match: a request for them counts exactly, whatever the limit.
    func testFacetsCountEveryMatch() throws {
        let engine = try Fixtures.alqacEngine()
        engine.totalLimit = 0
        let withFacets = try engine.search(SearchRequest(query: "quyền và nghĩa vụ", limit: 10))
        let exact = try engine.search(SearchRequest(query: "quyền và nghĩa vụ", limit: 10, wantFacets: false, exactTotal: true))
        XCTAssertTrue(withFacets.totalIsExact)
        XCTAssertEqual(withFacets.total, exact.total)
        XCTAssertGreaterThan(exact.total, 100)
    }

    /// A search with facets visits every match but scores only those that
    /// may reach the top: its count and facets must be those of every plan a
    /// search without pruning keeps (a heap larger than the matches, which
    /// never fills, keeps every one), and its top the same.
    func testCountedMatchesAreThePlansAnUnprunedSearchKeeps() throws {
        let engine = try Fixtures.alqacEngine()
        // Proximity reorders the top of the heap, whose size differs here.
        engine.proximityWeight = 0
        var compared = 0
        for q in try queries() {
            // A request keeps at most 1,000 plans: queries matching fewer are compared.
            let all = try engine.search(SearchRequest(query: q, limit: 1000, wantFacets: false))
            guard all.hits.count < 1000 else { continue }
            let faceted = try engine.search(SearchRequest(query: q, limit: 10, wantFacets: true))
            XCTAssertTrue(faceted.totalIsExact, q)
            XCTAssertEqual(faceted.total, all.hits.count, q)
            XCTAssertEqual(faceted.relaxed, all.relaxed, q)
            let kept = all.hits.map { ($0.segment, $0.doc) }.sorted { $0 < $1 }
            XCTAssertEqual(faceted.facets, try FacetCounter.count(MatchedPlans(kept, segmentCount: engine.snapshot.segments.count),
                                                                snapshot: engine.snapshot), q)
            XCTAssertEqual(faceted.hits.map(\.record.path), Array(all.hits.prefix(10).map(\.record.path)), q)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 100)
    }
}
