import XCTest
@testable import DocsearchKit

/// A quoted pair of common words read from its list (`WordPairs`) finds the
/// plans, counts and scores that merging the words' positions finds, to the
/// bit, and its block bounds hold. Checked on the ALQAC law articles.
final class WordPairIteratorTests: XCTestCase {
    /// Common pairs of the articles, and one pair of common words that seldom stand together.
    private let phrases = ["pháp luật", "quy định", "hợp đồng", "nhân dân", "quyền và", "theo quy", "của người", "luật này",
                           "vụ án", "cơ quan", "dân sự", "thực hiện", "nhân quyền"]

    private func contexts() throws -> [SegmentContext] {
        let snapshot = try Fixtures.alqacEngine().snapshot
        return snapshot.segments.map {
            SegmentContext(segment: $0, bm25: BM25(k1: 0.9, b: 0.75), averageBodyLength: snapshot.averageBodyLength,
                           averageTitleLength: snapshot.averageTitleLength)
        }
    }

    private func phrase(_ text: String) -> Query.Phrase {
        Query.Phrase(terms: QueryParser().parse("\"\(text)\"").phrases[0].terms, occur: .must)
    }

    func testPairListsScoreAsThePositionsDo() throws {
        var compared = 0, listed = 0
        for c in try contexts() {
            XCTAssertTrue(c.segment.hasWordPairs)
            for text in phrases {
                let p = phrase(text)
                XCTAssertTrue(WordPairs.covers(p.terms[0].folded, p.terms[1].folded), text)
                let fromList = try WordPairIterator.make(phrase: p, idf: 3.1, context: c)
                let fromPositions = try PhraseIterator(phrase: p, idf: 3.1, context: c)
                guard let positions = fromPositions else {
                    XCTAssertNil(fromList, "\(text): a list where a word is missing")
                    continue
                }
                var a = try positions.advance(to: 0)
                guard let list = fromList else {
                    XCTAssertEqual(a, exhaustedDoc, "\(text): no list, yet the words stand together")
                    continue
                }
                XCTAssertTrue(list is WordPairIterator, text)
                listed += 1
                var b = try list.advance(to: 0)
                while a != exhaustedDoc {
                    XCTAssertEqual(b, a, text)
                    XCTAssertEqual(try list.score().bitPattern, try positions.score().bitPattern, "\(text) plan \(a)")
                    compared += 1
                    a = try positions.advance(to: a + 1)
                    b = try list.advance(to: b + 1)
                }
                XCTAssertEqual(b, exhaustedDoc, text)
                // Term at a time, the same scores.
                let again = try XCTUnwrap(try WordPairIterator.make(phrase: p, idf: 3.1, context: c) as? WordPairIterator)
                let kept = try XCTUnwrap(try PhraseIterator(phrase: p, idf: 3.1, context: c)).scoreEveryPlan()
                let scores = try again.scoreEveryPlan()
                for d in 0..<c.segment.documentCount {
                    XCTAssertEqual(scores.values[d].bitPattern, kept.values[d].bitPattern, "\(text) plan \(d)")
                }
            }
        }
        XCTAssertGreaterThan(listed, 20)
        XCTAssertGreaterThan(compared, 5000)
    }

    /// Rare words, three words, or a segment without pairs: the positions.
    func testOtherPhrasesReadPositions() throws {
        let c = try XCTUnwrap(try contexts().first)
        for text in ["bình đẳng", "quyền và nghĩa vụ", "hôn nhân"] {
            XCTAssertTrue(try WordPairIterator.make(phrase: phrase(text), idf: 1, context: c) is PhraseIterator, text)
        }
        let dir = try Fixtures.scratch("pairs-v9")
        defer { try? FileManager.default.removeItem(at: dir) }
        let texts = TextTestCorpus.lawArticles(step: 20)
        let file = dir.appendingPathComponent("old.dseg").path
        try Data(try Fixtures.segmentBuilder(of: texts).serialize(version: 9)).write(to: URL(fileURLWithPath: file))
        let old = try SegmentReader(path: file, name: "old.dseg", verification: .full)
        let context = SegmentContext(segment: old, bm25: BM25(), averageBodyLength: 100, averageTitleLength: 10)
        XCTAssertTrue(try WordPairIterator.make(phrase: phrase("pháp luật"), idf: 1, context: context) is PhraseIterator)
    }

