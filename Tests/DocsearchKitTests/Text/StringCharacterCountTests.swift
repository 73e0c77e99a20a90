import XCTest
@testable import DocsearchKit

final class StringCharacterCountTests: XCTestCase {
    /// `hasAtMostCharacters(n)` is `count <= n` for every line and word of
    /// the seed plans and for text whose Characters span several scalars
    /// (decomposed marks, a flag, CR LF), at every n up to past its length.
    func testAtMostCharactersIsTheCountCompared() {
        var strings = ["", "a", "Hoa\u{0300}", "e\u{0301}\u{0323}", "🇻🇳 Việt Nam", "dòng\r\nmới", "ĐẢNG"]
        for (_, text) in TextTestCorpus.seedPlans() {
            let normalized = TextNormalizer.normalize(text)
            strings += normalized.split(separator: "\n").map(String.init)
            strings += normalized.split(separator: " ").prefix(300).map(String.init)
        }
        var decidedByCounting = 0
        for s in strings {
            for n in 0...(s.utf8.count + 1) {
                XCTAssertEqual(s.hasAtMostCharacters(n), s.count <= n, "\(s.debugDescription) \(n)")
                XCTAssertEqual(s[...].hasAtMostCharacters(n), s.count <= n)
                if s.utf8.count > n && s.count <= n { decidedByCounting += 1 }
            }
        }
        XCTAssertGreaterThan(decidedByCounting, 100, "lines whose bytes outnumber their Characters")
    }
}
