import Foundation
import XCTest
@testable import DocsearchKit

/// Our trimming gives what Foundation's `trimmingCharacters(in:)` gives, on
/// every line of the seed plans and of a sample of law articles.
final class TrimmingTests: XCTestCase {
    private var lines: [Substring] {
        (TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 25)).flatMap {
            $0.text.split(separator: "\n", omittingEmptySubsequences: false)
        }
    }

    func testMatchesFoundationOnRealLines() {
        let lines = self.lines
        XCTAssertGreaterThan(lines.count, 1000)
        for line in lines {
            XCTAssertEqual(line.trimmingSpaces(), line.trimmingCharacters(in: .whitespaces), String(line))
            XCTAssertEqual(line.trimmingSpacesAndNewlines(), line.trimmingCharacters(in: .whitespacesAndNewlines), String(line))
            XCTAssertEqual(line.trimming(" \t*#"), line.trimmingCharacters(in: CharacterSet(charactersIn: " \t*#")), String(line))
        }
    }

    func testOddSpacesAndMarks() {
        let text = "\u{00A0}\u{2003}\t* Sở Giáo dục và Đào tạo;\u{3000} \r\n"
        XCTAssertEqual(text.trimmingSpaces(), text.trimmingCharacters(in: .whitespaces))
        XCTAssertEqual(text.trimmingSpacesAndNewlines(), "* Sở Giáo dục và Đào tạo;")
        XCTAssertEqual("•- Ủy ban nhân dân tỉnh;".trimming(" \t*·•-+;:,./"), "Ủy ban nhân dân tỉnh")
        XCTAssertEqual("".trimmingSpaces(), "")
        // Kept at one end, trimmed at the other.
        XCTAssertEqual("Sở Tư pháp; ".trimming(" \t*·•-+;:,./"), "Sở Tư pháp")
        XCTAssertEqual("KẾ HOẠCH \t".trimmingSpaces(), "KẾ HOẠCH")
        XCTAssertEqual("Điều 1.\u{3000}\r\n".trimmingSpacesAndNewlines(), "Điều 1.")
        XCTAssertEqual(" Điều 1.".trimmingSpaces(), "Điều 1.")
        XCTAssertEqual("   ".trimming(" "), "")
    }
}