    /// Each stretch's bound holds for every plan where the pair stands, and
    /// says something: it falls below the pair's whole bound in the stretches
    /// of long lists (a list of one block has no impacts: its bound is the
    /// whole one).
    func testBlockBoundsHoldForEveryPlanOfTheirStretch() throws {
        var stretches = 0, below = 0, plans = 0
        for c in try contexts() {
            for text in phrases {
                guard let walker = try WordPairIterator.make(phrase: phrase(text), idf: 2.5, context: c) as? WordPairIterator,
                      let bounder = try WordPairIterator.make(phrase: phrase(text), idf: 2.5, context: c) as? WordPairIterator
                else { continue }
                var d = try walker.advance(to: 0), target: UInt32 = 0
                while d != exhaustedDoc {
                    guard let block = try bounder.blockBound(from: target) else {
                        XCTFail("\(text): no bound from \(target), where plan \(d) holds the pair")
                        break
                    }
                    XCTAssertGreaterThanOrEqual(block.lastDoc, d, text)
                    stretches += 1
                    if block.score < bounder.upperBound { below += 1 }
                    var best = 0.0
                    while d != exhaustedDoc && d <= block.lastDoc {
                        let score = try walker.score()
                        XCTAssertLessThanOrEqual(score, block.score, "\(text): plan \(d) in [\(target), \(block.lastDoc)]")
                        best = max(best, score)
                        plans += 1
                        d = try walker.advance(to: d + 1)
                    }
                    if block.lastDoc >= BlockBound.end { break }
                    target = block.lastDoc + 1
                }
            }
        }
        XCTAssertGreaterThan(plans, 5000)
        XCTAssertGreaterThan(stretches, 50)
        XCTAssertGreaterThan(below, stretches / 3, "the block bounds fall below the pair's bound")
    }

    /// A phrase of three words or more walks its pairs' lists besides its
    /// words' where the segment holds them: the same plans, the same scores
    /// to the bit, as the words' lists alone; and with a floor, the plans
    /// above it are the same (the floor's bound counts the pairs too).
    func testLongerPhrasesFindTheSamePlansThroughTheirPairs() throws {
        let longer = ["theo quy định của pháp luật", "quyền và nghĩa vụ", "của người lao động", "cơ quan nhà nước có thẩm quyền",
                      "trong thời hạn", "quy định tại khoản"]
        var compared = 0, withPairs = 0
        for c in try contexts() {
            for text in longer {
                let p = phrase(text)
                guard let plain = try PhraseIterator(phrase: p, idf: 2.2, context: c, readsPairs: false) else {
                    XCTAssertNil(try PhraseIterator(phrase: p, idf: 2.2, context: c), text)
                    continue
                }
                guard let fast = try PhraseIterator(phrase: p, idf: 2.2, context: c) else {
                    XCTAssertEqual(try plain.advance(to: 0), exhaustedDoc, "\(text): a pair list missing, yet the phrase stands")
                    continue
                }
                XCTAssertEqual(plain.pairListCount, 0)
                if fast.pairListCount > 0 { withPairs += 1 }
                var scores: [UInt32: Double] = [:]
                var a = try plain.advance(to: 0), b = try fast.advance(to: 0)
                while a != exhaustedDoc {
                    XCTAssertEqual(b, a, text)
                    XCTAssertEqual(try fast.score().bitPattern, try plain.score().bitPattern, "\(text) plan \(a)")
                    scores[a] = try plain.score()
                    compared += 1
                    a = try plain.advance(to: a + 1)
                    b = try fast.advance(to: b + 1)
                }
                XCTAssertEqual(b, exhaustedDoc, text)
                // A floor at the median score: the plans above it, and only them.
                guard let floor = scores.values.sorted().dropFirst(scores.count / 2).first,
                      let floored = try PhraseIterator(phrase: p, idf: 2.2, context: c) else { continue }
                floored.scoreFloor = floor
                var above: [UInt32] = []
                var d = try floored.advance(to: 0)
                while d != exhaustedDoc {
                    if try floored.score() > floor { above.append(d) }
                    d = try floored.advance(to: d + 1)
                }
                XCTAssertEqual(above, scores.filter { $0.value > floor }.keys.sorted(), text)
            }
        }
        XCTAssertGreaterThan(withPairs, 8)
        XCTAssertGreaterThan(compared, 1000)
    }
}
