import Foundation
import XCTest
@testable import DocsearchKit

/// Real seed plans written in every encoding an office folder holds, indexed
/// end to end: each is found by a Vietnamese query, and the summary and
/// `show` name the encoding it was read in.
final class InputEncodingEndToEndTests: XCTestCase {
    /// The Long An plan on human rights education, in many encodings, one file each.
    func testEveryEncodingIsIndexedFoundAndNamed() throws {
        let text = try Fixtures.text(.longAn)
        let folder = try Fixtures.scratch("encodings")
        defer { try? FileManager.default.removeItem(at: folder) }
        var expected: [String: String] = [:] // file name → encoding label
        func add(_ name: String, _ bytes: [UInt8], _ encoding: SourceEncoding) throws {
            try RobustnessSupport.write(bytes, to: folder.appendingPathComponent(name))
            expected[name] = encoding.label
        }
        try add("utf8.txt", Array(text.utf8), .utf8)
        try add("utf8-bom.txt", [0xEF, 0xBB, 0xBF] + Array(text.utf8), .utf8WithBOM)
        try add("utf16le.txt", EncodingTestSupport.utf16(text, bigEndian: false, bom: true), .utf16LE)
        try add("utf16be.txt", EncodingTestSupport.utf16(text, bigEndian: true, bom: true), .utf16BE)
        // glibc iconv writes the legacy files, so they are not our own encoder's idea of the encodings.
        if let cp1258 = EncodingTestSupport.iconv(Array(text.utf8), from: "UTF-8", to: "CP1258") {
            try add("cp1258.txt", cp1258, .windows1258)
        }
        if let tcvn = EncodingTestSupport.iconv(Array(text.utf8), from: "UTF-8", to: "TCVN5712-1//TRANSLIT") {
            try add("tcvn3.txt", tcvn, .tcvn3)
        }
        let vni = LegacyEncoder.encode(text, as: .vni)
        XCTAssertLessThan(vni.unrepresentable, 5)
        try add("vni.txt", vni.bytes, .vni)
        XCTAssertGreaterThanOrEqual(expected.count, 7, "iconv knows CP1258 and TCVN5712-1")

        let (summary, snapshot) = try RobustnessSupport.index([folder.path], into: folder)
        XCTAssertEqual(summary.plans, expected.count, "\(summary.problems)")
        var labels: [String: Int] = [:]
        for label in expected.values { labels[label, default: 0] += 1 }
        XCTAssertEqual(summary.encodings, labels)

        // A query with full diacritics and one without both find every copy.
        for query in ["giáo dục quyền con người", "giao duc quyen con nguoi"] {
            let results = try SearchEngine(snapshot: snapshot).search(SearchRequest(query: query, limit: 50))
            let found = Set(results.hits.map { ($0.record.path as NSString).lastPathComponent })
            XCTAssertEqual(found, Set(expected.keys), query)
            for hit in results.hits {
                let name = (hit.record.path as NSString).lastPathComponent
                XCTAssertEqual(hit.record.encoding, expected[name], name)
            }
        }
        // The plan's identity survives the conversion: same number in every encoding.
        var numbers: [String: String] = [:]
        snapshot.forEachLiveDocument { s, d in
            if let r = try? snapshot.record(segment: s, doc: d) { numbers[(r.path as NSString).lastPathComponent] = r.number ?? "none" }
        }
        // Known gap: from glibc's TCVN5712-1 bytes the number comes back without "Đ" in
        // "SGDĐT" and is not recognised; the text is still found (above). See docs/reliability.md.
        numbers["tcvn3.txt"] = nil
        XCTAssertEqual(Set(numbers.values), ["2421/KH-SGDĐT"], "\(numbers)")
    }

