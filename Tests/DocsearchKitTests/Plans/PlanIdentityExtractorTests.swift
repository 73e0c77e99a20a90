import XCTest
@testable import DocsearchKit

final class PlanIdentityExtractorTests: XCTestCase {
    /// The byte search the signer's titles are sought with: anywhere in the
    /// line, whole, ending in a multi-byte letter.
    func testTitlesAreFoundByTheirBytes() {
        func holds(_ line: String, _ part: String) -> Bool {
            Array(line.utf8).withUnsafeBufferPointer { PlanIdentityExtractor.holds($0, Array(part.utf8)) }
        }
        XCTAssertTrue(holds("KT. GIÁM ĐỐC", "GIÁM ĐỐC"))
        XCTAssertTrue(holds("PHÓ CHỦ TỊCH THƯỜNG TRỰC", "CHỦ TỊCH"))
        XCTAssertTrue(holds("TRƯỞNG", "TRƯỞNG"))
        XCTAssertFalse(holds("PHÓ GIÁM ĐỐ", "GIÁM ĐỐC"))
        XCTAssertFalse(holds("GIÁM ĐỐ", "GIÁM ĐỐC"))
        XCTAssertFalse(holds("TRƯỞN", "TRƯỞNG"))
        XCTAssertFalse(holds("PHÓ GIÁM ĐỐT", "GIÁM ĐỐC"))
        XCTAssertFalse(holds("TRƯỞNH BAN", "TRƯỞNG"))
        XCTAssertFalse(holds("CHÁNH", "CHÁNH VĂN PHÒNG"))
        XCTAssertFalse(holds("", "BÍ THƯ"))
        XCTAssertTrue(holds("BÍ THƯ", ""))
    }

    let extractor = PlanIdentityExtractor()

    func testSeedIdentities() throws {
        let longAn = extractor.identity(of: try SeedCorpus.text(SeedCorpus.longAn))
        XCTAssertEqual(longAn.kind, .plan)
        XCTAssertEqual(longAn.number?.symbol, "2421/KH-SGDĐT")
        XCTAssertEqual(longAn.number?.number, 2421)
        XCTAssertEqual(longAn.issuer?.canonicalName, "Sở Giáo dục và Đào tạo tỉnh Long An")
        XCTAssertEqual(longAn.place, "Long An")
        XCTAssertEqual(longAn.date, DocumentDate(year: 2023, month: 7, day: 13))
        XCTAssertEqual(longAn.headerAgencies.map(\.canonicalName), ["Ủy ban nhân dân tỉnh Long An"])
        XCTAssertEqual(longAn.signer, Signer(name: "Phan Thị Dạ Thảo", title: "PHÓ GIÁM ĐỐC", capacity: "KT.GIÁM ĐỐC"))
        XCTAssertTrue(longAn.title?.hasPrefix("Tăng cường công tác tuyên truyền về nhân quyền") == true)
        XCTAssertTrue(longAn.title?.hasSuffix("Ngành Giáo dục và Đào tạo tỉnh Long An") == true)

        let thuThua = extractor.identity(of: try SeedCorpus.text(SeedCorpus.thuThua))
        XCTAssertEqual(thuThua.number?.symbol, "/KH-PGDĐT")
        XCTAssertNil(thuThua.number?.number)
        XCTAssertEqual(thuThua.issuer?.canonicalName, "Phòng Giáo dục và Đào tạo huyện Thủ Thừa")
        XCTAssertEqual(thuThua.issuer?.level, .district)
        XCTAssertEqual(thuThua.date, DocumentDate(year: 2021))
        XCTAssertEqual(thuThua.title, "Hoạt động Vì sự tiến bộ phụ nữ, bình đẳng giới năm 2021")
        XCTAssertEqual(thuThua.signer?.name, "Võ Văn Mười")
        XCTAssertEqual(thuThua.signer?.title, "TRƯỞNG PHÒNG")

        let haiPhong = extractor.identity(of: try SeedCorpus.text(SeedCorpus.haiPhong))
        XCTAssertEqual(haiPhong.number?.symbol, "/KH-SGDĐT")
        XCTAssertEqual(haiPhong.issuer?.canonicalName, "Sở Giáo dục và Đào tạo thành phố Hải Phòng")
        XCTAssertEqual(haiPhong.place, "Hải Phòng")
        XCTAssertEqual(haiPhong.year, 2024)
        XCTAssertEqual(haiPhong.signer?.name, "Phạm Quốc Hiệu")

        let bo = extractor.identity(of: try SeedCorpus.text(SeedCorpus.boGDDT))
        XCTAssertNil(bo.number)
        XCTAssertEqual(bo.issuer?.canonicalName, "Bộ Giáo dục và Đào tạo")
        XCTAssertEqual(bo.issuer?.level, .ministry)
        XCTAssertNil(bo.date)
        XCTAssertEqual(bo.year, 2022)
        XCTAssertEqual(bo.signer, Signer(name: "Ngô Thị Minh", title: "THỨ TRƯỞNG", capacity: "KT. BỘ TRƯỞNG"))

        let haQuang = extractor.identity(of: try SeedCorpus.text(SeedCorpus.haQuang))
        XCTAssertEqual(haQuang.number?.symbol, "/KH-UBND")
        XCTAssertEqual(haQuang.issuer?.canonicalName, "Ủy ban nhân dân huyện Hà Quảng")
        XCTAssertEqual(haQuang.date, DocumentDate(year: 2021, month: 10))
        XCTAssertEqual(haQuang.place, "Hà Quảng")
        XCTAssertEqual(haQuang.signer?.name, "Nguyễn Thị Phương")
    }

