import XCTest
@testable import DocsearchKit

final class CitationExtractorTests: XCTestCase {
    let extractor = CitationExtractor()

    private func keys(_ s: String) -> [String] {
        extractor.citations(in: TextNormalizer.normalize(s)).map(\.key)
    }

    func testSeedPlansCiteExactlyTheirDocuments() throws {
        let expected: [String: Set<String>] = [
            SeedCorpus.longAn: ["1373/KH-BCDNQ", "44-CT/TW", "46-TB/TW", "4/KH-BCDNQ", "157/KH-BCDNQ", "162/2017/ND-CP",
                                "1202/KH-SGDDT", "1438/KH-SGDDT", "1548/KH-SGDDT"],
            SeedCorpus.thuThua: ["2274/KH-UBND", "21-CT/TW", "4996/QD-BGDDT", "1691/QD-UBND", "3306/QD-UBND", "191/2009/TT-BTC"],
            SeedCorpus.haiPhong: ["232/KH-UBND", "401/KH-STP"],
            SeedCorpus.boGDDT: ["20-CT/TW", "2123-CV/BTGTW"],
            SeedCorpus.haQuang: ["2753/KH-UBND", "489/QD-TTG", "49-KL/TW", "11-CT/TW", "1373/QD-TTG", "14/CT-TTG"],
        ]
        for (file, want) in expected {
            let got = Set(extractor.citations(in: try SeedCorpus.text(file)).map(\.key))
            XCTAssertEqual(got, want, file)
        }
    }

    func testOwnNumberIsNotACitation() throws {
        let text = try SeedCorpus.text(SeedCorpus.longAn)
        XCTAssertFalse(extractor.citations(in: text).contains { $0.key == "2421/KH-SGDDT" })
        XCTAssertEqual(keys("Số: 3921/KH-UBND\tNguyên Bình, ngày 20 tháng 9 năm 2025\nKẾ HOẠCH"), [])
    }

    func testRolesOnSeedPlans() throws {
        let longAn = extractor.citations(in: try SeedCorpus.text(SeedCorpus.longAn))
        func roles(_ key: String) -> [CitationRole]? { longAn.first { $0.key == key }?.roles }
        XCTAssertEqual(roles("1373/KH-BCDNQ"), [.legalBasis, .body])
        XCTAssertEqual(roles("44-CT/TW"), [.body])
        XCTAssertEqual(roles("1202/KH-SGDDT"), [.footnote])
        let bo = extractor.citations(in: try SeedCorpus.text(SeedCorpus.boGDDT))
        XCTAssertEqual(bo.first { $0.key == "20-CT/TW" }?.roles, [.legalBasis, .body])
        XCTAssertEqual(bo.first { $0.key == "2123-CV/BTGTW" }?.roles, [.legalBasis])
    }

    func testDetailsOfACitation() throws {
        let docs = extractor.citations(in: try SeedCorpus.text(SeedCorpus.longAn))
        let ct44 = try XCTUnwrap(docs.first { $0.key == "44-CT/TW" }?.citation)
        XCTAssertEqual(ct44.kind, .directive)
        XCTAssertEqual(ct44.number, 44)
        XCTAssertEqual(ct44.typeCode, "CT")
        XCTAssertEqual(ct44.issuerCode, "TW")
        XCTAssertEqual(ct44.symbol, "44-CT/TW")
        XCTAssertEqual(ct44.date, DocumentDate(year: 2010, month: 7, day: 20))
        XCTAssertEqual(ct44.issuerText, "Ban Bí thư Trung ương Đảng khóa X")
        let kh4 = try XCTUnwrap(docs.first { $0.key == "4/KH-BCDNQ" }?.citation)
        XCTAssertEqual(kh4.symbol, "4/KH-BCĐNQ")
        let nd = try XCTUnwrap(docs.first { $0.key == "162/2017/ND-CP" }?.citation)
        XCTAssertEqual(nd.kind, .decree)
        XCTAssertEqual(nd.year, 2017)
        XCTAssertEqual(nd.kindKeys, ["ND:162", "ND:162:2017"])
        let tb = try XCTUnwrap(docs.first { $0.key == "46-TB/TW" }?.citation)
        XCTAssertEqual(tb.kind, .notice)
    }

