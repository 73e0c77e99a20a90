import XCTest
@testable import DocsearchKit

/// `SymbolScanner.startsToken`: a number starts a token unless glued to a
/// letter, a digit, or the "/", "." or "," of a date or a decimal.
final class SymbolScannerTests: XCTestCase {
    /// Before "20": every ASCII character and Vietnamese letters, digits of
    /// other scripts and marks, against the Unicode properties of the
    /// character before.
    func testANumberStartsATokenUnlessGluedToALetterOrDigit() {
        var before: [Unicode.Scalar] = (0x01...0x7F).compactMap(Unicode.Scalar.init)
        before += ["đ", "Đ", "ố", "Ư", "ạ", "٣", "²", "Ⅻ", "–", "“", "\u{A0}", "\u{301}", "二"]
        for scalar in before {
            let bytes = Array(("số " + String(Character(scalar)) + "20/KH-UBND").utf8)
            let at = bytes.count - "20/KH-UBND".utf8.count
            let p = scalar.properties
            let expected = !(scalar == "/" || scalar == "." || scalar == ",") && !(p.isAlphabetic || p.numericType != nil)
            XCTAssertEqual(SymbolScanner.startsToken(bytes, at: at), expected, "U+\(String(scalar.value, radix: 16))")
        }
        XCTAssertTrue(SymbolScanner.startsToken(Array("20/KH".utf8), at: 0), "at the start of the text")
    }
}
