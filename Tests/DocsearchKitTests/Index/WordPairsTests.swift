import XCTest
@testable import DocsearchKit

/// The common syllables whose pairs are indexed are what `WordPairs` says
/// they are: the folded syllables of at least one ALQAC law article in three.
final class WordPairsTests: XCTestCase {
    func testTheTableIsTheSyllablesOfOneALQACArticleInThree() throws {
        let root = Fixtures.shared.appendingPathComponent("alqac2024/docs")
        let files = (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            .filter { $0.pathExtension == "txt" }
        guard !files.isEmpty else { throw XCTSkip("ALQAC articles not found") }
        XCTAssertEqual(files.count, 2249)
        var articles: [String: Int] = [:]
        let analyzer = Analyzer()
        for url in files {
            let text = TextNormalizer.normalize(try String(contentsOf: url, encoding: .utf8))
            for word in Set(analyzer.tokens(in: text).map(\.folded)) { articles[word, default: 0] += 1 }
        }
        let common = articles.filter { 3 * $0.value >= files.count }.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        XCTAssertEqual(WordPairs.syllables, common,
                       "regenerate: [" + common.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
        XCTAssertGreaterThan(common.count, 50)
        for word in ["nhan", "quyen", "phap", "luat", "quy", "dinh"] { XCTAssertNotNil(WordPairs.number(ofFolded: word), word) }
        for word in ["binh", "gioi", "nhân", "Nhan"] { XCTAssertNil(WordPairs.number(ofFolded: word), word) }
    }

    func testAPairsKeyIsItsFieldAndBothWords() {
        XCTAssertEqual(WordPairs.key("nhan", "quyen"), [TermField.bodyPair.rawValue] + Array("nhan quyen".utf8))
        XCTAssertTrue(WordPairs.covers("phap", "luat"))
        XCTAssertFalse(WordPairs.covers("binh", "dang"))
    }
}