    func testEveryWrittenForm() {
        XCTAssertEqual(keys("theo Chỉ thị số 44-CT/TW ngày 20/7/2010"), ["44-CT/TW"])
        XCTAssertEqual(keys("Chỉ thị 21- CT/TW ngày 20/01/2018"), ["21-CT/TW"])
        XCTAssertEqual(keys("tại công văn số 2123 - CV/BTGTW ngày 13/12/2021"), ["2123-CV/BTGTW"])
        XCTAssertEqual(keys("Chỉ thị số 14/CT-TTg ngày 25/5/2021"), ["14/CT-TTG"])
        XCTAssertEqual(keys("Nghị định số 162/2017/NĐ-CP của Chính phủ"), ["162/2017/ND-CP"])
        XCTAssertEqual(keys("Thông tư số 191/2009/TT-BTC"), ["191/2009/TT-BTC"])
        XCTAssertEqual(keys("Kế hoạch số 04/KH-BCĐNQ và Kế hoạch số 4/KH-BCĐNQ"), ["4/KH-BCDNQ"])
        XCTAssertEqual(keys("Kế hoạch số 04 /KH-BCĐNQ"), ["4/KH-BCDNQ"])
        XCTAssertEqual(keys("Thông báo Kết luận số 46-TB/TW"), ["46-TB/TW"])
        XCTAssertEqual(keys("Kết luận số 49-KL/TW"), ["49-KL/TW"])
        XCTAssertEqual(keys("Quyết định số 1373/QĐ-TTg; Kế hoạch số 1373/KH-BCĐNQ"), ["1373/QD-TTG", "1373/KH-BCDNQ"])
        XCTAssertEqual(keys("Chỉ thị số 20 - CT/TW"), ["20-CT/TW"])
        XCTAssertEqual(keys("CHỈ THỊ SỐ 20-CT/TW VỀ TRẺ EM"), ["20-CT/TW"])
        XCTAssertEqual(keys("Chỉ thị 21 – CT/TW"), ["21-CT/TW"])
        XCTAssertEqual(keys("Luật số 97/2015/QH13"), ["97/2015/QH13"])
    }

    func testKindOfABareSymbolComesFromItsTypeCode() {
        let docs = extractor.citations(in: "thực hiện theo 1373/QĐ-TTg và 20-CT/TW")
        XCTAssertEqual(docs.map(\.key), ["1373/QD-TTG", "20-CT/TW"])
        XCTAssertEqual(docs.map(\.citation.kind), [.decision, .directive])
        // TT is Thông tri in Party forms, Thông tư in State forms.
        XCTAssertEqual(extractor.citations(in: "Thông tri số 05-TT/TW").first?.citation.kind, .partyCircular)
        XCTAssertEqual(extractor.citations(in: "Thông tư số 05/2020/TT-BTP").first?.citation.kind, .circular)
    }

    func testShorthandResolvesToTheFullFormInTheSamePlan() throws {
        let text = try SeedCorpus.text(SeedCorpus.boGDDT)
        let shorthands = extractor.mentions(in: text).filter(\.isShorthand)
        XCTAssertFalse(shorthands.isEmpty)
        XCTAssertTrue(shorthands.allSatisfy { $0.citation.key == "20-CT/TW" })
        let bytes = Array(text.utf8)
        for m in shorthands {
            let written = Folding.fold(String(decoding: bytes[m.byteRange], as: UTF8.self))
            XCTAssertTrue(written == "chi thi 20" || written == "chi thi so 20", written)
        }
        // Without a full form there is nothing to resolve to.
        XCTAssertEqual(keys("Chỉ thị 20 về trẻ em"), [])
        // Different number, different document.
        XCTAssertEqual(keys("Chỉ thị số 20-CT/TW … Chỉ thị 21 về phụ nữ"), ["20-CT/TW"])
    }

