import XCTest
@testable import DocsearchKit

/// Scoring a segment a word at a time must find the plans one plan at a
/// time finds, with the same scores to the last bit, or the two ways would
/// rank differently: with every word required and with any word. Checked on
/// the ALQAC law articles, whose words with diacritics share folded forms
/// with others ("đất" land, "đặt" place).
final class TermAtATimeTests: XCTestCase {
    private func context(_ snapshot: IndexSnapshot, _ segment: SegmentReader) -> SegmentContext {
        SegmentContext(segment: segment, bm25: BM25(k1: 0.9, b: 0.75), averageBodyLength: snapshot.averageBodyLength,
                       averageTitleLength: snapshot.averageTitleLength)
    }

    private func iterators(_ query: String, _ context: SegmentContext,
                           foldedOnlyWeight: Double = 0.3) throws -> [TermIterator]? {
        var out: [TermIterator] = []
        for term in QueryParser().parse(query).terms {
            guard let it = try TermIterator(term: term, idf: 1.3, context: context, titleWeight: 2,
                                            foldedOnlyWeight: foldedOnlyWeight) else { return nil }
            out.append(it)
        }
        return out
    }

    /// Every plan holding all the words, and its score summed word by word,
    /// rarest first, one plan at a time.
    private func planAtATime(_ words: [ClauseIterator]) throws -> [(UInt32, Double)] {
        let ordered = SearchEngine.conjunctionOrder(words)
        var out: [(UInt32, Double)] = []
        var d = try ordered[0].advance(to: 0)
        while d != exhaustedDoc {
            var all = true
            for w in ordered.dropFirst() where try w.advance(to: d) != d { all = false }
            if all {
                var score = 0.0
                for w in ordered { score += try w.score() }
                out.append((d, score))
            }
            d = try ordered[0].advance(to: d + 1)
        }
        return out
    }

    /// Every plan holding any of the words, and its score: the scores of the
    /// words it holds, in the disjunction's order, times the share of the
    /// query's idf they cover; one plan at a time.
    private func anyPlanAtATime(_ words: [(ClauseIterator, Double)], shouldIDF: Double) throws -> [(UInt32, Double)] {
        let ordered = SearchEngine.disjunctionOrder(words)
        var docs = try ordered.map { try $0.0.advance(to: 0) }
        var out: [(UInt32, Double)] = []
        while let d = docs.min(), d != exhaustedDoc {
            var score = 0.0, held = 0.0
            for (i, (w, idf)) in ordered.enumerated() where docs[i] == d {
                score += try w.score()
                held += idf
                docs[i] = try w.advance(to: d + 1)
            }
            out.append((d, score * (held / shouldIDF)))
        }
        return out
    }

    /// For each query and each segment of the ALQAC index, the plans and
    /// scores `termAtATime` hands over (at once) against those `planAtATime`
    /// finds, bit for bit, not within a tolerance; returns how many plans
    /// were compared. Either may give up on a segment that lacks a word (nil).
    private func compare(
        _ queries: [String],
        planAtATime: (String, SegmentContext) throws -> [(UInt32, Double)]?,
        termAtATime: (String, SegmentContext, TermAtATime.Accept) throws -> Void
    ) throws -> Int {
        let snapshot = try Fixtures.alqacEngine().snapshot
        var compared = 0
        for query in queries {
            for segment in snapshot.segments {
                let c = context(snapshot, segment)
                guard let want = try planAtATime(query, c) else { continue }
                var got: [(UInt32, Double)] = []
                var handed = 0
                try termAtATime(query, c) { docs, scores in
                    got += zip(docs, scores).map { ($0, $1) }
                    handed += 1
                }
                XCTAssertEqual(handed, 1, "a segment's matches are handed over at once")
                XCTAssertEqual(got.map(\.0), want.map(\.0), query)
                XCTAssertEqual(got.map(\.1.bitPattern), want.map(\.1.bitPattern), query)
                compared += got.count
            }
        }
        return compared
    }

    func testAccumulatedScoresAreThoseOfOnePlanAtATime() throws {
        let queries = ["đất đai", "quyền sử dụng đất", "dat dai", "người lao động", "bản án", "trách nhiệm hình sự",
                       "luật", "hợp đồng dân sự"]
        let compared = try compare(queries, planAtATime: { query, c in
            try iterators(query, c).map(planAtATime)
        }, termAtATime: { query, c, accept in
            let words = try XCTUnwrap(TermAtATime.clauses(SearchEngine.conjunctionOrder(try XCTUnwrap(iterators(query, c))),
                                                        requireAll: true, documentCount: c.segment.documentCount,
                                                        density: .max / 2))
            try TermAtATime.conjunction(words, documentCount: c.segment.documentCount, accept: accept)
        })
        XCTAssertGreaterThan(compared, 1000)
    }

