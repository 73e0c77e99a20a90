import Foundation
import XCTest
@testable import DocsearchKit

/// A record's hand-written JSON is JSONEncoder's text (sorted keys, slashes
/// as they are), and the hand-written reader gives back the same record as
/// JSONDecoder: the seed plans and a sample of law articles, analysed as the
/// indexer analyses them.
final class PlanRecordJSONTests: XCTestCase {
    private func records() throws -> [PlanRecord] {
        let texts = TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 40)
        return try texts.map { name, text in
            let bytes = Array(text.utf8)
            let print = FileFingerprint(path: name, size: UInt64(bytes.count), modified: 0, contentHash: 0)
            return try PlanDocument.analyze(bytes: bytes, path: name, absolutePath: "/docs/" + name, fingerprint: print).0.record
        }
    }

    func testMatchesJSONEncoderAndDecodesBack() throws {
        let all = try records()
        XCTAssertGreaterThan(all.count, 50)
        XCTAssertTrue(all.contains { !$0.citations.isEmpty && !($0.agencies ?? []).isEmpty && !($0.topics ?? []).isEmpty })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for record in all {
            let mine = record.jsonBytes()
            XCTAssertEqual(String(decoding: mine, as: UTF8.self), String(decoding: try encoder.encode(record), as: UTF8.self), record.path)
            XCTAssertEqual(try JSONDecoder().decode(PlanRecord.self, from: Data(mine)), record, record.path)
            XCTAssertEqual(try mine.withUnsafeBytes { try PlanRecord(json: $0) }, record, record.path)
        }
    }

    /// JSONEncoder's other spellings (any key order, escaped slashes, pretty
    /// printing), which earlier indexes may hold, read back the same.
    func testReadsWhatJSONEncoderWritesInAnyStyle() throws {
        let all = try records()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        for record in all.prefix(20) {
            let text = try encoder.encode(record)
            XCTAssertTrue(String(decoding: text, as: UTF8.self).contains("\\/"), "slashes escaped")
            XCTAssertEqual(try text.withUnsafeBytes { try PlanRecord(json: $0) }, record, record.path)
        }
    }

    /// A record without a field Decodable requires, or cut short, does not decode.
    func testAMissingFieldOrCutRecordThrows() throws {
        let record = try XCTUnwrap(try records().first { !$0.citations.isEmpty })
        let text = String(decoding: record.jsonBytes(), as: UTF8.self)
        let withoutTitle = text.replacingOccurrences(of: "\"title\":", with: "\"heading\":")
        XCTAssertThrowsError(try Array(withoutTitle.utf8).withUnsafeBytes { try PlanRecord(json: $0) }) { error in
            XCTAssertEqual(error as? MissingJSONField, MissingJSONField(name: "title"))
        }
        let cut = Array(text.utf8.dropLast(3))
        XCTAssertThrowsError(try cut.withUnsafeBytes { try PlanRecord(json: $0) }) { error in
            XCTAssertTrue(error is JSONReader.Malformed, "\(error)")
        }
    }
}
