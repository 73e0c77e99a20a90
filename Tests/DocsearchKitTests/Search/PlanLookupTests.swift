import Foundation
import XCTest
@testable import DocsearchKit

/// A plan's text read back to be shown: whole when short, its start when
/// long, read from the start of the file only, in any encoding, never cut
/// inside a letter.
final class PlanLookupTests: XCTestCase {
    private func seedRecords() throws -> [PlanRecord] {
        let snapshot = Fixtures.seedIndex.snapshot
        var records: [PlanRecord] = []
        snapshot.forEachLiveDocument { s, d in
            if let r = try? snapshot.record(segment: s, doc: d) { records.append(r) }
        }
        XCTAssertEqual(records.count, Fixtures.Seed.allCases.count)
        return records
    }

    /// The whole text, read and decoded here: the reference the shown text is held to.
    private func wholeText(_ record: PlanRecord) throws -> String {
        try PlanDocument.decode(try IndexWriter.readFile(record.absolutePath)).text
    }

    func testAPlanShorterThanTheLimitIsShownWhole() throws {
        for record in try seedRecords() {
            let shown = try XCTUnwrap(PlanLookup.shownText(of: record), record.path)
            XCTAssertFalse(shown.isCut, record.path)
            XCTAssertEqual(shown.text, try wholeText(record), record.path)
            XCTAssertEqual(PlanLookup.text(of: record), shown.text, record.path)
        }
    }

    func testALongerPlanIsCutAtALineBreakWithinTheLimit() throws {
        for record in try seedRecords() {
            let full = try wholeText(record)
            let limit = 3_000
            XCTAssertGreaterThan(full.utf8.count, limit, record.path)
            let shown = try XCTUnwrap(PlanLookup.shownText(of: record, limit: limit), record.path)
            XCTAssertTrue(shown.isCut, record.path)
            XCTAssertLessThanOrEqual(shown.text.utf8.count, limit, record.path)
            XCTAssertGreaterThan(shown.text.utf8.count, limit / 2, record.path)
            XCTAssertTrue(full.hasPrefix(shown.text), record.path)
            let next = full.utf8.dropFirst(shown.text.utf8.count).first
            XCTAssertEqual(next, 0x0A, "\(record.path): cut at a line break")
        }
    }

    /// Only 4 × limit bytes of the file are read; whatever the encoding, the
    /// text shown is the start of the text indexed.
    func testTheStartOfAFileInEachEncodingDecodesToTheStartOfItsText() throws {
        let folder = try Fixtures.scratch("shown-encodings")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try Fixtures.text(.thuThua)
        var utf16 = [UInt8]([0xFF, 0xFE])
        for unit in plan.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try RobustnessSupport.write(utf16, to: folder.appendingPathComponent("utf16.txt"))
        try RobustnessSupport.write(LegacyEncoder.encode(plan, as: .tcvn3).bytes, to: folder.appendingPathComponent("tcvn3.txt"))
        try RobustnessSupport.write(LegacyEncoder.encode(plan, as: .vni).bytes, to: folder.appendingPathComponent("vni.txt"))
        let snapshot = try RobustnessSupport.index([folder.path], into: folder).1
        var encodings: [String] = []
        for d in 0..<snapshot.documentCount {
            let record = try snapshot.record(segment: 0, doc: d)
            encodings.append(record.encoding)
            let full = try wholeText(record)
            for limit in [700, 2_001, 5_000] {
                let shown = try XCTUnwrap(PlanLookup.shownText(of: record, limit: limit), record.path)
                XCTAssertTrue(shown.isCut, "\(record.path) \(limit)")
                XCTAssertLessThanOrEqual(shown.text.utf8.count, limit)
                XCTAssertTrue(full.hasPrefix(shown.text), "\(record.path) \(limit): \(shown.text.suffix(40))")
                XCTAssertFalse(shown.text.unicodeScalars.contains("\u{FFFD}"), record.path)
            }
        }
        XCTAssertEqual(Set(encodings).count, 3, "\(encodings)")
    }

    func testACutWithoutSpacesNeverSplitsALetter() {
        let bytes = Array(String(repeating: "đường", count: 200).utf8)
        for limit in 1..<40 {
            let end = PlanLookup.cutPoint(bytes, limit: limit)
            XCTAssertLessThanOrEqual(end, limit)
            XCTAssertFalse(String(decoding: bytes[..<end], as: UTF8.self).unicodeScalars.contains("\u{FFFD}"), "\(limit)")
        }
        let line = Array("Kế hoạch số 15/KH-UBND\nThực hiện Chỉ thị số 20-CT/TW".utf8)
        XCTAssertEqual(String(decoding: line[..<PlanLookup.cutPoint(line, limit: 40)], as: UTF8.self), "Kế hoạch số 15/KH-UBND")
    }
}
