import XCTest
@testable import DocsearchKit

/// Lines found by a byte scan are the lines `split(separator: "\n")` finds, on
/// real plans and law articles as the extractors see them (normalised).
final class StringLinesTests: XCTestCase {
    func testMatchesCharacterSplitOnRealTexts() {
        let texts = (TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 50)).map { TextNormalizer.normalize($0.text) }
        XCTAssertGreaterThan(texts.count, 40)
        for text in texts {
            XCTAssertEqual(text.splitLines(), text.split(separator: "\n", omittingEmptySubsequences: false))
            XCTAssertEqual(text.splitLines(omittingEmpty: true), text.split(separator: "\n", omittingEmptySubsequences: true))
        }
    }

    func testEdges() {
        XCTAssertEqual("".splitLines(), [""])
        XCTAssertEqual("".splitLines(omittingEmpty: true), [])
        XCTAssertEqual("\nKẾ HOẠCH\n\nThực hiện\n".splitLines(), ["", "KẾ HOẠCH", "", "Thực hiện", ""])
        XCTAssertEqual("\nKẾ HOẠCH\n\nThực hiện\n".splitLines(omittingEmpty: true), ["KẾ HOẠCH", "Thực hiện"])
        // Short text is stored inline in the String, not in a buffer of its own.
        XCTAssertEqual("Sở\nGD".splitLines(), ["Sở", "GD"])
        XCTAssertEqual("\n".splitLines(), ["", ""])
        XCTAssertEqual("\n\n".splitLines(omittingEmpty: true), [])
        XCTAssertEqual("Điều 1".splitLines(omittingEmpty: true), ["Điều 1"])
    }
}
