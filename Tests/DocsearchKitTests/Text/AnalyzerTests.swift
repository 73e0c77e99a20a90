import XCTest
@testable import DocsearchKit

final class AnalyzerTests: XCTestCase {
    func testToneAndFold() {
        let a = Analyzer()
        let t = a.tokens(in: TextNormalizer.normalize("Hoà THUỶ khoẻ toạ đàm hoàn quý Bình Đẳng"))
        XCTAssertEqual(t.map(\.exact), ["hòa", "thủy", "khỏe", "tọa", "đàm", "hoàn", "quý", "bình", "đẳng"])
        XCTAssertEqual(t.map(\.folded), ["hoa", "thuy", "khoe", "toa", "dam", "hoan", "quy", "binh", "dang"])
        XCTAssertEqual(t.map(\.position), Array(0..<9))
    }

    func testSeparatorsAndWordInternalPunctuation() {
        let t = Analyzer().tokens(in: "Sở GD&ĐT1 – Chỉ thị số 44-CT/TW\tngày 1.000")
        XCTAssertEqual(t.map(\.exact), ["sở", "gd", "đt1", "chỉ", "thị", "số", "44", "ct", "tw", "ngày", "1", "000"])
        XCTAssertEqual(t.map(\.hasDiacritics), [true, false, true, true, true, true, false, false, false, true, false, false])
    }

    func testEmptyAndPunctuationOnly() {
        XCTAssertEqual(Analyzer().tokens(in: ""), [])
        XCTAssertEqual(Analyzer().tokens(in: " .,;:–—“”…()[]/\n\t-- "), [])
    }

    func testByteRangesSliceTheTextBack() {
        for (name, raw) in TextTestCorpus.seedPlans() {
            let text = TextNormalizer.normalize(raw)
            let bytes = Array(text.utf8)
            let tokens = Analyzer().tokens(in: text)
            XCTAssertGreaterThan(tokens.count, 500, name)
            for t in tokens {
                let slice = String(decoding: bytes[t.byteRange], as: UTF8.self)
                XCTAssertEqual(Folding.exactWord(slice), t.exact, name)
                XCTAssertEqual(Folding.fold(slice), t.folded, name)
            }
        }
    }

    /// The words' byte ranges and positions alone (`forEachWordRange`, for
    /// `TokenInterner`) are the tokens', in every script the laws hold.
    func testWordRangesAreTheTokensRanges() {
        let a = Analyzer()
        // Every scalar U+0080–U+02FF and U+1E00–U+1FFF between words and
        // inside one: the Latin letters are told by their bytes.
        let scalars = (Array(0x80...0x2FF) + Array(0x1E00...0x1FFF)).compactMap(Unicode.Scalar.init).map(String.init)
        let texts = [("mixed", "Ωμέγα ﬁnance Straße İstanbul ½ ² Ⅻ 二〇二三 e\u{301} Đà Nẵng; GD&ĐT 44-CT/TW 3×4 6÷2"),
                     ("scalars", scalars.map { "ab" + $0 + "cd " + $0 + " ề" + $0 }.joined(separator: " "))]
            + TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 10)
        for (name, raw) in texts {
            var text = TextNormalizer.normalize(raw)
            var ranges: [Range<Int>] = [], positions: [Int] = []
            text.withUTF8 { a.forEachWordRange(inUTF8: $0) { ranges.append($0); positions.append($1) } }
            let tokens = a.tokens(in: text)
            XCTAssertEqual(ranges, tokens.map(\.byteRange), name)
            XCTAssertEqual(positions, tokens.map(\.position), name)
        }
    }

    /// Decomposed text (as Word pastes it and as 9 ALQAC laws hold it) gives
    /// the same tokens as its NFC form, once normalised.
    func testNFDAndNFCGiveIdenticalTokens() {
        let a = Analyzer()
        let texts = TextTestCorpus.seedPlans() + TextTestCorpus.decomposedLawArticles()
        XCTAssertGreaterThan(texts.count, 100)
        for (name, raw) in texts {
            let fromNFC = a.tokens(in: TextNormalizer.normalize(raw.precomposedStringWithCanonicalMapping))
            let fromNFD = a.tokens(in: TextNormalizer.normalize(raw.decomposedStringWithCanonicalMapping))
            let fromRaw = a.tokens(in: TextNormalizer.normalize(raw))
            XCTAssertEqual(fromNFD.map(\.exact), fromNFC.map(\.exact), name)
            XCTAssertEqual(fromRaw.map(\.folded), fromNFC.map(\.folded), name)
        }
    }

    /// Same words as the scalar-by-scalar definition, computed with Foundation.
    func testMatchesReferenceTokenizerOnLaws() {
        for (name, raw) in TextTestCorpus.lawArticles(step: 20) {
            let text = TextNormalizer.normalize(raw)
            let tokens = Analyzer().tokens(in: text)
            let reference = referenceWords(text)
            XCTAssertEqual(tokens.map(\.folded), reference.map { Folding.fold($0) }, name)
            XCTAssertEqual(tokens.map { $0.byteRange.count }, reference.map { $0.utf8.count }, name)
        }
    }

    func testForEachTokenHandsOutTheSameTokens() {
        let text = TextNormalizer.normalize("KẾ HOẠCH Tăng cường công tác tuyên truyền về nhân quyền")
        var seen: [Token] = []
        var foldedBytes = 0
        Analyzer().forEachToken(in: text) { t in
            seen.append(t.makeToken())
            foldedBytes += t.foldedUTF8.count
        }
        XCTAssertEqual(seen, Analyzer().tokens(in: text))
        XCTAssertEqual(seen.first?.exact, "kế")
        XCTAssertEqual(foldedBytes, "kehoachtangcuongcongtactuyentruyenvenhanquyen".utf8.count)
    }

    /// A token's `hasDiacritics` is kept from the analyzer, not worked out
    /// from its forms: it must say what comparing them says, on every word of
    /// the seed plans and of the law articles (ASCII words, "đ", capitals,
    /// old tone marks), and a token made from its forms must say the same.
    func testKeptDiacriticsFlagIsWhatTheFormsSay() {
        var with = 0, without = 0
        for (_, raw) in TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 25) {
            for t in Analyzer().tokens(in: TextNormalizer.normalize(raw)) {
                XCTAssertEqual(t.hasDiacritics, t.exact != t.folded, t.exact)
                XCTAssertEqual(Token(exact: t.exact, folded: t.folded, position: t.position, byteRange: t.byteRange), t)
                if t.hasDiacritics { with += 1 } else { without += 1 }
            }
        }
        XCTAssertGreaterThan(with, 1000)
        XCTAssertGreaterThan(without, 1000)
    }

    private func referenceWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            let p = u.properties
            let isWord = u.isASCII ? (u.properties.isAlphabetic || ("0"..."9").contains(u))
                : (p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark)
            if isWord { current.append(u) } else if !current.isEmpty { words.append(String(current)); current = .init() }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }
}
