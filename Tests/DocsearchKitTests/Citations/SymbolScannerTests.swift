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

    /// The eight-byte test finds a digit at every place of a word, whatever
    /// bytes are beside it, and nothing else; the symbols of the seed plans
    /// and of texts with a number at every offset of a word are those a test
    /// of every byte finds.
    func testDigitsAreFoundEightBytesAtATime() throws {
        for b in UInt8.min...UInt8.max {
            for k in 0..<8 {
                for filler: UInt8 in [0x61, 0x2F, 0x3A, 0xC3, 0xBA, 0x00, 0xFF] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[k] = b
                    let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    XCTAssertEqual(SymbolScanner.mayHoldDigit(w), SymbolScanner.isDigit(b), "\(b) at \(k) among \(filler)")
                }
            }
        }
        func everyByte(_ bytes: [UInt8]) -> [Range<Int>] {
            var out: [Range<Int>] = [], i = 0
            while i < bytes.count {
                if SymbolScanner.isDigit(bytes[i]), SymbolScanner.startsToken(bytes, at: i),
                   let s = SymbolScanner.symbol(in: bytes, at: i, caseRule: .document) {
                    out.append(s.range); i = s.range.upperBound; continue
                }
                i += 1
            }
            return out
        }
        var texts = TextTestCorpus.seedPlans().map { TextNormalizer.normalize($0.text) }
        for offset in 0..<9 { texts.append(String(repeating: "ạ", count: offset) + " Chỉ thị số 20-CT/TW và 1373/QĐ-TTg") }
        var found = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let ranges = SymbolScanner.scanAll(bytes, caseRule: .document).map(\.range)
            XCTAssertEqual(ranges, everyByte(bytes), String(text.prefix(40)))
            found += ranges.count
        }
        XCTAssertGreaterThan(found, 30)
    }
}
