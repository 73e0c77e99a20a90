import XCTest
@testable import DocsearchKit

/// The byte shortcut of `isUnchangedByUppercasing` must answer as
/// `s == s.uppercased()` does: on every line and word of the seed plans
/// (header lines in capitals, names, sentences) and on letters whose capital
/// is not one letter.
final class StringCaseTests: XCTestCase {
    func testAnswersAsUppercasingDoes() throws {
        var texts = ["", "123", "GD&ĐT", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở GD&ĐT", "ĐT", "đt", "ß", "SS", "ǅ", "Ǆ",
                     "İ", "ﬁ", "Ủy ban nhân dân", "KẾ HOẠCH\tSố: 2421/KH-SGDĐT"]
        for seed in Fixtures.Seed.allCases {
            let text = TextNormalizer.normalize(try Fixtures.text(seed))
            for line in text.splitLines() {
                texts.append(String(line))
                texts += line.split(separator: " ").map(String.init)
            }
        }
        var unchanged = 0, changed = 0
        for s in texts {
            let expected = s == s.uppercased()
            XCTAssertEqual(s.isUnchangedByUppercasing, expected, s)
            if expected { unchanged += 1 } else { changed += 1 }
        }
        // Both answers were given many times: capitals in headers, words in sentences.
        XCTAssertGreaterThan(unchanged, 300)
        XCTAssertGreaterThan(changed, 3_000)
    }
}
