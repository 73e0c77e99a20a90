import Foundation
import XCTest
@testable import DocsearchKit

/// A segment's facet columns (`SegmentWriter`): each column lists its
/// distinct values in String order, and each plan its own values, each once,
/// in that order. The writer numbers the values by their bytes; these check
/// that on real plans (places, agencies, topics, cited symbols with
/// Vietnamese letters) the bytes sort as the Strings do.
final class FacetColumnTests: XCTestCase {
    private func plans() throws -> [(name: String, text: String)] {
        var texts = try Fixtures.Seed.allCases.map { (name: $0.rawValue, text: try Fixtures.text($0)) }
        let corpus = try Fixtures.generatedPlans(count: 80, seed: 11, name: "facet-columns")
        let dir = corpus.appendingPathComponent("plans")
        for f in try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter({ $0.hasSuffix(".txt") }).sorted() {
            let bytes = try Data(contentsOf: dir.appendingPathComponent(f))
            // As the indexer reads them: BOM, NFD and old tone marks included.
            let print = FileFingerprint(path: f, size: UInt64(bytes.count), modified: 0, contentHash: 0)
            let (doc, _) = try PlanDocument.analyze(bytes: Array(bytes), path: f, absolutePath: dir.path + "/" + f, fingerprint: print)
            texts.append((name: f, text: doc.text))
        }
        return texts
    }

    func testColumnsListValuesAndEachPlansValuesInStringOrder() throws {
        let texts = try plans()
        let builder = try Fixtures.segmentBuilder(of: texts)
        let dir = try Fixtures.scratch("facet-columns-segment")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("seg.dseg").path
        try Data(builder.serialize()).write(to: URL(fileURLWithPath: file))
        let reader = try SegmentReader(path: file, name: "seg.dseg", verification: .full)
        let columns = try reader.facetColumns()
        XCTAssertEqual(Set(columns.keys), Set(builder.facets.keys))
        var nonASCII = 0, multiValued = 0
        for (name, written) in builder.facets {
            let column = try XCTUnwrap(columns[name], name)
            let distinct = Array(Set(written.joined())).sorted()
            XCTAssertEqual((0..<column.values.count).map { column.values[$0] }, distinct, name)
            nonASCII += distinct.filter { !$0.allSatisfy(\.isASCII) }.count
            for doc in 0..<texts.count {
                let expected = doc < written.count ? Array(Set(written[doc])).sorted() : []
                XCTAssertEqual(column.values(of: doc), expected, "\(name), plan \(doc)")
                if expected.count > 1 { multiValued += 1 }
            }
        }
        // The check means something: Vietnamese values, and plans with several.
        XCTAssertGreaterThan(nonASCII, 50)
        XCTAssertGreaterThan(multiValued, 50)
    }

    /// A plan's value given twice is written once; plans past the column's
    /// end, and plans without the facet, have none.
    func testAValueTwiceInAPlanIsWrittenOnce() throws {
        var writer = SegmentWriter(documentCount: 4)
        let prints = (0..<4).map { FileFingerprint(path: "\($0).txt", size: 0, modified: 0, contentHash: 0) }
        writer.setDocuments(records: Array(repeating: Array("{}".utf8), count: 4), fingerprints: prints,
                            bodyLengths: [1, 1, 1, 1], titleLengths: [1, 1, 1, 1],
                            facets: ["place": [["huyện Hà Quảng", "tỉnh Cao Bằng", "huyện Hà Quảng"], [], ["tỉnh Cao Bằng"]]])
        let dir = try Fixtures.scratch("facet-twice")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("seg.dseg").path
        try Data(writer.finish()).write(to: URL(fileURLWithPath: file))
        let column = try XCTUnwrap(try SegmentReader(path: file, name: "seg.dseg", verification: .full).facetColumns()["place"])
        XCTAssertEqual((0..<column.values.count).map { column.values[$0] }, ["huyện Hà Quảng", "tỉnh Cao Bằng"])
        XCTAssertEqual((0..<4).map { column.values(of: $0) }, [["huyện Hà Quảng", "tỉnh Cao Bằng"], [], ["tỉnh Cao Bằng"], []])
    }
}
