import Foundation
import XCTest
@testable import DocsearchKit

/// `SegmentBuilder` keeps a term's last plan and count and sorts its
/// postings and positions by term when it writes the segment. Checked
/// against a segment written from lists built the plain way (an array per
/// term, every token appended as it comes, each text tokenised afresh):
/// the bytes must be the same.
final class SegmentBuilderTests: XCTestCase {
    /// Plans in the order a builder gets them: the seed plans, then
    /// generated plans (NFD, old tone marks, CRLF, BOM).
    private func plans() throws -> [(name: String, text: String)] {
        var texts = try Fixtures.Seed.allCases.map { (name: $0.rawValue, text: try Fixtures.text($0)) }
        let generated = try Fixtures.generatedPlans(count: 40, seed: 21, name: "builder")
        defer { try? FileManager.default.removeItem(at: generated) }
        let files = try FileManager.default.subpathsOfDirectory(atPath: generated.appendingPathComponent("plans").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(files.count, 40)
        for f in files {
            let bytes = try Data(contentsOf: generated.appendingPathComponent("plans/" + f))
            texts.append((name: f, text: String(decoding: bytes, as: UTF8.self)))
        }
        return texts
    }

    /// The segment written from per-term arrays, appended token by token.
    private func plainSegment(of texts: [(name: String, text: String)]) throws -> [UInt8] {
        struct Lists { var docs: [UInt32] = [], tfs: [UInt32] = [], positions: [UInt32] = [] }
        var lists: [[UInt8]: Lists] = [:]
        func add(_ field: TermField, _ value: String, doc: UInt32, position: Int?) {
            let key = field.key(value)
            var l = lists[key] ?? Lists()
            if l.docs.last == doc { l.tfs[l.tfs.count - 1] += 1 } else { l.docs.append(doc); l.tfs.append(1) }
            if let position { l.positions.append(UInt32(position)) }
            lists[key] = l
        }
        var records: [[UInt8]] = [], prints: [FileFingerprint] = []
        var bodyLengths: [UInt32] = [], titleLengths: [UInt32] = []
        var facetNames = Set<String>()
        var docs: [PlanDocument] = []
        for (name, text) in texts {
            let bytes = Array(text.utf8)
            let print = FileFingerprint(path: name, size: UInt64(bytes.count), modified: 0, contentHash: 0)
            docs.append(try PlanDocument.analyze(bytes: bytes, path: name, absolutePath: "/docs/" + name, fingerprint: print).0)
        }
        for (d, plan) in docs.enumerated() {
            let doc = UInt32(d)
            let body = Analyzer().tokens(in: plan.text), title = Analyzer().tokens(in: plan.title)
            for t in body {
                add(.bodyFolded, t.folded, doc: doc, position: t.position)
                if t.exact != t.folded { add(.bodyExact, t.exact, doc: doc, position: nil) }
            }
            for (a, b) in zip(body, body.dropFirst()) where WordPairs.covers(a.folded, b.folded) {
                add(.bodyPair, a.folded + " " + b.folded, doc: doc, position: nil)
            }
            for t in title {
                add(.titleFolded, t.folded, doc: doc, position: nil)
                if t.exact != t.folded { add(.titleExact, t.exact, doc: doc, position: nil) }
            }
            for (field, value) in plan.keywords where !value.isEmpty { add(field, value, doc: doc, position: nil) }
            records.append(SegmentWriter.encodeRecord(plan.record))
            prints.append(plan.fingerprint)
            bodyLengths.append(UInt32(body.count))
            titleLengths.append(UInt32(title.count))
            facetNames.formUnion(plan.facets.keys)
        }
        var facets: [String: [[String]]] = [:]
        for name in facetNames { facets[name] = docs.map { $0.facets[name] ?? [] } }
        var writer = SegmentWriter(documentCount: docs.count)
        writer.setDocuments(records: records, fingerprints: prints, bodyLengths: bodyLengths,
                            titleLengths: titleLengths, facets: facets)
        for key in lists.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let l = lists[key]!
            writer.addTerm(key, docs: l.docs, tfs: l.tfs, positions: l.positions,
                           withPositions: TermField(rawValue: key[0])?.hasPositions ?? false)
        }
        return writer.finish()
    }

