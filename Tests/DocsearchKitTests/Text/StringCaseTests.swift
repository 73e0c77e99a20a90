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

    /// Every scalar of the Basic Multilingual Plane and of the next one,
    /// alone and after a capital, answers as upper-casing the text does: the
    /// scalar's Changes_When_Uppercased property stands in for the mapping.
    func testEveryScalarAnswersAsUppercasingDoes() {
        var changed = 0
        for v in 0x80...0x1FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let alone = String(scalar), after = "Đ" + String(scalar)
            XCTAssertEqual(alone.isUnchangedByUppercasing, alone == alone.uppercased(), String(v, radix: 16))
            XCTAssertEqual(after.isUnchangedByUppercasing, after == after.uppercased(), String(v, radix: 16))
            if alone != alone.uppercased() { changed += 1 }
        }
        XCTAssertGreaterThan(changed, 1_000)
    }
}