    func testShowAndIndexSummaryNameTheEncoding() throws {
        let text = try Fixtures.text(.haQuang)
        guard let tcvn = EncodingTestSupport.iconv(Array(text.utf8), from: "UTF-8", to: "TCVN5712-1//TRANSLIT") else {
            throw XCTSkip("iconv has no TCVN5712-1")
        }
        let folder = try Fixtures.scratch("show-encoding")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try RobustnessSupport.write(tcvn, to: folder.appendingPathComponent("plans/xa-hoi-hoc-tap.txt"))
        let index = folder.appendingPathComponent("idx").path
        let built = try RobustnessSupport.run(["index", folder.appendingPathComponent("plans").path, "--index", index])
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(built.stdout.contains("encodings read: TCVN3 (ABC) 1"), built.stdout)
        let shown = try RobustnessSupport.run(["show", "xa-hoi-hoc-tap.txt", "--index", index])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("encoding: TCVN3 (ABC)"), shown.stdout)
        let found = try RobustnessSupport.run(["search", "xã hội học tập", "--index", index])
        XCTAssertEqual(found.status, 0, found.stderr)
        XCTAssertTrue(found.stdout.contains("xa-hoi-hoc-tap.txt"), found.stdout)
    }

    /// French and English text in Windows-1252 (é, è, ü, “quotes”) is not taken for TCVN3,
    /// whose bytes in the same range are Vietnamese letters.
    func testPlainWindows1252IsNotMistakenForTCVN3() throws {
        let french = """
        Le député a présenté le rapport sur la coopération économique entre la France et le Viêt Nam.
        « Nous espérons une réussite », a déclaré le délégué. Café, crème brûlée, naïveté, Müller.
        The committee’s “final” résumé was approved — unanimously — on Thursday.
        """
        guard let bytes = EncodingTestSupport.iconv(Array(french.utf8), from: "UTF-8", to: "CP1252") else {
            throw XCTSkip("iconv has no CP1252")
        }
        let folder = try Fixtures.scratch("cp1252")
        defer { try? FileManager.default.removeItem(at: folder) }
        try RobustnessSupport.write(bytes, to: folder.appendingPathComponent("rapport.txt"))
        let (summary, snapshot) = try RobustnessSupport.index([folder.path], into: folder)
        XCTAssertEqual(summary.encodings, [SourceEncoding.windows1252.label: 1])
        let hits = try SearchEngine(snapshot: snapshot).search(SearchRequest(query: "coopération économique")).hits
        XCTAssertEqual(hits.count, 1)
        XCTAssertEqual(hits.first?.record.encoding, SourceEncoding.windows1252.label)
    }

    /// A plan with two bytes of damage: indexed, found, and warned about at the exact byte offset.
    func testInvalidUTF8IsIndexedWithAWarningGivingTheByteOffset() throws {
        var bytes = Array(try Fixtures.text(.thuThua).utf8)
        let damageAt = bytes.count / 2
        // Step back to the start of a character so the damage replaces whole characters.
        var offset = damageAt
        while offset > 0 && (bytes[offset] & 0xC0) == 0x80 { offset -= 1 }
        bytes[offset] = 0xFF
        bytes.insert(0xC3, at: offset + 200) // a lead byte followed by no continuation
        let folder = try Fixtures.scratch("invalid-utf8")
        defer { try? FileManager.default.removeItem(at: folder) }
        try RobustnessSupport.write(bytes, to: folder.appendingPathComponent("binh-dang-gioi.txt"))
        let (summary, snapshot) = try RobustnessSupport.index([folder.path], into: folder)
        XCTAssertEqual(summary.plans, 1)
        let warnings = summary.problems.filter { !$0.skipped }.map(\.reason)
        XCTAssertTrue(warnings.contains { $0.contains("invalid UTF-8 at byte \(offset)") }, "\(warnings)")
        XCTAssertTrue(summary.problems.allSatisfy { !$0.skipped }, "\(summary.problems)")
        let hit = try XCTUnwrap(SearchEngine(snapshot: snapshot).search(SearchRequest(query: "bình đẳng giới")).hits.first)
        XCTAssertTrue(hit.record.warnings.contains { $0.contains("byte \(offset)") }, "\(hit.record.warnings)")
    }
}
