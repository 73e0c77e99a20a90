import XCTest
@testable import DocsearchKit

final class CitationParsingTests: XCTestCase {
    private func keys(_ q: String) -> [CitationLookupKey] { Citation.parseQuery(q).map(\.key) }

    func testCanonicalKeyOfManifestStrings() {
        XCTAssertEqual(Citation.canonicalKey(ofSymbol: "1373/QĐ-TTg"), "1373/QD-TTG")
        XCTAssertEqual(Citation.canonicalKey(ofSymbol: "qd-ttg"), "QD-TTG")
        XCTAssertEqual(Citation.canonicalKey(ofSymbol: "04/KH-BCĐNQ"), "4/KH-BCDNQ")
        XCTAssertEqual(Citation.canonicalKey(ofSymbol: "20 - CT/TW"), "20-CT/TW")
        XCTAssertEqual(Citation.canonicalKey(ofSymbol: "162/2017/NĐ-CP"), Citation.canonicalKey(ofSymbol: "162/2017/ND-CP"))
        XCTAssertEqual(Citation.canonicalKey(ofSymbol: "0"), "0")
        // Spaces pasted from Word: no-break, ideographic, narrow no-break.
        XCTAssertEqual(Citation.canonicalKey(ofSymbol: "20\u{00A0}-\u{3000}CT/TW"), "20-CT/TW")
        XCTAssertEqual(Citation.canonicalKey(ofSymbol: "1373/QĐ\u{202F}-TTg"), "1373/QD-TTG")
    }

    /// The byte test that lets most symbols skip the walk over their
    /// characters must see every whitespace scalar, alone or after text.
    func testWhitespaceIsSeenInEveryScalar() {
        var seen = 0
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let text = "Đ" + String(Character(scalar))
            XCTAssertEqual(Citation.mayHoldWhitespace(text.utf8), scalar.properties.isWhitespace, String(v, radix: 16))
            if scalar.properties.isWhitespace { seen += 1 }
        }
        XCTAssertEqual(seen, 25)
        XCTAssertFalse(Citation.mayHoldWhitespace("1373/QĐ-TTg".utf8))
        XCTAssertTrue(Citation.mayHoldWhitespace("Chỉ thị".utf8))
    }

    func testKindAndNumberQueries() {
        for q in ["Chỉ thị 20", "chi thi 20", "CHỈ THỊ 20", "Chỉ thị số 20", "Chỉ thị 20".decomposedStringWithCanonicalMapping] {
            XCTAssertEqual(keys(q), [.kindNumber("CT:20")], q)
        }
        XCTAssertEqual(keys("QĐ 1373"), [.kindNumber("QD:1373")])
        XCTAssertEqual(keys("qd 1373"), [.kindNumber("QD:1373")])
        XCTAssertEqual(keys("Quyết định 1373"), [.kindNumber("QD:1373")])
        XCTAssertEqual(keys("Kế hoạch 1373"), [.kindNumber("KH:1373")])
        XCTAssertEqual(keys("nghi dinh 162/2017"), [.kindNumber("ND:162:2017")])
        XCTAssertNotEqual(keys("Chỉ thị 21"), keys("Chỉ thị 20"))
    }

    func testFullSymbolQueries() {
        XCTAssertEqual(keys("CHỈ THỊ SỐ 20-CT/TW"), [.canonical("20-CT/TW")])
        XCTAssertEqual(keys("chi thi so 20-ct/tw"), [.canonical("20-CT/TW")])
        XCTAssertEqual(keys("1373/QĐ-TTg"), [.canonical("1373/QD-TTG")])
        XCTAssertEqual(keys("1373/qd-ttg"), [.canonical("1373/QD-TTG")])
        XCTAssertEqual(keys("2421/KH-SGDĐT"), [.canonical("2421/KH-SGDDT")])
    }

    func testMixedQueryLeavesTheWords() {
        let (refs, rest) = Citation.splitQuery("Chỉ thị 20 trẻ em")
        XCTAssertEqual(refs.map(\.key), [.kindNumber("CT:20")])
        XCTAssertEqual(rest, "trẻ em")
        let q = TextNormalizer.normalize("bảo vệ trẻ em theo Chỉ thị số 20-CT/TW")
        let r = try? XCTUnwrap(Citation.parseQuery(q).first)
        XCTAssertEqual(r.map { String(decoding: Array(q.utf8)[$0.byteRange], as: UTF8.self) }, "Chỉ thị số 20-CT/TW")
    }

    func testNotReferences() {
        XCTAssertEqual(keys("ngày 20/7/2010"), [])
        XCTAssertEqual(keys("trẻ em 20"), [])
        XCTAssertEqual(keys("binh dang gioi"), [])
        XCTAssertNil(Citation.parseReference("Chỉ thị 20 trẻ em"))
        XCTAssertEqual(Citation.parseReference("Chỉ thị 44-CT/TW")?.key, .canonical("44-CT/TW"))
    }
}
