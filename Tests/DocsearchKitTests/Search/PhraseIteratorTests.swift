import XCTest
@testable import DocsearchKit

/// A quoted phrase finds exactly the plans whose words stand in that order,
/// one after another, and counts how often they do. Checked on the ALQAC law
/// articles against a plain scan of each article's tokens.
final class PhraseIteratorTests: XCTestCase {
    /// The articles (by path) where `words` (folded) stand side by side, and how often.
    private func scan(_ words: [String], in files: [URL]) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for url in files {
            let text = TextNormalizer.normalize(try String(contentsOf: url, encoding: .utf8))
            let folded = Analyzer().tokens(in: text).map(\.folded)
            var n = 0
            if folded.count >= words.count {
                for start in 0...(folded.count - words.count) where Array(folded[start..<(start + words.count)]) == words { n += 1 }
            }
            if n > 0 { out[url.path] = n }
        }
        return out
    }

    func testPhrasesMatchTheArticlesWhereTheirWordsStandTogether() throws {
        let engine = try Fixtures.alqacEngine()
        engine.proximityWeight = 0
        let root = Fixtures.shared.appendingPathComponent("alqac2024/docs")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" }
        XCTAssertGreaterThan(files.count, 2000)
        for phrase in ["quyền và nghĩa vụ", "người lao động", "theo quy định của pháp luật", "đất đai", "hợp đồng"] {
            let words = Analyzer().tokens(in: phrase).map(\.folded)
            let want = try scan(words, in: files)
            let got = try engine.search(SearchRequest(query: "\"\(phrase)\"", limit: 5000, wantFacets: false, exactTotal: true))
            XCTAssertEqual(Set(got.hits.map(\.record.path)), Set(want.keys), phrase)
            XCTAssertEqual(got.total, want.count, phrase)
            XCTAssertGreaterThan(want.count, 10, phrase)
            // The score is BM25 of how often the phrase stands in the article,
            // with the idf of its words: the count reached the score.
            let snapshot = engine.snapshot, n = snapshot.statisticsDocumentCount
            let idf = words.reduce(0.0) {
                $0 + engine.bm25.idf(documentFrequency: snapshot.documentFrequency(TermField.bodyFolded.key($1)), documentCount: n)
            }
            for hit in got.hits {
                let count = try XCTUnwrap(want[hit.record.path], hit.record.path)
                let length = Double(snapshot.segments[hit.segment].bodyLength(hit.doc))
                let expected = idf * engine.bm25.tf(Double(count), length: length, averageLength: snapshot.averageBodyLength)
                XCTAssertEqual(hit.score, expected, accuracy: 1e-9, "\(phrase) in \(hit.record.path)")
            }
        }
    }
}