    func testSegmentIsTheOneWrittenFromPlainListsByteForByte() throws {
        let texts = try plans()
        let builder = try Fixtures.segmentBuilder(of: texts)
        let built = builder.serialize()
        let plain = try plainSegment(of: texts)
        XCTAssertEqual(built.count, plain.count)
        XCTAssertTrue(built == plain, "the segments differ")
        // Written twice, the same: serialising leaves the builder as it was.
        XCTAssertTrue(builder.serialize() == built)
    }

    /// Plans analysed with the builder's interner, as the indexer's workers
    /// analyse them, give the same segment as plans analysed alone; so does a
    /// plan whose forms another builder numbered (indexed by its Strings).
    func testPlansNumberedByTheBuildersInternerGiveTheSameSegment() throws {
        let texts = try plans()
        let numbered = SegmentBuilder(), other = SegmentBuilder()
        for (k, (name, text)) in texts.enumerated() {
            let bytes = Array(text.utf8)
            let print = FileFingerprint(path: name, size: UInt64(bytes.count), modified: 0, contentHash: 0)
            let interner = k % 7 == 3 ? other.interner : numbered.interner
            let (doc, _) = try PlanDocument.analyze(bytes: bytes, path: name, absolutePath: "/docs/" + name,
                                                    fingerprint: print, interner: interner)
            XCTAssertEqual(doc.formIDs.count, 2 * doc.tokens.count)
            numbered.add(doc)
        }
        XCTAssertGreaterThan(numbered.interner.count, 1_000)
        XCTAssertTrue(numbered.serialize() == (try Fixtures.segmentBuilder(of: texts).serialize()), "the segments differ")
    }

    /// Terms seen in one plan only, in the last plan only, and in every
    /// plan: each list holds its plans in order, the positions theirs.
    func testPlansAndPositionsOfEachTermComeOutInOrder() throws {
        let texts = [("a.txt", "Kế hoạch tuyên truyền về nhân quyền\nTuyên truyền nhân quyền trong trường học."),
                     ("b.txt", "Kế hoạch bình đẳng giới\nBình đẳng giới trong gia đình."),
                     ("c.txt", "Kế hoạch nhân quyền năm 2023\nNhân quyền, bình đẳng giới và trẻ em.")]
        let segment = try Fixtures.segment(of: texts)
        func read(_ key: [UInt8]) throws -> [(doc: UInt32, positions: [UInt32])] {
            var cursor = try segment.cursor(try XCTUnwrap(segment.info(key)), positions: true)
            var out: [(doc: UInt32, positions: [UInt32])] = []
            while try cursor.next() {
                var p = [UInt32](repeating: 0, count: Int(cursor.tf))
                let n = try p.withUnsafeMutableBufferPointer { try cursor.readPositions(into: $0.baseAddress!) }
                out.append((cursor.doc, Array(p.prefix(n))))
            }
            return out
        }
        let quyen = try read(TermField.bodyFolded.key("quyen"))
        XCTAssertEqual(quyen.map(\.doc), [0, 2])
        XCTAssertEqual(quyen.map(\.positions), [[6, 10], [3, 7]])
        let gioi = try read(TermField.bodyFolded.key("gioi"))
        XCTAssertEqual(gioi.map(\.doc), [1, 2])
        XCTAssertEqual(gioi.map(\.positions), [[4, 7], [10]])
        XCTAssertEqual(try read(TermField.bodyFolded.key("em")).map(\.doc), [2])
        XCTAssertEqual(try read(TermField.bodyFolded.key("hoach")).map(\.positions), [[1], [1], [1]])
    }
}
