import Foundation
import XCTest
@testable import DocsearchKit

/// `SegmentReader.haveSamePostings`: two lists are taken for the same only
/// when they hold the same plans and counts. Checked on every word of the
/// law articles with a form of its own, body and title, against both lists
/// read posting by posting.
final class SamePostingsTests: XCTestCase {
    private func postings(_ segment: SegmentReader, _ info: TermInfo) throws -> [UInt64] {
        var cursor = try segment.cursor(info, positions: false)
        var out: [UInt64] = []
        while try cursor.next() { out.append(UInt64(cursor.doc) << 32 | UInt64(cursor.tf)) }
        return out
    }

    /// For every term of field `exact` in the law articles' segments and its
    /// folded form's term of field `folded`: `haveSamePostings` against the
    /// two lists read posting by posting. Returns how many were the same
    /// (and of those, lists of several blocks) and how many not (and of
    /// those, lists of as many plans).
    private func compareForms(exact exactField: TermField, folded foldedField: TermField) throws
        -> (alike: Int, alikeOfBlocks: Int, unlike: Int, unlikeOfOneSize: Int) {
        let snapshot = try Fixtures.alqacEngine().snapshot
        var counts = (alike: 0, alikeOfBlocks: 0, unlike: 0, unlikeOfOneSize: 0)
        for segment in snapshot.segments {
            for t in 0..<segment.termCountValue {
                let key = segment.termKey(t)
                guard key.first == exactField.rawValue else { continue }
                let word = String(decoding: key.dropFirst(), as: UTF8.self)
                guard let folded = segment.info(foldedField.key(Folding.fold(word))) else { continue }
                XCTAssertEqual(folded.positionsOffset != nil, foldedField.hasPositions, word)
                let exact = segment.info(t)
                let same = try postings(segment, exact) == postings(segment, folded)
                XCTAssertEqual(try segment.haveSamePostings(exact, folded), same, word)
                if same { counts.alike += 1 } else { counts.unlike += 1 }
                if same && exact.docFreq > 3 * PostingsCodec.blockSize { counts.alikeOfBlocks += 1 }
                if !same && exact.docFreq == folded.docFreq { counts.unlikeOfOneSize += 1 }
            }
        }
        return counts
    }

    func testTitleListsAreTheSameExactlyWhenTheirPostingsAre() throws {
        let counts = try compareForms(exact: .titleExact, folded: .titleFolded)
        // Both answers were given, also for lists of as many plans that differ in counts.
        XCTAssertGreaterThan(counts.alike, 100)
        XCTAssertGreaterThan(counts.unlike, 10)
        XCTAssertGreaterThan(counts.unlikeOfOneSize, 0)
    }

    /// The same for every body word of the law articles with a form of its
    /// own, whose folded list holds positions and whose exact one does not.
    func testBodyListsAreTheSameExactlyWhenTheirPostingsAre() throws {
        let counts = try compareForms(exact: .bodyExact, folded: .bodyFolded)
        XCTAssertGreaterThan(counts.alike, 100)
        XCTAssertGreaterThan(counts.alikeOfBlocks, 5)
        XCTAssertGreaterThan(counts.unlike, 100)
    }

    /// Lists of the same plans and as many bytes that differ only in a
    /// count: "đất" three times in a heading that also holds "đặt" ("dat" four times).
    func testListsDifferingOnlyInACountAreNotTheSame() throws {
        let texts = [("a.txt", "Luật Đất đai về đất và đặt cọc\nĐiều 5. Quyền của người sử dụng đất\nNgười sử dụng đất có quyền."),
                     ("b.txt", "Luật Nhà ở\nĐiều 7. Quyền sở hữu nhà ở\nChủ sở hữu nhà ở có quyền.")]
        let segment = try Fixtures.segment(of: texts)
        let exact = try XCTUnwrap(segment.info(TermField.titleExact.key("đất")))
        let folded = try XCTUnwrap(segment.info(TermField.titleFolded.key("dat")))
        XCTAssertEqual(try postings(segment, exact), [3])
        XCTAssertEqual(try postings(segment, folded), [4])
        XCTAssertFalse(try segment.haveSamePostings(exact, folded))
        // "Quyền" is the only form of "quyen" in the headings: its lists are the same.
        let quyen = try XCTUnwrap(segment.info(TermField.titleExact.key("quyền")))
        XCTAssertTrue(try segment.haveSamePostings(quyen, try XCTUnwrap(segment.info(TermField.titleFolded.key("quyen")))))
    }
}
