import Foundation
import XCTest
@testable import DocsearchKit

/// Segments written in every format still read, and read the same postings:
/// format 3 (doc delta and tf apart), 4 (tf of one flagged in the delta),
/// 5 (block impacts) and 6 (full blocks bit-packed). Checked on law articles,
/// whose common words have lists of many blocks.
final class SegmentFormatTests: XCTestCase {
    private static let layouts: [PostingsCodec.Layout] = [.separateTF, .flaggedTF, .impacts, .packed]

    private func segments(of texts: [(name: String, text: String)], in dir: URL) throws
        -> [(layout: PostingsCodec.Layout, reader: SegmentReader, size: Int)] {
        let builder = SegmentBuilder()
        for (name, text) in texts {
            let bytes = Array(text.utf8)
            let print = FileFingerprint(path: name, size: UInt64(bytes.count), modified: 0, contentHash: 0)
            let (doc, _) = try PlanDocument.analyze(bytes: bytes, path: name, absolutePath: "/docs/" + name, fingerprint: print)
            builder.add(record: doc.record, fingerprint: doc.fingerprint, body: doc.text, title: doc.title,
                        keywords: doc.keywords, facets: doc.facets)
        }
        return try Self.layouts.map { layout in
            let file = dir.appendingPathComponent("seg-\(layout).dseg").path
            let bytes = builder.serialize(postingsLayout: layout)
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let reader = try SegmentReader(path: file, name: "seg", verification: .full)
            XCTAssertEqual(reader.postingsLayout, layout)
            return (layout, reader, bytes.count)
        }
    }

    /// One segment per format of every third law article, in a scratch folder
    /// removed after `body`.
    private func withSegments(_ body: ([(layout: PostingsCodec.Layout, reader: SegmentReader, size: Int)]) throws -> Void) throws {
        let texts = TextTestCorpus.lawArticles(step: 3)
        guard texts.count > 500 else { throw XCTSkip("ALQAC articles not found") }
        let dir = try Fixtures.scratch("formats")
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(try segments(of: texts, in: dir))
    }

    func testEveryFormatReadsTheSamePostings() throws { try withSegments { all in
        let reference = all[0].reader
        XCTAssertGreaterThan(reference.termCountValue, 1000)
        var postings = 0, longLists = 0
        for (layout, reader, _) in all.dropFirst() {
            XCTAssertEqual(reader.termCountValue, reference.termCountValue)
            for t in 0..<reader.termCountValue {
                XCTAssertEqual(reader.termKey(t), reference.termKey(t))
                var a = try reference.cursor(reference.info(t), positions: true)
                var b = try reader.cursor(reader.info(t), positions: true)
                if b.docFreq > 3 * PostingsCodec.blockSize { longLists += 1 }
                while try a.next() {
                    XCTAssertTrue(try b.next(), "\(layout) term \(t)")
                    XCTAssertEqual(a.doc, b.doc, "\(layout) term \(t)")
                    XCTAssertEqual(a.tf, b.tf, "\(layout) term \(t)")
                    if a.doc % 3 == 0 { XCTAssertEqual(try a.positions(), try b.positions(), "\(layout) term \(t)") }
                    postings += 1
                }
                XCTAssertFalse(try b.next())
            }
        }
        XCTAssertGreaterThan(postings, 100_000)
        XCTAssertGreaterThan(longLists, 100, "lists of several full blocks, which format 6 packs")
    } }

    /// The same lists decoded a block at a time, as searches read them, with
    /// jumps: format 6 unpacks full blocks, the others decode varints.
    func testBlockDecodingAgreesAcrossFormats() throws { try withSegments { all in
        let (old, packed) = (all[2].reader, all[3].reader)
        let storageA = PostingsBlockBuffer(), storageB = PostingsBlockBuffer()
        var compared = 0
        for t in 0..<packed.termCountValue where packed.info(t).docFreq > PostingsCodec.blockSize {
            var a = try old.cursor(old.info(t), positions: true), b = try packed.cursor(packed.info(t), positions: true)
            a.decodeBlocks(into: storageA)
            b.decodeBlocks(into: storageB)
            var target: UInt32 = UInt32(t % 7)
            while try a.advance(to: target) {
                XCTAssertTrue(try b.advance(to: target))
                XCTAssertEqual(a.doc, b.doc, "term \(t)")
                XCTAssertEqual(a.tf, b.tf, "term \(t)")
                if a.doc % 5 == 0 { XCTAssertEqual(try a.positions(), try b.positions(), "term \(t)") }
                target = a.doc + 1 + UInt32(a.doc % 13 == 0 ? 300 : a.doc % 4)
                compared += 1
            }
            XCTAssertFalse(try b.advance(to: target))
        }
        XCTAssertGreaterThan(compared, 5_000)
    } }

    /// Each format is smaller than the one before it, except that impacts
    /// add eight bytes per block; bit-packing takes them back and more.
    func testLaterFormatsAreSmaller() throws { try withSegments { all in
        let sizes = Dictionary(uniqueKeysWithValues: all.map { ("\($0.layout)", $0.size) })
        XCTAssertLessThan(sizes["flaggedTF"]!, sizes["separateTF"]!)
        XCTAssertLessThan(sizes["packed"]!, sizes["impacts"]!)
        XCTAssertLessThan(sizes["packed"]!, sizes["flaggedTF"]!)
    } }
}
