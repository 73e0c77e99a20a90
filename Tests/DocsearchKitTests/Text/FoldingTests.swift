import XCTest
@testable import DocsearchKit

final class FoldingTests: XCTestCase {
    func testVietnameseCapitals() {
        XCTAssertEqual(Folding.exact("ĐẢNG"), "đảng")
        XCTAssertEqual(Folding.fold("ĐẢNG"), "dang")
        XCTAssertEqual(Folding.exact("ƯU TIÊN"), "ưu tiên")
        XCTAssertEqual(Folding.fold("ƯU TIÊN"), "uu tien")
        XCTAssertEqual(Folding.exact("CHỈ THỊ 20-CT/TW"), "chỉ thị 20-ct/tw")
        XCTAssertEqual(Folding.fold("CHỈ THỊ 20-CT/TW"), "chi thi 20-ct/tw")
        XCTAssertEqual(Folding.exact("ẤN ƠN Ổ"), "ấn ơn ổ")
        XCTAssertEqual(Folding.fold("Sở GD&ĐT"), "so gd&dt")
    }

    func testFoldKeepsNonLettersAndOtherScripts() {
        XCTAssertEqual(Folding.fold("Điều 5 – “Quyền” (1/1/2024)…"), "dieu 5 – “quyen” (1/1/2024)…")
        XCTAssertEqual(Folding.fold("ΆΛΦΑ Ñandú"), "αλφα nandu")
        XCTAssertEqual(Folding.fold("한국"), "한국")
    }

    func testUnchangedInputIsReturnedAsIs() {
        let s = String(repeating: "ke hoach so 04/kh-bcdnq ", count: 10)
        XCTAssertEqual(Folding.fold(s), s)
        XCTAssertEqual(Folding.exact(s), s)
        let exact = String(repeating: "tuyên truyền nhân quyền ", count: 10)
        XCTAssertEqual(Folding.exact(exact), exact)
        XCTAssertEqual(Folding.exactWord(""), "")
        XCTAssertEqual(Folding.fold(""), "")
    }

    /// ASCII text with capitals (symbols such as "20-CT/TW", which are
    /// lowercased byte by byte) comes out as Foundation lowercases it, folded
    /// or not, for every ASCII character before and after a capital; a
    /// capital next to a Vietnamese letter still goes through the tables.
    func testASCIIWithCapitalsIsLowercasedByteByByte() {
        for v in UInt8(0)...0x7F {
            let c = String(UnicodeScalar(v))
            for s in [c + "A", "A" + c, "xY" + c + "z/TW", c] {
                XCTAssertEqual(Folding.fold(s), s.lowercased(), s.debugDescription)
                XCTAssertEqual(Folding.exact(s), s.lowercased(), s.debugDescription)
            }
        }
        XCTAssertEqual(Folding.fold("1373/QĐ-TTg"), "1373/qd-ttg")
        XCTAssertEqual(Folding.exact("HOÀ"), "hòa")
    }

    /// `foldedUppercased` is `fold(s).uppercased()` for every ASCII character
    /// around letters, official codes, Vietnamese and other scripts.
    func testFoldedUppercasedIsFoldThenUppercased() {
        var strings = ["", "QĐ-TTg", "CT/TW", "KH-SGDĐT", "nđ-cp", "ß", "ﬁ", "Ǆ", "ǅ", "ΆΛΦΑ", "한국", "1373/qđ-ttg", "20-ct/tw"]
        for v in UInt8(0)...0x7F { strings += [String(UnicodeScalar(v)), "a" + String(UnicodeScalar(v)) + "Z"] }
        strings += DocumentCodes.agencies.map(\.code) + DocumentCodes.agencies.flatMap(\.aliases)
        for s in strings {
            XCTAssertEqual(Folding.foldedUppercased(s), Folding.fold(s).uppercased(), s.debugDescription)
        }
    }

    /// Every word of the seed plans folds like Foundation's lowercase, NFD and
    /// mark stripping (with đ→d) would fold it.
    func testMatchesFoundationReferenceOnSeedPlans() {
        var words = Set<String>()
        for (_, raw) in TextTestCorpus.seedPlans() {
            let text = TextNormalizer.normalize(raw)
            for w in text.split(whereSeparator: { $0.isWhitespace }) { words.insert(String(w)) }
        }
        XCTAssertGreaterThan(words.count, 1000)
        for w in words {
            XCTAssertEqual(Folding.fold(w), referenceFold(w), w)
            XCTAssertEqual(Folding.fold(w).unicodeScalars.contains { (0x300...0x36F).contains($0.value) }, false, w)
        }
    }

    /// The prefix tests that skip folding agree with folding first, on every
    /// line of the seed plans and of law articles, and on the edge cases: a
    /// line shorter than the prefix, capitals, diacritics, a combining mark
    /// right after the prefix.
    func testFoldedHasPrefixAgreesWithFoldingFirst() {
        let prefixes = ["noi nhan", "- don vi chu tri:", "don vi chu tri:", "can cu", "phan i", "n", ""]
        var lines: [String] = ["Nơi nhận:", "NƠI NHẬN:", "  Nơi nhận", "Noi nhan", "Nơi", "noi nhan\u{0301}x",
                               "ĐƠN VỊ CHỦ TRÌ: Sở Tư pháp", "- Đơn vị chủ trì: Phòng GD&ĐT", "Ñoi nhan", "",
                               "PHẦN I. MỤC ĐÍCH, YÊU CẦU", "Phần II", "Phần", "Phần i\u{0301}", "Phần \u{0301}\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}I"]
        for (_, raw) in TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 10) {
            lines += TextNormalizer.normalize(raw).split(separator: "\n").map { String($0).trimming(" \t*#") }
        }
        XCTAssertGreaterThan(lines.count, 1000)
        var matched = 0, ruledOut = 0
        for line in lines {
            // The assignee scan's three starts, folded at most once.
            let headings = Array(prefixes.prefix(3))
            let once = Folding.foldUnlessRuledOut(line, by: headings)
            if once.isEmpty && !line.isEmpty { ruledOut += 1 }
            for p in prefixes {
                let expected = Folding.fold(line).hasPrefix(p)
                XCTAssertEqual(Folding.foldedHasPrefix(line, p), expected, "\(line) / \(p)")
                if headings.contains(p) { XCTAssertEqual(once.hasPrefix(p), expected, "\(line) / \(p), folded once") }
                if expected && p == "noi nhan" { matched += 1 }
            }
        }
        XCTAssertGreaterThan(matched, 5)
        XCTAssertGreaterThan(ruledOut, lines.count / 2, "most lines need no folding")
    }

    private func referenceFold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch u.value {
            case 0x300...0x36F: continue
            case 0x111: out.append("d")
            default: out.append(u)
            }
        }
        return String(out).precomposedStringWithCanonicalMapping
    }
}
