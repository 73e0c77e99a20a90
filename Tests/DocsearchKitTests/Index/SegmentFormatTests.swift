import Foundation
import XCTest
@testable import DocsearchKit

/// Segments written in every format still read, and read the same postings:
/// format 3 (doc delta and tf apart), 4 (tf of one flagged in the delta),
/// 5 (block impacts), 6 (full blocks bit-packed), 7 (positions bit-packed
/// in groups of 128), 8 (record blocks compressed against a dictionary of
/// the segment's records), 9 (the file table compressed) and 10 (pairs of
/// common words, `WordPairs`). Checked on law articles,
/// whose common words have lists of many blocks.
final class SegmentFormatTests: XCTestCase {
    private static let versions = Array(SegmentWriter.readableVersions)

    /// `bytes` written to `dir/name` and opened, every byte checked.
    private func open(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> SegmentReader {
        let file = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return try SegmentReader(path: file, name: name, verification: .full)
    }

    private func segments(of texts: [(name: String, text: String)], in dir: URL) throws
        -> [(version: UInt16, reader: SegmentReader, size: Int)] {
        let builder = try Fixtures.segmentBuilder(of: texts)
        return try Self.versions.map { version in
            let bytes = builder.serialize(version: version)
            let reader = try open(bytes, "seg-\(version).dseg", in: dir)
            XCTAssertEqual(reader.formatVersion, version)
            return (version, reader, bytes.count)
        }
    }

    /// The terms of `segment` but its word pairs (format 10 on), in order.
    private func termsButPairs(_ segment: SegmentReader) -> [Int] {
        (0..<segment.termCountValue).filter { segment.termKey($0).first != TermField.bodyPair.rawValue }
    }

    /// Checks that `b` holds `a`'s terms, postings and (for every third plan)
    /// positions, read posting by posting, word pairs too unless one lacks
    /// them; returns the postings compared and the lists of several full blocks.
    @discardableResult
    private func assertSamePostings(_ a: SegmentReader, _ b: SegmentReader, _ label: String) throws -> (postings: Int, longLists: Int) {
        let pairs = a.hasWordPairs && b.hasWordPairs
        let termsOfA = pairs ? Array(0..<a.termCountValue) : termsButPairs(a)
        let termsOfB = pairs ? Array(0..<b.termCountValue) : termsButPairs(b)
        XCTAssertEqual(termsOfB.count, termsOfA.count, label)
        var postings = 0, longLists = 0
        for (ta, t) in zip(termsOfA, termsOfB) {
            XCTAssertEqual(b.termKey(t), a.termKey(ta), label)
            var x = try a.cursor(a.info(ta), positions: true), y = try b.cursor(b.info(t), positions: true)
            if y.docFreq > 3 * PostingsCodec.blockSize { longLists += 1 }
            while try x.next() {
                XCTAssertTrue(try y.next(), "\(label) term \(t)")
                XCTAssertEqual(x.doc, y.doc, "\(label) term \(t)")
                XCTAssertEqual(x.tf, y.tf, "\(label) term \(t)")
                if x.doc % 3 == 0 { XCTAssertEqual(try x.positions(), try y.positions(), "\(label) term \(t)") }
                postings += 1
            }
            XCTAssertFalse(try y.next(), "\(label) term \(t)")
        }
        return (postings, longLists)
    }

    /// One segment per format of every third law article, in a scratch folder
    /// removed after `body`.
    private func withSegments(_ body: ([(version: UInt16, reader: SegmentReader, size: Int)]) throws -> Void) throws {
        let texts = TextTestCorpus.lawArticles(step: 3)
        guard texts.count > 500 else { throw XCTSkip("ALQAC articles not found") }
        let dir = try Fixtures.scratch("formats")
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(try segments(of: texts, in: dir))
    }

    func testEveryFormatReadsTheSamePostings() throws { try withSegments { all in
        let reference = all[0].reader
        XCTAssertGreaterThan(reference.termCountValue, 1000)
        for (version, reader, _) in all.dropFirst() {
            let (postings, longLists) = try assertSamePostings(reference, reader, "format \(version)")
            XCTAssertGreaterThan(postings, 100_000)
            XCTAssertGreaterThan(longLists, 30, "lists of several full blocks, which format 6 packs")
            // Word pairs from format 10 on, and none before.
            let pairs = reader.termCountValue - termsButPairs(reader).count
            if version >= 10 { XCTAssertGreaterThan(pairs, 1000, "format \(version)") } else { XCTAssertEqual(pairs, 0) }
        }
    } }

    /// Every plan's record and file reads back the same from every format,
    /// records compressed against the segment's dictionary (format 8) and a
    /// compressed file table (9) among them.
    func testEveryFormatReadsTheSameRecordsAndFiles() throws { try withSegments { all in
        let reference = all[0].reader
        let files = try reference.fingerprints()
        XCTAssertEqual(files.count, reference.documentCount)
        for (version, reader, _) in all.dropFirst() {
            XCTAssertEqual(reader.documentCount, reference.documentCount)
            XCTAssertEqual(try reader.fingerprints(), files, "format \(version)")
            for d in 0..<reference.documentCount {
                XCTAssertEqual(try reader.rawRecord(d), try reference.rawRecord(d), "format \(version), plan \(d)")
            }
        }
    } }

    /// The same lists decoded a block at a time, as searches read them, with
    /// jumps: format 6 unpacks full blocks, format 7 its positions too (read
    /// for some plans, skipped for the others, or read for every plan), the
    /// others decode varints.
    func testBlockDecodingAgreesAcrossFormats() throws { try withSegments { all in
        let old = all[2].reader
        for (packed, every) in [(all[3].reader, false), (all[4].reader, false), (all[4].reader, true)] {
            let storageA = PostingsBlockBuffer(), storageB = PostingsBlockBuffer()
            var compared = 0, positionsCompared = 0
            for t in 0..<packed.termCountValue where packed.info(t).docFreq > PostingsCodec.blockSize {
                var a = try old.cursor(old.info(t), positions: true), b = try packed.cursor(packed.info(t), positions: true)
                a.decodeBlocks(into: storageA)
                b.decodeBlocks(into: storageB)
                var target: UInt32 = UInt32(t % 7)
                while try a.advance(to: target) {
                    XCTAssertTrue(try b.advance(to: target))
                    XCTAssertEqual(a.doc, b.doc, "term \(t)")
                    XCTAssertEqual(a.tf, b.tf, "term \(t)")
                    if every || a.doc % 5 == 0 {
                        XCTAssertEqual(try a.positions(), try b.positions(), "term \(t)")
                        positionsCompared += 1
                    }
                    target = a.doc + 1 + UInt32(a.doc % 13 == 0 ? 300 : a.doc % 4)
                    compared += 1
                }
                XCTAssertFalse(try b.advance(to: target))
            }
            XCTAssertGreaterThan(compared, 5_000)
            XCTAssertGreaterThan(positionsCompared, every ? 5_000 : 1_000)
        }
    } }

    /// Each format is smaller than the one before it, except that impacts
    /// add eight bytes per block; bit-packing takes them back and more,
    /// packing the positions more again, the records' dictionary more, and
    /// compressing the file table more.
    func testLaterFormatsAreSmaller() throws { try withSegments { all in
        let sizes = Dictionary(uniqueKeysWithValues: all.map { ($0.version, $0.size) })
        XCTAssertLessThan(sizes[4]!, sizes[3]!)
        XCTAssertLessThan(sizes[6]!, sizes[5]!)
        XCTAssertLessThan(sizes[6]!, sizes[4]!)
        XCTAssertLessThan(sizes[7]!, sizes[6]!)
        XCTAssertLessThan(sizes[8]!, sizes[7]!)
        XCTAssertLessThan(sizes[9]!, sizes[8]!)
        // Format 10 adds the word pairs' lists, and nothing else.
        XCTAssertGreaterThan(sizes[10]!, sizes[9]!)
    } }

    /// An index updated across versions holds segments of two formats; merging
    /// them writes the current format but the word pairs, which the older
    /// segment lacks (format 9), with the postings, positions and records one
    /// segment of all the plans would have. Merging two segments of the
    /// current format keeps the pairs, as one segment of all the plans has them.
    func testMergingSegmentsOfOlderFormatsWritesTheCurrentOne() throws {
        let texts = TextTestCorpus.lawArticles(step: 3)
        guard texts.count > 500 else { throw XCTSkip("ALQAC articles not found") }
        let dir = try Fixtures.scratch("formats-merge")
        defer { try? FileManager.default.removeItem(at: dir) }
        let half = texts.count / 2
        let old = try open(try Fixtures.segmentBuilder(of: texts[..<half]).serialize(version: 5), "old.dseg", in: dir)
        let new = try open(try Fixtures.segmentBuilder(of: texts[half...]).serialize(version: SegmentWriter.version), "new.dseg", in: dir)
        let whole = try open(try Fixtures.segmentBuilder(of: texts).serialize(version: SegmentWriter.version), "whole.dseg", in: dir)
        let merged = try SegmentMerger.merge([.init(reader: old, deleted: []), .init(reader: new, deleted: [])])
        let reader = try open(merged.bytes, "merged.dseg", in: dir)
        XCTAssertEqual(reader.formatVersion, SegmentWriter.lastVersionWithoutWordPairs)
        XCTAssertFalse(reader.hasWordPairs)
        XCTAssertEqual(reader.termCountValue, termsButPairs(reader).count, "no pair is kept")
        XCTAssertEqual(reader.documentCount, whole.documentCount)
        XCTAssertGreaterThan(try assertSamePostings(whole, reader, "merged").postings, 100_000)
        for d in stride(from: 0, to: whole.documentCount, by: 37) {
            XCTAssertEqual(try reader.record(d), try whole.record(d))
        }
        let current = try open(try Fixtures.segmentBuilder(of: texts[..<half]).serialize(version: SegmentWriter.version),
                               "current.dseg", in: dir)
        let both = try open(try SegmentMerger.merge([.init(reader: current, deleted: []), .init(reader: new, deleted: [])]).bytes,
                            "both.dseg", in: dir)
        XCTAssertEqual(both.formatVersion, SegmentWriter.version)
        XCTAssertEqual(both.termCountValue, whole.termCountValue)
        XCTAssertGreaterThan(whole.termCountValue - termsButPairs(whole).count, 1000)
        XCTAssertGreaterThan(try assertSamePostings(whole, both, "merged with pairs").postings, 100_000)
    }
}