    func testNotCitations() throws {
        XCTAssertEqual(keys("nhân kỷ niệm 75 năm Ngày Nhân quyền thế giới (10/12/1948-10/12/2023)"), [])
        XCTAssertEqual(keys("ngày 20/7/2010 và ngày 05/11/2012"), [])
        XCTAssertEqual(keys("tỉ lệ nữ cấp ủy viên các cấp đạt từ 20 - 25%"), [])
        XCTAssertEqual(keys("Điện thoại: 0272 3826 579, 0272.3826579"), [])
        XCTAssertEqual(keys("đại dịch Covid - 19"), [])
        XCTAssertEqual(keys("giai đoạn 2021-2030, nhiệm kỳ 2020 - 2025"), [])
        XCTAssertEqual(keys("Số: 2421\n\n/KH-SGDĐT\tLong An, ngày 13"), [])
        XCTAssertEqual(keys("Sở GDĐT tỉnh/thành phố; 01 đại diện"), [])
        XCTAssertEqual(keys("Chỉ thị 20-CTkhác"), [])
    }

    func testDecomposedOldToneCRLFTabs() {
        let nfd = "Thực hiện Chỉ thị số 20 - CT/TW,\r\nngày 05/11/2012 của Bộ Chính trị;\tQuyết định số 01373/QĐ-TTg"
            .decomposedStringWithCanonicalMapping
        XCTAssertEqual(keys(nfd), ["20-CT/TW", "1373/QD-TTG"])
        let docs = extractor.citations(in: TextNormalizer.normalize(nfd))
        XCTAssertEqual(docs.first?.citation.date, DocumentDate(year: 2012, month: 11, day: 5))
        XCTAssertEqual(docs.first?.citation.issuerText, "Bộ Chính trị")
    }

    func testByteOffsetsPointAtTheMention() throws {
        let text = try SeedCorpus.text(SeedCorpus.haQuang)
        let bytes = Array(text.utf8)
        for m in extractor.mentions(in: text) where !m.isShorthand {
            let written = String(decoding: bytes[m.byteRange], as: UTF8.self)
            XCTAssertTrue(Citation.canonicalKey(ofSymbol: written).hasSuffix(m.citation.key), written)
        }
    }

    /// An issuer's name written over a line break, with doubled spaces and a
    /// tab, comes out with one space between its words.
    func testIssuerNameAcrossBlanksIsOneLine() {
        let text = "Thực hiện Quyết định số 1691/QĐ-UBND ngày 23/6/2023 của Ủy ban  nhân dân\ntỉnh\tLong An về việc"
        let docs = extractor.citations(in: TextNormalizer.normalize(text))
        XCTAssertEqual(docs.first?.citation.issuerText, "Ủy ban nhân dân tỉnh Long An")
    }

    /// Blanks made one space from the bytes, as a split of the Characters
    /// makes them: every line of the seed plans and of a tenth of the law
    /// articles, from its first word to its last, and words whose edges join
    /// the blank beside them (a mark starting a word, a prepended scalar
    /// ending one), where the Characters are split.
    func testBlanksJoinedFromTheBytesAsTheCharacters() {
        func split(_ s: String) -> String {
            s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        }
        var lines = ["Ủy ban  nhân\tdân\n tỉnh Long An", "a  \u{301}b  c", "\u{0D4E}  b  c", "đt \u{0915}\u{093F}  d", "a  \u{093F}b  c",
                     "Ban Chỉ đạo - Sở GD&ĐT", "Bà Rịa - Vũng Tàu"]
        for (_, text) in TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 10) {
            lines += TextNormalizer.normalize(text).split(separator: "\n").map(String.init)
        }
        var compared = 0, changed = 0
        for line in lines {
            let bytes = Array(line.utf8)
            let words = Analyzer().tokens(in: line)
            guard let first = words.first, let last = words.last else { continue }
            let range = first.byteRange.lowerBound..<last.byteRange.upperBound
            let joined = CitationExtractor.joinedAtBlanks(bytes, range, words: words[...])
            XCTAssertEqual(joined, split(String(decoding: bytes[range], as: UTF8.self)), line)
            compared += 1
            if joined.utf8.count != range.count { changed += 1 }
        }
        XCTAssertGreaterThan(compared, 1_000)
        XCTAssertGreaterThan(changed, 3)
    }

    func testBadInputDoesNotCrash() {
        for s in ["", "1", "Số:", "Chỉ thị", "Chỉ thị số", "1/", "1/2020/", "-CT/TW", "99999999999999999999/QĐ-TTg", "\u{FFFD}1/Q", "20 - ", "ngày 1/"] {
            _ = extractor.mentions(in: s)
            _ = Citation.parseQuery(s)
            _ = PlanIdentityExtractor().identity(of: s)
        }
    }
}
