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

    func testTitleListsAreTheSameExactlyWhenTheirPostingsAre() throws {
        let snapshot = try Fixtures.alqacEngine().snapshot
        var alike = 0, unlike = 0, unlikeOfOneSize = 0
        for segment in snapshot.segments {
            for t in 0..<segment.termCountValue {
                let key = segment.termKey(t)
                guard key.first == TermField.titleExact.rawValue else { continue }
                let word = String(decoding: key.dropFirst(), as: UTF8.self)
                guard let folded = segment.info(TermField.titleFolded.key(Folding.fold(word))) else { continue }
                let exact = segment.info(t)
                let same = try postings(segment, exact) == postings(segment, folded)
                XCTAssertEqual(try segment.haveSamePostings(exact, folded), same, word)
                if same { alike += 1 } else { unlike += 1 }
                if !same && exact.docFreq == folded.docFreq { unlikeOfOneSize += 1 }
            }
        }
        // Both answers were given, also for lists of as many plans that differ in counts.
        XCTAssertGreaterThan(alike, 100)
        XCTAssertGreaterThan(unlike, 10)
        XCTAssertGreaterThan(unlikeOfOneSize, 0)
    }

    /// The same for every body word of the law articles with a form of its
    /// own, whose folded list holds positions and whose exact one does not.
    func testBodyListsAreTheSameExactlyWhenTheirPostingsAre() throws {
        let snapshot = try Fixtures.alqacEngine().snapshot
        var alike = 0, alikeOfBlocks = 0, unlike = 0
        for segment in snapshot.segments {
            for t in 0..<segment.termCountValue {
                let key = segment.termKey(t)
                guard key.first == TermField.bodyExact.rawValue else { continue }
                let word = String(decoding: key.dropFirst(), as: UTF8.self)
                guard let folded = segment.info(TermField.bodyFolded.key(Folding.fold(word))) else { continue }
                XCTAssertNotNil(folded.positionsOffset)
                let exact = segment.info(t)
                let same = try postings(segment, exact) == postings(segment, folded)
                XCTAssertEqual(try segment.haveSamePostings(exact, folded), same, word)
                if same { alike += 1 } else { unlike += 1 }
                if same && exact.docFreq > 3 * PostingsCodec.blockSize { alikeOfBlocks += 1 }
            }
        }
        XCTAssertGreaterThan(alike, 100)
        XCTAssertGreaterThan(alikeOfBlocks, 5)
        XCTAssertGreaterThan(unlike, 100)
    }

    /// Lists of the same plans and as many bytes that differ only in a
    /// count: "đất" three times in a heading that also holds "đặt" ("dat" four times).
    func testListsDifferingOnlyInACountAreNotTheSame() throws {
        let texts = [("a.txt", "Luật Đất đai về đất và đặt cọc\nĐiều 5. Quyền của người sử dụng đất\nNgười sử dụng đất có quyền."),
                     ("b.txt", "Luật Nhà ở\nĐiều 7. Quyền sở hữu nhà ở\nChủ sở hữu nhà ở có quyền.")]
        let builder = SegmentBuilder()
        for (name, text) in texts {
            let bytes = Array(text.utf8)
            let print = FileFingerprint(path: name, size: UInt64(bytes.count), modified: 0, contentHash: 0)
            let (doc, _) = try PlanDocument.analyze(bytes: bytes, path: name, absolutePath: "/docs/" + name, fingerprint: print)
            builder.add(record: doc.record, fingerprint: doc.fingerprint, body: doc.text, title: doc.title,
                        keywords: doc.keywords, facets: doc.facets)
        }
        let dir = try Fixtures.scratch("same-postings")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("seg.dseg").path
        try Data(builder.serialize()).write(to: URL(fileURLWithPath: file))
        let segment = try SegmentReader(path: file, name: "seg.dseg", verification: .full)
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
