import XCTest
@testable import DocsearchKit

/// A word table must answer every word as a Dictionary of the same words
/// would: the extractors look up each token of a plan in one, and a word
/// missed or confused would drop a topic or an agency.
final class WordTableTests: XCTestCase {
    /// The first words of the agency names and topic terms, against every
    /// token of the five seed plans (folded and as written).
    func testAnswersEveryTokenOfTheSeedPlansAsADictionary() throws {
        var pairs: [(String, [Int])] = []
        for (i, v) in AgencyNameParser.variants.enumerated() { pairs.append((v.words[0], [i])) }
        let analyzer = Analyzer()
        for (i, topic) in TopicTaxonomy.topics.enumerated() {
            for term in topic.terms { pairs.append((analyzer.tokens(in: term)[0].folded, [-1 - i])) }
        }
        let table = WordTable(pairs, combining: +)
        let reference = Dictionary(pairs, uniquingKeysWith: +)
        XCTAssertEqual(table.count, reference.count)
        for (word, value) in reference { XCTAssertEqual(table[word], value, word) }

        var found = 0, missed = 0
        for seed in Fixtures.Seed.allCases {
            for token in analyzer.tokens(in: try Fixtures.text(seed)) {
                for word in [token.folded, token.exact] {
                    XCTAssertEqual(table[word], reference[word], word)
                    if reference[word] == nil { missed += 1 } else { found += 1 }
                }
            }
        }
        // Both answers were given many times.
        XCTAssertGreaterThan(found, 500)
        XCTAssertGreaterThan(missed, 5_000)
    }

    /// Words that differ only in diacritics, or in one byte, are different keys.
    func testWordsThatDifferInDiacriticsAreDifferentKeys() {
        let table = WordTable([("đất", 1), ("đặt", 2), ("dat", 3), ("sở", 4), ("so", 5), ("", 6)], combining: +)
        XCTAssertEqual(table["đất"], 1)
        XCTAssertEqual(table["đặt"], 2)
        XCTAssertEqual(table["dat"], 3)
        XCTAssertEqual(table["sở"], 4)
        XCTAssertEqual(table["so"], 5)
        XCTAssertEqual(table[""], 6)
        XCTAssertNil(table["đạt"])
        XCTAssertNil(table["s"])
        XCTAssertNil(table["sởs"])
    }
}
