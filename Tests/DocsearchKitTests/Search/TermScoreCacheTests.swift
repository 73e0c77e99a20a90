import Foundation
import XCTest
@testable import DocsearchKit

/// The server keeps common words' per-plan scores across searches
/// (`TermScoreCache`): a search that finds them kept must answer exactly as
/// one that reads every list: the same plans, scores to the bit, totals and
/// facets, whether every word is required or any will do, with plans deleted
/// and with the weights changed.
final class TermScoreCacheTests: XCTestCase {
    /// Short queries (every word required) and whole questions (any word),
    /// from the ALQAC questions, whose common words ("người", "được", "quy
    /// định") are in most articles.
    private func alqacQueries() throws -> [String] {
        let qrels = Fixtures.shared.appendingPathComponent("alqac2024/qrels.tsv")
        guard let text = try? String(contentsOf: qrels, encoding: .utf8) else { throw XCTSkip("ALQAC questions not found") }
        var queries = ["quyền sử dụng đất", "quyen su dung dat", "người lao động -hợp", "Luật đất đai", "quy định"]
        for line in text.split(separator: "\n").prefix(30) {
            let question = String(line.split(separator: "\t")[1])
            queries.append(question)
            let words = question.split(separator: " ").map(String.init)
            for (start, length) in [(0, 2), (2, 3)] where start + length <= words.count {
                queries.append(words[start..<(start + length)].joined(separator: " "))
            }
        }
        return queries
    }

    /// Asks both engines each query (the kept one twice: the second finds
    /// the scores the first kept) and compares their answers; returns how
    /// many plans matched in all.
    @discardableResult
    private func assertSameAnswers(kept: SearchEngine, reading: SearchEngine, _ queries: [String],
                                   file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        var matched = 0
        for q in queries {
            for wantFacets in [true, false] {
                let request = SearchRequest(query: q, limit: 20, wantFacets: wantFacets, exactTotal: true)
                let want = try reading.search(request)
                for pass in ["first", "second"] {
                    let got = try kept.search(request)
                    let what = "\(q) (\(pass) search)"
                    XCTAssertEqual(got.hits.map(\.record.path), want.hits.map(\.record.path), what, file: file, line: line)
                    XCTAssertEqual(got.hits.map(\.score.bitPattern), want.hits.map(\.score.bitPattern), what,
                                   file: file, line: line)
                    XCTAssertEqual(got.total, want.total, what, file: file, line: line)
                    XCTAssertEqual(got.facets, want.facets, what, file: file, line: line)
                }
                matched += want.total
            }
        }
        return matched
    }

    func testKeptScoresAnswerAsReadingEveryList() throws {
        let kept = try Fixtures.alqacEngine(), reading = try Fixtures.alqacEngine()
        let cache = TermScoreCache()
        kept.termScores = cache
        let matched = try assertSameAnswers(kept: kept, reading: reading, try alqacQueries())
        XCTAssertGreaterThan(matched, 10_000)
        XCTAssertGreaterThan(cache.count, 20, "common words were kept")
        XCTAssertLessThanOrEqual(cache.bytesUsed, cache.budget)
    }

    /// Quoted phrases of common words are kept too, alone or beside words
    /// that must be there (+) or must not (-): the same answers as reading
    /// every position, on the law articles and on generated plans.
    func testKeptPhrasesAnswerAsReadingEveryPosition() throws {
        let kept = try Fixtures.alqacEngine(), reading = try Fixtures.alqacEngine()
        kept.termScores = TermScoreCache()
        let matched = try assertSameAnswers(kept: kept, reading: reading, [
            "\"quyền sử dụng đất\"", "\"quyen su dung dat\"", "\"người lao động\" +hợp", "\"quy định\" -\"pháp luật\"",
            "\"trách nhiệm\" \"bồi thường\"", "\"luật\""])
        XCTAssertGreaterThan(matched, 5_000)

        let corpus = try Fixtures.generatedPlans(count: 200, seed: 23, name: "kept-phrases")
        defer { try? FileManager.default.removeItem(at: corpus) }
        let snapshot = try IndexSnapshot.open(directory: try Fixtures.index(of: corpus))
        let plans = SearchEngine(snapshot: snapshot), readingPlans = SearchEngine(snapshot: snapshot)
        plans.termScores = TermScoreCache()
        try assertSameAnswers(kept: plans, reading: readingPlans, [
            "\"tiếp cận pháp luật\"", "\"tiep can phap luat\"", "\"kế hoạch\" +tuyên", "\"bình đẳng giới\"",
            "\"ủy ban nhân dân\" -\"giáo dục\""])
    }

