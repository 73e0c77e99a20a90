import Foundation
import XCTest
@testable import DocsearchKit

/// Segments written in format 3 (doc delta and tf apart) still read, and read
/// the same postings as format 4 (tf of one flagged in the delta), which is smaller.
final class SegmentFormatTests: XCTestCase {
    private func segment(of seeds: URL, layout: PostingsCodec.Layout, in dir: URL) throws -> (SegmentReader, Int) {
        let builder = SegmentBuilder()
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        for name in names {
            let path = seeds.appendingPathComponent(name).path
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            let print = FileFingerprint(path: name, size: UInt64(bytes.count), modified: 0, contentHash: 0)
            let (doc, _) = try PlanDocument.analyze(bytes: bytes, path: name, absolutePath: path, fingerprint: print)
            builder.add(record: doc.record, fingerprint: doc.fingerprint, body: doc.text, title: doc.title,
                        keywords: doc.keywords, facets: doc.facets)
        }
        let file = dir.appendingPathComponent("seg-\(layout).dseg").path
        let bytes = builder.serialize(postingsLayout: layout)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return (try SegmentReader(path: file, name: "seg", verification: .full), bytes.count)
    }

    func testFormat3ReadsTheSamePostingsAsFormat4() throws {
        let dir = try Fixtures.scratch("formats")
        let (old, oldSize) = try segment(of: Fixtures.corpus, layout: .separateTF, in: dir)
        let (new, newSize) = try segment(of: Fixtures.corpus, layout: .flaggedTF, in: dir)
        XCTAssertEqual(old.termCountValue, new.termCountValue)
        XCTAssertGreaterThan(old.termCountValue, 1000)
        var postings = 0
        for t in 0..<new.termCountValue {
            XCTAssertEqual(old.termKey(t), new.termKey(t))
            var a = try old.cursor(old.info(t), positions: true), b = try new.cursor(new.info(t), positions: true)
            while try a.next() {
                XCTAssertTrue(try b.next())
                XCTAssertEqual(a.doc, b.doc)
                XCTAssertEqual(a.tf, b.tf)
                XCTAssertEqual(try a.positions(), try b.positions())
                postings += 1
            }
            XCTAssertFalse(try b.next())
        }
        XCTAssertGreaterThan(postings, 3000)
        XCTAssertLessThan(newSize, oldSize)
    }
}