    func testHeaderWithIssuerAndOldTones() {
        let text = TextNormalizer.normalize("""
        SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HOÀ BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        \tĐộc lập - Tự do - Hạnh phúc

        Số: 0125/KH-SGDĐT\tHoà Bình, ngày 5 tháng 9 năm 2022

        KẾ HOẠCH
        Phòng, chống tệ nạn ma túy trong trường học năm 2022

        Thực hiện Chỉ thị số 20-CT/TW, Sở Giáo dục và Đào tạo tỉnh Hoà Bình xây dựng kế hoạch như sau:
        """.decomposedStringWithCanonicalMapping)
        let id = extractor.identity(of: text)
        XCTAssertEqual(id.issuer?.canonicalName, "Sở Giáo dục và Đào tạo tỉnh Hòa Bình")
        XCTAssertEqual(id.number?.key, "125/KH-SGDDT")
        XCTAssertEqual(id.place, "Hòa Bình")
        XCTAssertEqual(id.date?.iso, "2022-09-05")
        XCTAssertEqual(id.title, "Phòng, chống tệ nạn ma túy trong trường học năm 2022")
    }

    func testAgencyNamesComeOutAsOneAgency() {
        let parser = AgencyNameParser()
        let names = ["UBND TỈNH LONG AN", "Ủy ban nhân dân tỉnh Long An", "Uỷ ban nhân dân tỉnh Long An"]
        for n in names {
            XCTAssertEqual(parser.mentions(in: TextNormalizer.normalize(n)).first?.agency.canonicalName,
                           "Ủy ban nhân dân tỉnh Long An", n)
        }
        for n in ["Sở GD&ĐT", "Sở GDĐT", "Sở Giáo dục và Đào tạo", "SGDĐT"] {
            XCTAssertEqual(parser.mentions(in: n).first?.agency.code, "SGDĐT", n)
        }
        for n in ["Bộ GDĐT", "Bộ Giáo dục và Đào tạo", "BGDĐT"] {
            XCTAssertEqual(parser.mentions(in: n).first?.agency.canonicalName, "Bộ Giáo dục và Đào tạo", n)
        }
        XCTAssertEqual(parser.mentions(in: "Ủy ban nhân dân (UBND) huyện Hà Quảng ban hành").first?.agency.canonicalName,
                       "Ủy ban nhân dân huyện Hà Quảng")
        XCTAssertEqual(parser.mentions(in: "Sở Lao động - Thương binh và Xã hội tỉnh Bà Rịa - Vũng Tàu").first?.agency.canonicalName,
                       "Sở Lao động - Thương binh và Xã hội tỉnh Bà Rịa - Vũng Tàu")
    }