    /// A phrase is kept once per segment where it is read term at a time,
    /// apart from its words.
    func testEachSegmentKeepsAPhraseOnce() throws {
        let engine = try Fixtures.alqacEngine()
        let cache = TermScoreCache()
        engine.termScores = cache
        for _ in 0..<2 {
            _ = try engine.search(SearchRequest(query: "\"quy định\"", limit: 5, wantFacets: true, exactTotal: true))
        }
        let expected = engine.snapshot.segments.filter { segment in
            let holding = ["quy", "dinh"].compactMap { segment.info(TermField.bodyFolded.key($0))?.docFreq }
            return holding.count == 2 && holding.min()! * engine.termAtATimeDensity >= segment.documentCount
        }.count
        XCTAssertGreaterThan(expected, 1, "the phrase is common in more than one segment")
        XCTAssertEqual(cache.count, expected)
    }

    /// A search may find some of its words kept and read the others: a
    /// cache that keeps only words in one plan in 4 (the search reads words
    /// in one in 8 term at a time) answers as reading every list.
    func testSomeWordsKeptOthersRead() throws {
        let kept = try Fixtures.alqacEngine(), reading = try Fixtures.alqacEngine()
        let cache = TermScoreCache(density: 4)
        kept.termScores = cache
        let matched = try assertSameAnswers(kept: kept, reading: reading, try alqacQueries())
        XCTAssertGreaterThan(matched, 10_000)
        XCTAssertGreaterThan(cache.count, 5, "the commonest words were kept")
    }

    /// A word is kept per weighting: a search under other weights (BM25's
    /// k1 and b, the title's weight, folded-only matches' weight) must not
    /// find the scores of the first. On generated plans, whose titles hold
    /// the query's words.
    func testScoresAreKeptApartPerWeighting() throws {
        let corpus = try Fixtures.generatedPlans(count: 200, seed: 22, name: "kept-weights")
        defer { try? FileManager.default.removeItem(at: corpus) }
        let index = try Fixtures.index(of: corpus)
        let snapshot = try IndexSnapshot.open(directory: index)
        let kept = SearchEngine(snapshot: snapshot), reading = SearchEngine(snapshot: snapshot)
        kept.termScores = TermScoreCache()
        let queries = ["kế hoạch", "giáo dục pháp luật", "ke hoach tuyen truyen", "bình đẳng giới"]
        try assertSameAnswers(kept: kept, reading: reading, queries)
        for change in [{ (e: SearchEngine) in e.bm25 = BM25(k1: 1.5, b: 0.5) },
                       { (e: SearchEngine) in e.titleWeight = 5 },
                       { (e: SearchEngine) in e.foldedOnlyWeight = 0.9 }] {
            change(kept)
            change(reading)
            try assertSameAnswers(kept: kept, reading: reading, queries)
        }
    }

