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

    /// A word's score in each plan is BM25 over the counts its four lists
    /// give there (body and title, folded and exact form), each list read on
    /// its own: also where a list of the exact form is not read because it
    /// holds what the folded list holds ("luật"), and where the two differ:
    /// in plans ("đất" and "đặt"), or only in counts (words found in the
    /// very plans another of their forms is in). One plan at a time and
    /// term at a time alike.
    func testScoreIsBM25OfTheCountsOfTheWordsFourLists() throws {
        let snapshot = try Fixtures.alqacEngine().snapshot
        let bm25 = BM25(k1: 0.9, b: 0.75)
        let idf = 1.7, titleWeight = 2.0, foldedOnlyWeight = 0.3
        func part(_ folded: UInt32, _ exact: UInt32, length: UInt32, average: Double) -> Double {
            let k1Norm = bm25.k1Norm(length: Double(length), averageLength: average)
            let e = min(exact, folded)
            return bm25.tf(Double(e), k1Norm: k1Norm) + foldedOnlyWeight * bm25.tf(Double(folded - e), k1Norm: k1Norm)
        }
        func count(_ segment: SegmentReader, _ field: TermField, _ text: String) throws -> [UInt32: UInt32] {
            guard let info = segment.info(field.key(text)) else { return [:] }
            var cursor = try segment.cursor(info, positions: false)
            var out: [UInt32: UInt32] = [:]
            while try cursor.next() { out[cursor.doc] = cursor.tf }
            return out
        }
        // Words whose exact form's list holds the folded list's plans but not
        // all its counts (a list of as many plans that must still be read).
        var sameSize: [String] = []
        for segment in snapshot.segments {
            for t in 0..<segment.termCountValue where sameSize.count < 3 {
                let key = segment.termKey(t)
                guard key.first == TermField.bodyExact.rawValue else { continue }
                let exact = String(decoding: key.dropFirst(), as: UTF8.self)
                guard !sameSize.contains(exact), let folded = segment.info(TermField.bodyFolded.key(Folding.fold(exact))),
                      folded.docFreq == segment.info(t).docFreq, folded.docFreq > 20,
                      try count(segment, .bodyExact, exact) != count(segment, .bodyFolded, Folding.fold(exact)) else { continue }
                sameSize.append(exact)
            }
        }
        // (How the articles fall into segments depends on the indexing threads.)
        XCTAssertGreaterThanOrEqual(sameSize.count, 2)
        var titlesAgreeing = 0, titlesDiffering = 0, listsAlike = 0
        for word in ["đất", "đặt", "quyền", "người", "luật", "hợp", "đồng"] + sameSize {
            let term = try XCTUnwrap(QueryParser().parse(word).terms.first, word)
            for segment in snapshot.segments {
                let context = SegmentContext(segment: segment, bm25: bm25, averageBodyLength: snapshot.averageBodyLength,
                                             averageTitleLength: snapshot.averageTitleLength)
                let body = try count(segment, .bodyFolded, term.folded), bodyExact = try count(segment, .bodyExact, term.exact)
                let title = try count(segment, .titleFolded, term.folded), titleExact = try count(segment, .titleExact, term.exact)
                if let e = segment.info(TermField.titleExact.key(term.exact)),
                   let f = segment.info(TermField.titleFolded.key(term.folded)), try segment.haveSamePostings(e, f) {
                    XCTAssertEqual(title, titleExact, word)
                    listsAlike += 1
                }
                var expected: [(UInt32, Double)] = []
                for d in body.keys.sorted() {
                    let plan = Int(d)
                    var s = part(body[d]!, bodyExact[d] ?? 0, length: segment.bodyLength(plan),
                                 average: snapshot.averageBodyLength)
                    if let t = title[d] {
                        s += titleWeight * part(t, titleExact[d] ?? 0, length: segment.titleLength(plan),
                                                average: snapshot.averageTitleLength)
                        if titleExact[d] == t { titlesAgreeing += 1 } else { titlesDiffering += 1 }
                    }
                    expected.append((d, idf * s))
                }
                func iterator() throws -> TermIterator? {
                    try TermIterator(term: term, idf: idf, context: context, titleWeight: titleWeight,
                                     foldedOnlyWeight: foldedOnlyWeight)
                }
                guard let it = try iterator() else { XCTAssertTrue(expected.isEmpty); continue }
                var planAtATime: [(UInt32, Double)] = []
                var d = try it.advance(to: 0)
                while d != exhaustedDoc {
                    planAtATime.append((d, try it.score()))
                    d = try it.advance(to: d + 1)
                }
                var termAtATime: [(UInt32, Double)] = []
                try TermAtATime.conjunction([try XCTUnwrap(try iterator())], documentCount: segment.documentCount) { docs, scores in
                    termAtATime += zip(docs, scores).map { ($0, $1) }
                }
                for got in [planAtATime, termAtATime] {
                    XCTAssertEqual(got.map(\.0), expected.map(\.0), word)
                    for (g, e) in zip(got, expected) { XCTAssertEqual(g.1, e.1, accuracy: 1e-12, "\(word) in plan \(g.0)") }
                }
            }
        }
        // Both kinds of title occur, so both ways of reading them were checked.
        XCTAssertGreaterThan(titlesAgreeing, 20)
        XCTAssertGreaterThan(titlesDiffering, 20)
        XCTAssertGreaterThan(listsAlike, 0)
    }
}
