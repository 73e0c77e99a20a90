import XCTest
@testable import DocsearchKit

final class TextLayoutTests: XCTestCase {
    /// A text's lines are its pieces between line breaks, empty ones kept,
    /// with their byte ranges: on the seed plans and at the edges (an empty
    /// text, breaks first, last and doubled).
    func testLinesAreThePiecesBetweenLineBreaks() throws {
        var texts = ["", "\n", "a", "a\n", "\nb", "a\n\nb", "Nơi nhận:\n- Như trên;\n"]
        for (_, text) in TextTestCorpus.seedPlans() { texts.append(TextNormalizer.normalize(text)) }
        for text in texts {
            let bytes = Array(text.utf8)
            let lines = TextLayout.lines(bytes)
            let pieces = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            XCTAssertEqual(lines.count, pieces.count, text)
            XCTAssertEqual(lines.map { Array(bytes[$0]) }, pieces.map(Array.init), text)
            XCTAssertEqual(lines.map(\.lowerBound), pieces.map(\.startIndex), text)
        }
        XCTAssertGreaterThan(TextLayout.lines(Array(try SeedCorpus.text(SeedCorpus.longAn).utf8)).count, 50)
    }
}
