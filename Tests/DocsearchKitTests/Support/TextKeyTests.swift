import XCTest
@testable import DocsearchKit

/// `TextKey`: text compared by its bytes, several parts as one key; and the
/// memos built on it (`BoundedCache.value(for:orMake:)`).
final class TextKeyTests: XCTestCase {
    /// Text that String calls equal (NFC and NFD) are two keys; the same
    /// bytes are one, with one hash.
    func testKeysCompareBytesNotCanonicalEquivalence() {
        let nfc = "Hòa Bình", nfd = "Ho\u{0300}a Bi\u{0300}nh"
        XCTAssertEqual(nfc, nfd, "String equality is canonical")
        XCTAssertNotEqual(TextKey(nfc), TextKey(nfd))
        XCTAssertEqual(TextKey(nfc), TextKey(String(decoding: Array(nfc.utf8), as: UTF8.self)))
        XCTAssertEqual(TextKey(nfc).hashValue, TextKey(String(decoding: Array(nfc.utf8), as: UTF8.self)).hashValue)
        var seen: [TextKey: Int] = [:]
        seen[TextKey(nfc)] = 1
        seen[TextKey(nfd)] = 2
        XCTAssertEqual(seen.count, 2)
    }

    /// No two lists of parts make the same key: separators inside parts,
    /// empty and absent parts, and parts moved from one to the next.
    func testPartsMakeDistinctKeys() {
        let lists: [[String?]] = [["a", "b"], ["a|", "b"], ["a", "|b"], ["a|b"], ["ab"], ["a", "b", nil], ["a", "b", ""],
                                  [nil], [""], [], ["-|"], [nil, nil], ["1:a|"], ["a", nil, "b"], ["a", "", "b"]]
        let keys = lists.map(TextKey.init)
        XCTAssertEqual(Set(keys).count, lists.count)
    }

    /// A memo makes a key's value once, and each key gets its own.
    func testMemoMakesEachValueOnce() {
        let memo = BoundedCache<TextKey, String>(capacity: 8)
        var made = 0
        for word in ["Long An", "LONG AN", "Long An", "Long An"] {
            let value = memo.value(for: TextKey(word)) { made += 1; return word.lowercased() }
            XCTAssertEqual(value, word.lowercased())
        }
        XCTAssertEqual(made, 2)
    }

    /// The remembered extractors answer as they do unremembered, for the
    /// names, places, symbols and agencies of the seed plans (the agencies
    /// also elsewhere and without a place), asked twice, and for the same
    /// text in NFC and NFD.
    func testRememberedExtractorsAnswerAsTheyDoOnce() throws {
        let resolver = AgencyResolver()
        var names: [String] = ["UBND tỉnh", "Sở Tư pháp", "Phòng Văn hóa và Thông tin", "Thanh tra Sở",
                               "Ho\u{0300}a Bi\u{0300}nh", "Hòa Bình"]
        var agencies: [Agency] = []
        for seed in Fixtures.Seed.allCases {
            let text = TextNormalizer.normalize(try Fixtures.text(seed))
            let identity = PlanIdentityExtractor().identity(of: text)
            let context = resolver.context(identity: identity, text: text)
            let cited = CitationExtractor().citations(in: text)
            names += cited.compactMap(\.citation.issuerText)
            let lines = text.splitLines().map(String.init)
            let written = resolver.assigneeNames(lines: lines) + resolver.recipientNames(lines: lines)
            names += written
            agencies += [identity.issuer].compactMap { $0 } + identity.headerAgencies
            agencies += written.compactMap { resolver.resolve($0, context: context) }
            // The same agency elsewhere: another place, another qualifier, none.
            agencies += agencies.suffix(3).flatMap { a -> [Agency] in
                var other = a, bare = a
                other.place = "Cao Bằng"; other.placeQualifier = "tỉnh"
                bare.place = nil; bare.placeQualifier = nil
                return [other, bare]
            }
        }
        XCTAssertGreaterThan(names.count, 50)
        XCTAssertGreaterThan(agencies.count, 30)
        for _ in 0..<2 {
            for agency in agencies {
                XCTAssertEqual(AgencyResolver.searchForms(of: agency), AgencyResolver.searchFormsOnce(of: agency), agency.canonicalName)
            }
            for symbol in ["20-CT/TW", "20 - ct/tw", "1373/QĐ-TTg", "1373/QD\u{0302}-TTg", "04 /KH-BCĐNQ", "0/KH", "007/QĐ"] + names {
                XCTAssertEqual(Array(Citation.canonicalKey(ofSymbol: symbol).utf8), Array(Citation.canonicalKeyOnce(ofSymbol: symbol).utf8), symbol)
                XCTAssertEqual(Array(DocumentCodes.codeKey(symbol).utf8), Array(Folding.foldedUppercased(symbol).utf8), symbol)
            }
            for place in ["LONG AN", "THỦ THỪA", "HOÀ BÌNH", "HO\u{0300}A BI\u{0300}NH", "thành phố hải phòng"] + names {
                let once = AgencyNameParser.titleCaseOnce(place)
                XCTAssertEqual(Array(AgencyNameParser.titleCase(place).utf8), Array(once.utf8), place)
            }
        }
    }
}