    /// Each segment keeps its own scores of a word: one entry per segment
    /// where the word is common, whatever the segments' sizes; and, in the
    /// segments of the best plans, those of the pair of words the proximity
    /// pass weighs, which the quoted phrase then finds kept.
    func testEachSegmentKeepsItsOwn() throws {
        let engine = try Fixtures.alqacEngine()
        let cache = TermScoreCache()
        engine.termScores = cache
        let ranked = try engine.search(SearchRequest(query: "quy định", limit: SearchEngine.proximityWindow,
                                                     wantFacets: true, exactTotal: true))
        let rankedSegments = Set(ranked.hits.map(\.segment))
        var words = 0, pairs = 0, phrases = 0
        for (s, segment) in engine.snapshot.segments.enumerated() {
            let holding = ["quy", "dinh"].compactMap { segment.info(TermField.bodyFolded.key($0))?.docFreq }
            // Read term at a time (the rarest in one plan in 8) and common enough to keep.
            guard holding.count == 2, holding.min()! * engine.termAtATimeDensity >= segment.documentCount else { continue }
            words += holding.filter { cache.keeps(plans: $0, documentCount: segment.documentCount) }.count
            if cache.keeps(plans: holding.min()!, documentCount: segment.documentCount) {
                phrases += 1
                if rankedSegments.contains(s) { pairs += 1 }
            }
        }
        XCTAssertGreaterThan(engine.snapshot.segments.count, 1)
        XCTAssertGreaterThan(words, 2, "the words are common in more than one segment")
        XCTAssertGreaterThan(pairs, 0, "the best plans lie where the pair is common")
        XCTAssertEqual(cache.count, words + pairs)
        _ = try engine.search(SearchRequest(query: "\"quy định\"", limit: 5, wantFacets: true, exactTotal: true))
        XCTAssertEqual(cache.count, words + phrases, "the phrase found the pair's scores where they were kept")
    }

    /// Kept scores cover deleted plans too; the search must still leave them out.
    func testDeletedPlansStayOut() throws {
        let corpus = try Fixtures.generatedPlans(count: 300, seed: 21, name: "kept-scores")
        defer { try? FileManager.default.removeItem(at: corpus) }
        let snapshot = try IndexSnapshot.open(directory: try Fixtures.updatedIndex(of: corpus, removed: 40, changed: 10))
        XCTAssertEqual(snapshot.documentCount, 260)
        XCTAssertFalse(snapshot.deleted.allSatisfy(\.isEmpty), "the update deleted plans from a segment")
        let kept = SearchEngine(snapshot: snapshot), reading = SearchEngine(snapshot: snapshot)
        kept.termScores = TermScoreCache()
        let queries = ["kế hoạch", "ủy ban nhân dân", "giáo dục pháp luật", "tuyên truyền", "trẻ em",
                       "kế hoạch tuyên truyền về quyền con người năm 2023 của ủy ban nhân dân huyện"]
        let matched = try assertSameAnswers(kept: kept, reading: reading, queries)
        XCTAssertGreaterThan(matched, 1_000)
        XCTAssertLessThanOrEqual(try kept.search(SearchRequest(query: "kế hoạch", limit: 1, exactTotal: true)).total, 260)
    }

    /// Words in few of a segment's plans are not kept, nor scores past the
    /// budget; past it the oldest go first.
    func testOnlyCommonWordsAreKeptWithinTheBudget() throws {
        let cache = TermScoreCache(budget: 3 * 800, density: 16)
        XCTAssertTrue(cache.keeps(plans: 10, documentCount: 100))
        XCTAssertFalse(cache.keeps(plans: 6, documentCount: 100))
        XCTAssertFalse(cache.keeps(plans: 1000, documentCount: 1000), "one segment's scores would pass the budget")
        XCTAssertFalse(TermScoreCache(density: 0).keeps(plans: 100, documentCount: 100))
        func key(_ word: String) -> TermScoreCache.Key {
            TermScoreCache.Key(segment: "seg-000001-0001.dseg", clause: .word(exact: word, folded: word, hasDiacritics: false), idf: 1.2,
                               titleWeight: 2, foldedOnlyWeight: 0.3, bm25: BM25())
        }
        let words = ["luat", "dat", "nguoi", "quyen"]
        for w in words { cache.store(TermScores(documentCount: 100), for: key(w)) }
        XCTAssertEqual(cache.count, 3)
        XCTAssertEqual(cache.bytesUsed, 3 * 800)
        XCTAssertNil(cache.scores(for: key("luat")), "the oldest went first")
        for w in words.dropFirst() { XCTAssertNotNil(cache.scores(for: key(w)), w) }
        let fresh = TermScores(documentCount: 4)
        withExtendedLifetime(fresh) { XCTAssertEqual(Array(fresh.values), Array(repeating: TermScores.absent, count: 4)) }
    }
}