    /// Once the k-th score stands above what a plan can score from its body
    /// alone, only the plans with a query word in their title are scored:
    /// every match is still handed over, each plan that can pass the
    /// threshold with the score one plan at a time gives it, and the others
    /// `unscored`. On generated plans, whose titles name their topic.
    func testTitleLedScoringScoresEveryPlanThatCanPass() throws {
        let snapshot = try Fixtures.citingIndex.get().snapshot
        let segment = snapshot.segments[0], c = context(snapshot, segment), n = segment.documentCount
        var led = 0, unscored = 0, scored = 0, fewerTitles = 0
        for query in ["bình đẳng giới", "phòng, chống tham nhũng", "an toàn giao thông", "chuyển đổi số",
                      "tiếp cận pháp luật", "xã hội học tập", "binh dang gioi"] {
            let want = try XCTUnwrap(iterators(query, c).map(planAtATime), query)
            let words = SearchEngine.conjunctionOrder(try XCTUnwrap(iterators(query, c), query))
            let bodyBound = words.reduce(0.0) { $0 + $1.denseBound }
            /// Fresh iterators: the walk moves them on.
            func clauses() throws -> [any WholeSegmentScoring] {
                let words = SearchEngine.conjunctionOrder(try XCTUnwrap(iterators(query, c), query))
                return try XCTUnwrap(TermAtATime.clauses(words, requireAll: true, documentCount: n, density: .max / 2))
            }
            XCTAssertNil(TermAtATime.titlesAlone(try clauses(), threshold: bodyBound), query)
            // Just above the body's bound, where every title counts, and the
            // 40th score, as a search's top 40 would have it, where the
            // titles of the words with the least idf may not.
            let fortieth = want.map(\.1).sorted(by: >).dropFirst(39).first ?? 0
            for threshold in [bodyBound * 1.001, fortieth] where want.contains(where: { $0.1 >= threshold }) {
                let walked = try clauses()
                let titlesRead = try XCTUnwrap(TermAtATime.titlesAlone(walked, threshold: threshold), query).titlesRead
                if titlesRead.count < words.count { fewerTitles += 1 }
                var got: [(UInt32, Double)] = []
                try TermAtATime.conjunction(walked, documentCount: n, threshold: threshold) { docs, scores in
                    got += zip(docs, scores).map { ($0, $1) }
                }
                XCTAssertEqual(got.map(\.0), want.map(\.0), "every match is handed over: \(query)")
                for (g, w) in zip(got, want) {
                    if g.1 == TermAtATime.unscored {
                        XCTAssertLessThan(w.1, threshold, query)
                        unscored += 1
                    } else {
                        XCTAssertEqual(g.1.bitPattern, w.1.bitPattern, query)
                        scored += 1
                    }
                }
                led += 1
            }
        }
        XCTAssertGreaterThanOrEqual(led, 6)
        XCTAssertGreaterThan(fewerTitles, 0, "some titles need not be read")
        XCTAssertGreaterThan(unscored, scored, "most matches hold no query word in their title")
        XCTAssertGreaterThan(scored, 0)
    }

    /// When matches that differ in diacritics weigh nothing, a plan holding
    /// only such forms ("dặt" for "đất") scores 0 and still matches.
    func testPlansScoringNothingStillMatch() throws {
        var zeros = 0
        let compared = try compare(["đất đai", "đặt"], planAtATime: { query, c in
            let want = try iterators(query, c, foldedOnlyWeight: 0).map(planAtATime)
            zeros += want?.filter { $0.1 == 0 }.count ?? 0
            return want
        }, termAtATime: { query, c, accept in
            let words = try XCTUnwrap(TermAtATime.clauses(SearchEngine.conjunctionOrder(try XCTUnwrap(iterators(query, c, foldedOnlyWeight: 0))),
                                                        requireAll: true, documentCount: c.segment.documentCount,
                                                        density: .max / 2))
            try TermAtATime.conjunction(words, documentCount: c.segment.documentCount, accept: accept)
        })
        XCTAssertGreaterThan(zeros, 0, "some plans hold only the other forms")
        XCTAssertGreaterThan(compared, zeros)
    }

