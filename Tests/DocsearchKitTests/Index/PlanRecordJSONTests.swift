import Foundation
import XCTest
@testable import DocsearchKit

/// A record's hand-written JSON is JSONEncoder's text (sorted keys, slashes
/// as they are) and decodes back to the same record: the seed plans and a
/// sample of law articles, analysed as the indexer analyses them.
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
        }
    }
}
