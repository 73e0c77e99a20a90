import Foundation
import XCTest
@testable import DocsearchKit

/// A segment whose checksums hold but whose lists name a plan past its last
/// (a writer's bug, or damage the checksums miss): the scoring loops write
/// per-plan arrays by plan number without bounds checks, so every way a
/// word or a phrase is scored must stop with a "corrupt" error there, never
/// write past its arrays.
final class PostingBeyondLastPlanTests: XCTestCase {
    /// A segment of three plans where "pháp" and "luật" (the phrase "pháp
    /// luật", and its pair's list) are listed in plans 0, 2 and 9.
    private func damagedSegment() throws -> (SegmentContext, URL) {
        var writer = SegmentWriter(documentCount: 3)
        writer.setDocuments(records: Array(repeating: Array("{}".utf8), count: 3),
                            fingerprints: (0..<3).map { FileFingerprint(path: "kh-\($0).txt", size: 1, modified: 0, contentHash: 0) },
                            bodyLengths: [12, 12, 12], titleLengths: [3, 3, 3], facets: [:])
        // Terms in byte order; each plan holds "pháp luật" at positions 4 and 5.
        writer.addTerm(TermField.bodyFolded.key("luat"), docs: [0, 2, 9], tfs: [1, 1, 1], positions: [5, 5, 5],
                       withPositions: true)
        writer.addTerm(TermField.bodyFolded.key("phap"), docs: [0, 2, 9], tfs: [1, 1, 1], positions: [4, 4, 4],
                       withPositions: true)
        // And the pair's own list (format 10), damaged the same way.
        writer.addTerm(WordPairs.key("phap", "luat"), docs: [0, 2, 9], tfs: [1, 1, 1], positions: [], withPositions: false)
        let folder = try Fixtures.scratch("beyond")
        let file = folder.appendingPathComponent("seg-000001-0001.dseg")
        try RobustnessSupport.write(writer.finish(), to: file)
        let reader = try SegmentReader(path: file.path, name: file.lastPathComponent, verification: .full)
        XCTAssertEqual(reader.documentCount, 3)
        let context = SegmentContext(segment: reader, bm25: BM25(k1: 0.9, b: 0.75), averageBodyLength: 12,
                                     averageTitleLength: 3)
        return (context, folder)
    }

    private func word(_ context: SegmentContext) throws -> TermIterator {
        try XCTUnwrap(try TermIterator(term: QueryParser().parse("luật").terms[0], idf: 1.2, context: context,
                                       titleWeight: 2, foldedOnlyWeight: 0.3))
    }

    private func phrase(_ context: SegmentContext) throws -> PhraseIterator {
        try XCTUnwrap(try PhraseIterator(phrase: QueryParser().parse("\"pháp luật\"").phrases[0], idf: 2.4,
                                         context: context))
    }

    private func pair(_ context: SegmentContext) throws -> WordPairIterator {
        try XCTUnwrap(try WordPairIterator.make(phrase: QueryParser().parse("\"pháp luật\"").phrases[0], idf: 2.4,
                                                context: context) as? WordPairIterator)
    }

    private func assertCorrupt(_ what: String, _ body: () throws -> Void) {
        XCTAssertThrowsError(try body(), what) { error in
            XCTAssertTrue("\(error)".contains("posting beyond the last plan"), "\(what): \(error)")
        }
    }

    func testEveryWayOfScoringStopsAtThePlanPastTheLast() throws {
        let (context, folder) = try damagedSegment()
        defer { try? FileManager.default.removeItem(at: folder) }

        // One plan at a time: the plans before it score, the one past the last throws.
        let daat = try word(context)
        XCTAssertEqual(try daat.advance(to: 0), 0)
        XCTAssertGreaterThan(try daat.score(), 0)
        XCTAssertEqual(try daat.advance(to: 3), 9)
        assertCorrupt("a word, one plan at a time") { _ = try daat.score() }

        let quoted = try phrase(context)
        XCTAssertEqual(try quoted.advance(to: 0), 0)
        XCTAssertGreaterThan(try quoted.score(), 0)
        assertCorrupt("a phrase, one plan at a time") {
            _ = try quoted.advance(to: 3)
            _ = try quoted.score()
        }

        let listed = try pair(context)
        XCTAssertEqual(try listed.advance(to: 0), 0)
        XCTAssertGreaterThan(try listed.score(), 0)
        XCTAssertEqual(try listed.advance(to: 3), 9)
        assertCorrupt("a pair's list, one plan at a time") { _ = try listed.score() }

        // Term at a time: read, kept, a phrase kept; all clauses required and any.
        assertCorrupt("a word read term at a time") {
            try TermAtATime.conjunction([try word(context)], documentCount: 3) { _, _ in }
        }
        assertCorrupt("a word's scores kept") {
            try TermAtATime.conjunction([try word(context)], documentCount: 3, cache: TermScoreCache(density: 1)) { _, _ in }
        }
        assertCorrupt("a phrase's scores kept") {
            try TermAtATime.conjunction([try phrase(context)], documentCount: 3, cache: TermScoreCache(density: 1)) { _, _ in }
        }
        assertCorrupt("any word, read term at a time") {
            try TermAtATime.disjunction([(try word(context), 1.2)], shouldIDF: 1.2, documentCount: 3) { _, _ in }
        }
        assertCorrupt("a pair's list read term at a time") {
            try TermAtATime.conjunction([try pair(context)], documentCount: 3) { _, _ in }
        }
        assertCorrupt("any clause, a pair's list read term at a time") {
            try TermAtATime.disjunction([(try pair(context), 2.4)], shouldIDF: 2.4, documentCount: 3) { _, _ in }
        }
        assertCorrupt("any clause, a phrase's scores read") {
            try TermAtATime.disjunction([(try phrase(context), 2.4)], shouldIDF: 2.4, documentCount: 3) { _, _ in }
        }
    }
}