    func testAnyWordScoresAreThoseOfOnePlanAtATime() throws {
        let queries = ["người sử dụng lao động phải bồi thường thiệt hại cho người lao động",
                       "hanh khach duoc boi thuong", "quyền và nghĩa vụ của công dân"]
        // Distinct idfs, so that the coverage counts which words a plan holds.
        func clauses(_ query: String, _ c: SegmentContext) throws -> [(ClauseIterator, Double)] {
            let terms = QueryParser().parse(query).terms
            return try terms.enumerated().compactMap { i, t in
                let idf = 0.5 + Double(i) / 7
                return try TermIterator(term: t, idf: idf, context: c, titleWeight: 2, foldedOnlyWeight: 0.3).map { ($0, idf) }
            }
        }
        func shouldIDF(_ query: String) -> Double {
            QueryParser().parse(query).terms.indices.reduce(0) { $0 + 0.5 + Double($1) / 7 }
        }
        let compared = try compare(queries, planAtATime: { query, c in
            try anyPlanAtATime(try clauses(query, c), shouldIDF: shouldIDF(query))
        }, termAtATime: { query, c, accept in
            let ordered = SearchEngine.disjunctionOrder(try clauses(query, c))
            let words = try XCTUnwrap(TermAtATime.clauses(ordered.map(\.0), requireAll: false,
                                                        documentCount: c.segment.documentCount, density: .max / 2))
            try TermAtATime.disjunction(Array(zip(words, ordered.map(\.1))), shouldIDF: shouldIDF(query),
                                        documentCount: c.segment.documentCount, accept: accept)
        })
        XCTAssertGreaterThan(compared, 1000)
    }

    /// The server keeps quoted phrases' scores (`TermScoreCache`), so a
    /// phrase is read term at a time too: its scores, worked out afresh or
    /// kept, must be those of one plan at a time, beside words that are all
    /// required and among words of which any will do.
    func testPhraseScoresAreThoseOfOnePlanAtATime() throws {
        let queries = ["\"quyền sử dụng đất\"", "\"người lao động\" hợp đồng", "bồi thường \"thiệt hại\"",
                       "\"trach nhiem\" hinh su", "\"luật\""]
        /// The query's phrases and words, with distinct idfs; nil when the segment lacks one.
        func clauses(_ query: String, _ c: SegmentContext) throws -> [(ClauseIterator, Double)]? {
            let parsed = QueryParser().parse(query)
            var out: [(ClauseIterator, Double)] = []
            for (i, p) in parsed.phrases.enumerated() {
                guard let it = try PhraseIterator(phrase: p, idf: 2.1 + Double(i) / 5, context: c) else { return nil }
                out.append((it, 2.1 + Double(i) / 5))
            }
            for (i, t) in parsed.terms.enumerated() {
                guard let it = try TermIterator(term: t, idf: 0.5 + Double(i) / 7, context: c, titleWeight: 2,
                                                foldedOnlyWeight: 0.3) else { return nil }
                out.append((it, 0.5 + Double(i) / 7))
            }
            return out
        }
        for kept in [false, true] {
            let cache = TermScoreCache()
            let all = try compare(queries, planAtATime: { query, c in
                try clauses(query, c).map { try planAtATime($0.map(\.0)) }
            }, termAtATime: { query, c, accept in
                let ordered = SearchEngine.conjunctionOrder(try XCTUnwrap(clauses(query, c)).map(\.0))
                let whole = try XCTUnwrap(TermAtATime.clauses(ordered, requireAll: true, documentCount: c.segment.documentCount,
                                                              density: .max / 2, phrasesKeptIn: cache))
                try TermAtATime.conjunction(whole, documentCount: c.segment.documentCount, cache: kept ? cache : nil,
                                            accept: accept)
            })
            XCTAssertGreaterThan(all, 500)
            let any = try compare(queries, planAtATime: { query, c in
                guard let clauses = try clauses(query, c) else { return nil }
                return try anyPlanAtATime(clauses, shouldIDF: clauses.reduce(0) { $0 + $1.1 })
            }, termAtATime: { query, c, accept in
                let clauses = try XCTUnwrap(clauses(query, c))
                let ordered = SearchEngine.disjunctionOrder(clauses)
                let whole = try XCTUnwrap(TermAtATime.clauses(ordered.map(\.0), requireAll: false,
                                                              documentCount: c.segment.documentCount,
                                                              density: .max / 2, phrasesKeptIn: cache))
                try TermAtATime.disjunction(Array(zip(whole, ordered.map(\.1))), shouldIDF: clauses.reduce(0) { $0 + $1.1 },
                                            documentCount: c.segment.documentCount, cache: kept ? cache : nil,
                                            accept: accept)
            })
            XCTAssertGreaterThan(any, all)
            XCTAssertEqual(cache.count > 0, kept, "phrases and common words were kept only when asked")
        }
    }