    func testExtractionAccuracyOnASeedManifest() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docsearch-acc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for f in [SeedCorpus.longAn, SeedCorpus.haQuang] {
            try FileManager.default.copyItem(at: SeedCorpus.directory.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        let manifest = """
        {"path": "\(SeedCorpus.longAn)", "issuer": "Sở Giáo dục và Đào tạo tỉnh Long An", "number": "2421/KH-SGDĐT", "date": "2023-07-13", "cites": ["1373/KH-BCĐNQ", "44-CT/TW", "46-TB/TW", "04/KH-BCĐNQ", "157/KH-BCĐNQ", "162/2017/NĐ-CP", "1202/KH-SGDĐT", "1438/KH-SGDĐT", "1548/KH-SGDĐT"]}
        {"path": "\(SeedCorpus.haQuang)", "issuer": "Ủy ban nhân dân tỉnh Cao Bằng", "number": "/KH-UBND", "date": "2021-10", "cites": ["2753/KH-UBND", "489/QĐ-TTg", "49-KL/TW", "11-CT/TW", "1373/QĐ-TTg", "14/CT-TTg", "999/QĐ-TTg"]}
        """
        try manifest.write(to: dir.appendingPathComponent("manifest.jsonl"), atomically: true, encoding: .utf8)
        let r = try ExtractionAccuracy.measure(corpus: dir)
        XCTAssertEqual(r.plans, 2)
        XCTAssertEqual(r.citationTruePositives, 15)
        XCTAssertEqual(r.citationFalseNegatives, 1)
        XCTAssertEqual(r.citationFalsePositives, 0)
        XCTAssertEqual(r.issuerMatches, 1)
        XCTAssertEqual(r.numberMatches, 1)
        XCTAssertEqual(r.dateMatches, 2)
        XCTAssertThrowsError(try ExtractionAccuracy.measure(corpus: dir.appendingPathComponent("missing")))
    }

    /// The indexer hands the extractor the text it has analysed already; the
    /// preamble's words taken from it must find what reading the preamble
    /// again finds, on the seed plans and on generated ones (NFD, CRLF, BOM).
    func testIdentityFromTheAnalysedTextIsTheSame() throws {
        var texts = try [SeedCorpus.longAn, SeedCorpus.thuThua, SeedCorpus.haiPhong, SeedCorpus.boGDDT, SeedCorpus.haQuang]
            .map { try SeedCorpus.text($0) }
        let corpus = try Fixtures.generatedPlans(count: 150, seed: 23, name: "identity-gen")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: corpus.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".txt") }.sorted()
        for f in files {
            texts.append(try PlanDocument.decode(Array(try Data(contentsOf: corpus.appendingPathComponent(f)))).text)
        }
        XCTAssertGreaterThan(texts.count, 100)
        let extractor = PlanIdentityExtractor()
        var acting = 0
        for text in texts {
            let analyzed = AnalyzedText(text)
            XCTAssertEqual(extractor.identity(of: text, analyzed: analyzed), extractor.identity(of: text))
            let lines = text.splitLines().map(String.init)
            let typeLine = lines.prefix(60).firstIndex { extractor.kindOfTypeLine($0) != nil }
            let preamble = extractor.preamble(lines: lines, typeLine: typeLine)
            // Its start is where its bytes stand in the text.
            let bytes = Array(text.utf8), length = preamble.text.utf8.count
            XCTAssertLessThanOrEqual(preamble.start + length, bytes.count)
            XCTAssertEqual(Array(bytes[min(preamble.start, bytes.count)..<min(preamble.start + length, bytes.count)]),
                           Array(preamble.text.utf8))
            let found = extractor.actingAgency(in: preamble.text, analyzed: (analyzed, preamble.start))
            XCTAssertEqual(found, extractor.actingAgency(in: preamble.text))
            if found != nil { acting += 1 }
        }
        // The preamble named the acting agency in many of them, so words were compared.
        XCTAssertGreaterThan(acting, 20)
    }

    /// The signature block is the one after "Nơi nhận", also where the body
    /// quotes another (an upper-case title over a name, as a copied decision
    /// ends), and "Nơi nhận" is found however it is indented or starred.
    func testSignerIsReadAfterNoiNhan() throws {
        let text = try SeedCorpus.text(SeedCorpus.longAn)
        var lines = text.splitLines().map(String.init)
        let title = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Tăng cường") })
        lines.insert(contentsOf: ["CHỦ TỊCH UBND TỈNH", "Nguyễn Văn Út", ""], at: title + 2)
        let quoted = lines.joined(separator: "\n")
        let expected = Signer(name: "Phan Thị Dạ Thảo", title: "PHÓ GIÁM ĐỐC", capacity: "KT.GIÁM ĐỐC")
        XCTAssertEqual(extractor.identity(of: quoted).signer, expected)
        let recipients = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Nơi nhận") })
        for written in ["  * Nơi nhận:", "\t**NƠI NHẬN:**", "Noi nhan:"] {
            lines[recipients] = written
            XCTAssertEqual(extractor.identity(of: lines.joined(separator: "\n")).signer, expected, written)
        }
        // Without "Nơi nhận", the first block of the plan is taken.
        lines[recipients] = "Gửi:"
        XCTAssertEqual(extractor.identity(of: lines.joined(separator: "\n")).signer?.name, "Nguyễn Văn Út")
    }

    /// The left column found at the first tab byte is the first piece of a
    /// split at tab Characters: on every line of the seed plans, and where a
    /// combining mark follows the tab.
    func testLeftColumnIsTheFirstPieceOfASplitAtTabs() throws {
        var lines = ["SỞ GIÁO DỤC VÀ ĐÀO TẠO\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "\tĐộc lập", "Số: 2421\t\u{0300}x", "", "\t"]
        for name in [SeedCorpus.longAn, SeedCorpus.thuThua, SeedCorpus.haiPhong, SeedCorpus.boGDDT, SeedCorpus.haQuang] {
            lines += try SeedCorpus.text(name).splitLines().map(String.init)
        }
        var withTabs = 0
        for line in lines {
            let split = line.split(separator: "\t", omittingEmptySubsequences: false).first.map(String.init) ?? line
            XCTAssertEqual(PlanIdentityExtractor.leftColumn(of: line), split, line)
            if line.contains("\t") { withTabs += 1 }
        }
        XCTAssertGreaterThan(withTabs, 5)
    }
}