    /// A phrase is read term at a time only where its scores may be kept:
    /// without a cache (the CLI) one plan at a time may skip plans.
    func testPhrasesAreReadTermAtATimeOnlyWithACache() throws {
        let snapshot = try Fixtures.alqacEngine().snapshot
        let segment = try XCTUnwrap(snapshot.segments.max { $0.documentCount < $1.documentCount })
        let c = context(snapshot, segment)
        let phrase = try XCTUnwrap(try PhraseIterator(phrase: QueryParser().parse("\"quy định\"").phrases[0], idf: 2,
                                                      context: c))
        let n = segment.documentCount
        XCTAssertGreaterThan(phrase.cost * 8, n)
        XCTAssertNil(TermAtATime.clauses([phrase], requireAll: true, documentCount: n, density: 8))
        XCTAssertNotNil(TermAtATime.clauses([phrase], requireAll: true, documentCount: n, density: 8,
                                            phrasesKeptIn: TermScoreCache()))
    }

    /// A rare word leads one plan at a time through few plans: the segment
    /// is read term at a time only when its rarest required word is common
    /// enough, or, when any will do, its words together.
    func testOnlyCommonWordsAreReadTermAtATime() throws {
        let snapshot = try Fixtures.alqacEngine().snapshot
        let segment = try XCTUnwrap(snapshot.segments.max { $0.documentCount < $1.documentCount })
        let c = context(snapshot, segment)
        let common = try XCTUnwrap(try iterators("quy định", c))
        let n = segment.documentCount
        XCTAssertGreaterThan(common.map(\.cost).min()! * 8, n)
        XCTAssertNotNil(TermAtATime.clauses(common, requireAll: true, documentCount: n, density: 8))
        XCTAssertNil(TermAtATime.clauses(common, requireAll: true, documentCount: n, density: 0))
        let rare = try XCTUnwrap(try iterators("quy định hành khách", c))
        XCTAssertLessThan(rare.map(\.cost).min()! * 8, n)
        XCTAssertNil(TermAtATime.clauses(rare, requireAll: true, documentCount: n, density: 8))
        // Any of them will do: together they hold enough plans.
        XCTAssertNotNil(TermAtATime.clauses(rare, requireAll: false, documentCount: n, density: 8))
    }

    /// Through the engine, with facets (which count every match): the same
    /// plans, scores, totals and facets whichever way the segments are read.
    func testSearchesAnswerTheSameEitherWay() throws {
        let termAtATime = try Fixtures.alqacEngine(), planAtATime = try Fixtures.alqacEngine()
        termAtATime.termAtATimeDensity = .max / 2
        planAtATime.termAtATimeDensity = 0
        let qrels = Fixtures.shared.appendingPathComponent("alqac2024/qrels.tsv")
        guard let text = try? String(contentsOf: qrels, encoding: .utf8) else { throw XCTSkip("ALQAC questions not found") }
        var queries = ["quyền sử dụng đất", "quyen su dung dat", "người lao động -hợp", "Luật đất đai"]
        for line in text.split(separator: "\n").prefix(40) {
            let question = String(line.split(separator: "\t")[1])
            // The whole question: any word will do.
            queries.append(question)
            let words = question.split(separator: " ").map(String.init)
            for (start, length) in [(0, 2), (2, 3), (5, 4)] where start + length <= words.count {
                queries.append(words[start..<(start + length)].joined(separator: " "))
            }
        }
        /// Both engines' answers to `request`, which must give the same plans
        /// and scores (to the bit) and relax alike.
        func bothWays(_ request: SearchRequest) throws -> (termAtATime: SearchResults, planAtATime: SearchResults) {
            let a = try termAtATime.search(request), b = try planAtATime.search(request)
            XCTAssertEqual(a.hits.map(\.record.path), b.hits.map(\.record.path), request.query)
            XCTAssertEqual(a.hits.map(\.score.bitPattern), b.hits.map(\.score.bitPattern), request.query)
            XCTAssertEqual(a.relaxed, b.relaxed, request.query)
            return (a, b)
        }
        var matched = 0, skipped = 0
        for q in queries {
            for wantFacets in [true, false] {
                let (a, b) = try bothWays(SearchRequest(query: q, limit: 20, wantFacets: wantFacets, exactTotal: true))
                XCTAssertEqual(a.total, b.total, q)
                XCTAssertEqual(a.facets, b.facets, q)
                matched += a.total
            }
            // A search that may skip plans (no facets, total a lower bound):
            // one plan at a time may skip, term at a time counts them all,
            // and the best plans are the same.
            let (a, b) = try bothWays(SearchRequest(query: q, limit: 20, wantFacets: false, exactTotal: false))
            XCTAssertGreaterThanOrEqual(a.total, b.total, q)
            if b.totalIsExact { XCTAssertEqual(a.total, b.total, q) } else { skipped += 1 }
        }
        XCTAssertGreaterThan(matched, 10_000)
        XCTAssertGreaterThan(skipped, 0, "some searches one plan at a time skipped plans")
    }
}
