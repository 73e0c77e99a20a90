import XCTest
@testable import DocsearchKit

final class AgencyResolverTests: XCTestCase {
    private let resolver = AgencyResolver()

    private func context(_ seed: Fixtures.Seed) throws -> (AgencyContext, PlanIdentity, String) {
        let text = TextNormalizer.normalize(try Fixtures.text(seed))
        let id = PlanIdentityExtractor().identity(of: text)
        return (resolver.context(identity: id, text: text), id, text)
    }

    func testPeoplesCommitteeFormsAreOneAgencyInALongAnPlan() throws {
        let (ctx, _, _) = try context(.longAn)
        let names = ["UBND TỈNH LONG AN", "Ủy ban nhân dân tỉnh Long An", "Uỷ ban nhân dân tỉnh Long An", "UBND tỉnh"]
            .map { resolver.resolve($0, context: ctx)?.canonicalName }
        XCTAssertEqual(Set(names.compactMap { $0 }), ["Ủy ban nhân dân tỉnh Long An"])
        XCTAssertEqual(names.count, 4)
        XCTAssertFalse(names.contains(nil))
        XCTAssertEqual(resolver.resolve("UBND tỉnh", context: ctx)?.level, .province)
    }

    func testEducationDepartmentFormsTakeTheirProvinceOrDistrict() throws {
        let (longAn, _, _) = try context(.longAn)
        for form in ["Sở GD&ĐT", "Sở GDĐT", "Sở Giáo dục và Đào tạo", "SGDĐT"] {
            XCTAssertEqual(resolver.resolve(form, context: longAn)?.canonicalName, "Sở Giáo dục và Đào tạo tỉnh Long An", form)
        }
        let (haiPhong, _, _) = try context(.haiPhong)
        XCTAssertEqual(resolver.resolve("Sở GD&ĐT", context: haiPhong)?.canonicalName, "Sở Giáo dục và Đào tạo thành phố Hải Phòng")
        let (thuThua, _, _) = try context(.thuThua)
        for form in ["Phòng GD&ĐT", "Phòng GDĐT", "Phòng Giáo dục và Đào tạo"] {
            XCTAssertEqual(resolver.resolve(form, context: thuThua)?.canonicalName, "Phòng Giáo dục và Đào tạo huyện Thủ Thừa", form)
        }
        for form in ["Bộ GDĐT", "Bộ Giáo dục và Đào tạo", "BGDĐT", "Bộ GD&ĐT"] {
            let a = resolver.resolve(form, context: thuThua)
            XCTAssertEqual(a?.canonicalName, "Bộ Giáo dục và Đào tạo", form)
            XCTAssertEqual(a?.level, .ministry, form)
        }
    }

    func testOfficesWhosePlaceCannotBeKnownAndGroupsAreNotAgencies() throws {
        let (longAn, _, _) = try context(.longAn)
        XCTAssertNil(resolver.resolve("UBND huyện", context: longAn), "a provincial plan does not say which district")
        XCTAssertNil(resolver.resolve("Các phòng GD&ĐT cấp huyện", context: longAn))
        XCTAssertNil(resolver.resolve("Như trên", context: longAn))
        XCTAssertNil(resolver.resolve("Chánh Văn phòng", context: longAn))
    }

    func testCodesExpandToTheirAgencies() {
        let expected = ["BCĐNQ": "Ban Chỉ đạo nhân quyền", "TTg": "Thủ tướng Chính phủ", "CP": "Chính phủ", "TW": "Trung ương",
                        "BTGTW": "Ban Tuyên giáo Trung ương", "BTC": "Bộ Tài chính", "BTP": "Bộ Tư pháp", "STP": "Sở Tư pháp",
                        "BCDNQ": "Ban Chỉ đạo nhân quyền", "ttg": "Thủ tướng Chính phủ"]
        for (code, name) in expected { XCTAssertEqual(DocumentCodes.agency(forCode: code)?.name, name, code) }
        XCTAssertEqual(DocumentCodes.agency(forCode: "TW")?.level, .party)
    }

    func testRolesInTheLongAnPlan() throws {
        let (_, id, text) = try context(.longAn)
        let agencies = resolver.agencies(in: text, identity: id, citations: CitationExtractor().citations(in: text))
        func roles(_ name: String) -> [AgencyRole] { agencies.first { $0.name == name }?.roles ?? [] }
        XCTAssertEqual(agencies.first?.name, "Sở Giáo dục và Đào tạo tỉnh Long An")
        XCTAssertTrue(roles("Sở Giáo dục và Đào tạo tỉnh Long An").contains(.issuer))
        XCTAssertEqual(roles("Ban Chỉ đạo nhân quyền tỉnh Long An"), [.citedIssuer])
        XCTAssertEqual(roles("Thanh tra Sở Giáo dục và Đào tạo tỉnh Long An"), [.assignee])
        XCTAssertEqual(roles("Ủy ban nhân dân tỉnh Long An"), [.recipient])
        XCTAssertEqual(roles("Sở Tư pháp tỉnh Long An"), [.recipient])
        XCTAssertEqual(roles("Bộ Giáo dục và Đào tạo"), [.recipient], "from “Bộ GD&ĐT-Vụ Pháp Chế”")
        XCTAssertEqual(Set(agencies.map(\.name)).count, agencies.count, "each agency once")
    }

    func testAssigneesUnderToChucThucHien() throws {
        let (_, hpId, hpText) = try context(.haiPhong)
        let hp = resolver.agencies(in: hpText, identity: hpId, citations: [])
        XCTAssertTrue(hp.contains { $0.name == "Văn phòng Sở Giáo dục và Đào tạo thành phố Hải Phòng" && $0.roles == [.assignee] })
        XCTAssertTrue(hp.contains { $0.name == "Thanh tra Sở Giáo dục và Đào tạo thành phố Hải Phòng" && $0.roles.contains(.assignee) })
        let (_, hqId, hqText) = try context(.haQuang)
        let hq = resolver.agencies(in: hqText, identity: hqId, citations: [])
        XCTAssertTrue(hq.contains { $0.name == "Phòng Văn hóa và Thông tin huyện Hà Quảng" && $0.roles == [.assignee] })
        XCTAssertTrue(hq.contains { $0.name == "Sở Thông tin và Truyền thông tỉnh Cao Bằng" && $0.roles == [.recipient] },
                      "a district plan's province comes from the committee it cites")
        XCTAssertFalse(hq.contains { $0.name.hasPrefix("Ban huyện") }, "“Các Phòng, Ban, ngành” is a group")
    }

    /// The lines passed by their first byte are lines no branch of the
    /// assignee and recipient scans acts on: every line of the seed plans and
    /// of law articles, and headings, "Nơi nhận" and "Đơn vị chủ trì" lines
    /// led by markdown, blanks and every ASCII byte; and the scans find what
    /// they find in a plan whose lines are led otherwise.
    func testLinesPassedByTheirFirstByteAreNoneTheScansRead() throws {
        var lines: [String] = []
        for (_, text) in TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 20) {
            lines += TextNormalizer.normalize(text).splitLines().map(String.init)
        }
        let bodies = ["III. TỔ CHỨC THỰC HIỆN", "IV) Tổ chức", "Nơi nhận:", "NƠI NHẬN", "noi nhan", "- Đơn vị chủ trì: Sở Y tế",
                      "đơn vị chủ trì: Sở Tư pháp", "Don vi chu tri: Phong", "2. Văn phòng Sở", "12) Thanh tra", "X. Khác", "L. Khác"]
        for body in bodies {
            lines += ["", " ", "\t", "**", "# ", " * "].map { $0 + body }
            lines += (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) + body }
        }
        var acted = 0
        for raw in lines {
            let line = raw.trimming(" \t*#")
            let assignee = AgencyResolver.romanHeading(line) != nil
                || !Folding.foldUnlessRuledOut(line, by: ["noi nhan", "- don vi chu tri:", "don vi chu tri:"]).isEmpty
            let numbered = AgencyResolver.numberedHeading(line) != nil
            let recipient = Folding.foldedHasPrefix(raw.trimmingSpaces(), "noi nhan")
            if assignee || numbered || recipient { acted += 1 }
            if let lead = AgencyResolver.leadByte(of: raw, skipping: " \t*#"), lead < 0x80 {
                if assignee { XCTAssertTrue(AgencyResolver.mayLeadAssigneeLine(lead, inSection: false), raw) }
                if numbered { XCTAssertTrue(AgencyResolver.mayLeadAssigneeLine(lead, inSection: true), raw) }
            }
            if recipient, let lead = AgencyResolver.leadByte(of: raw, skipping: " \t"), lead < 0x80 {
                XCTAssertEqual(lead | 0x20, UInt8(ascii: "n"), raw)
            }
        }
        XCTAssertGreaterThan(acted, 300)
        let plan = ["KẾ HOẠCH", "III. TỔ CHỨC THỰC HIỆN", "1. Thanh tra Sở", "Căn cứ", "2. Văn phòng Sở, Phòng Giáo dục Tiểu học",
                    "- Đơn vị chủ trì: Sở Tư pháp", "x", "Nơi nhận:", "- UBND tỉnh;", "- Sở Y tế;", "- Lưu: VT."]
        XCTAssertEqual(resolver.assigneeNames(lines: plan), ["Thanh tra Sở", "Văn phòng Sở", "Phòng Giáo dục Tiểu học", "Sở Tư pháp"])
        XCTAssertEqual(resolver.recipientNames(lines: plan), ["UBND tỉnh", "Sở Y tế"])
    }

    func testCitedIssuerWrittenShortOrNotAtAllTakesTheNextSameCode() throws {
        let text = TextNormalizer.normalize(try Fixtures.text(.thuThua))
        let id = PlanIdentityExtractor().identity(of: text)
        let docs = CitationExtractor().citations(in: text)
        let issuers = resolver.citedIssuers(docs, context: resolver.context(identity: id, text: text))
        let byKey = Dictionary(uniqueKeysWithValues: zip(docs.map(\.key), issuers.map { $0?.canonicalName }))
        XCTAssertEqual(byKey["1691/QD-UBND"] ?? nil, "Ủy ban nhân dân tỉnh Long An", "“1691/QĐ-UBND … và 3306/QĐ-UBND … của UBND tỉnh Long An”")
        XCTAssertEqual(byKey["2274/KH-UBND"] ?? nil, "Ủy ban nhân dân huyện Thủ Thừa")
        XCTAssertEqual(byKey["21-CT/TW"] ?? nil, "Ban Bí thư")
    }

    /// The first mention a predicate takes is the first of all the mentions
    /// it takes, in the seed plans and a tenth of the law articles: the
    /// first of all, a provincial committee, one of a code found late in the
    /// text, and none.
    func testFirstMentionIsTheFirstOfAllMentionsItTakes() throws {
        let parser = AgencyNameParser()
        var found = 0, late = 0
        for (_, text) in TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 10) {
            let analyzed = AnalyzedText(TextNormalizer.normalize(text))
            let all = parser.mentions(in: analyzed)
            let lastCode = all.last?.agency.code
            let predicates: [(AgencyMention) -> Bool] = [
                { _ in true },
                { $0.agency.code == "UBND" && $0.agency.level == .province && $0.agency.place != nil },
                { $0.agency.code == lastCode },
                { _ in false },
            ]
            for accept in predicates {
                let first = parser.firstMention(in: analyzed, where: accept)
                XCTAssertEqual(first, all.first(where: accept))
                if first != nil { found += 1 }
            }
            if let i = all.firstIndex(where: { $0.agency.code == lastCode }), i > 0 { late += 1 }
        }
        XCTAssertGreaterThan(found, 20)
        XCTAssertGreaterThan(late, 3)
    }

    /// The issuers of a plan's citations, given as worked out, give the
    /// agencies worked out without them (the seed plans), and are what the
    /// cited issuers come from: given none, none is named so.
    func testAgenciesFromIssuersWorkedOutBefore() throws {
        var citedIssuers = 0
        for seed in Fixtures.Seed.allCases {
            let (ctx, id, text) = try context(seed)
            let cited = CitationExtractor().citations(in: text)
            let issuers = resolver.citedIssuers(cited, context: ctx)
            let given = resolver.agencies(in: text, identity: id, citations: cited, context: ctx, citedIssuers: issuers)
            XCTAssertEqual(given, resolver.agencies(in: text, identity: id, citations: cited, context: ctx), "\(seed)")
            citedIssuers += given.filter { $0.roles.contains(.citedIssuer) }.count
            let none = resolver.agencies(in: text, identity: id, citations: cited, context: ctx,
                                         citedIssuers: issuers.map { _ in nil })
            XCTAssertFalse(none.contains { $0.roles.contains(.citedIssuer) }, "\(seed)")
        }
        XCTAssertGreaterThan(citedIssuers, 5)
    }

    /// A footnote number glued to an agency's last word ("Sở GD&ĐT1") is
    /// dropped, ASCII digits or not; a word without one comes back as it is.
    func testFootnoteMarkersAreDroppedFromTheLastWord() {
        XCTAssertEqual(AgencyNameParser.withoutFootnoteMarker("gddt1"), "gddt")
        XCTAssertEqual(AgencyNameParser.withoutFootnoteMarker("phap12"), "phap")
        XCTAssertEqual(AgencyNameParser.withoutFootnoteMarker("duc²"), "duc")
        XCTAssertEqual(AgencyNameParser.withoutFootnoteMarker("2023"), "2", "one character is always kept")
        XCTAssertEqual(AgencyNameParser.withoutFootnoteMarker("dục"), "dục")
        XCTAssertEqual(AgencyNameParser.withoutFootnoteMarker("so"), "so")
        XCTAssertEqual(AgencyNameParser.withoutFootnoteMarker("7"), "7")
        XCTAssertEqual(AgencyNameParser.withoutFootnoteMarker("²1"), "²")
        XCTAssertEqual(AgencyNameParser.withoutFootnoteMarker("1²"), "1")
        XCTAssertEqual(AgencyNameParser.withoutFootnoteMarker("đt²1"), "đt")
    }

    /// Every word of the seed plans and of a tenth of the law articles,
    /// folded and as written, and every scalar from U+00A0 to U+02FF and in
    /// Latin Extended Additional alone, ending a word and before a digit,
    /// loses what the walk over its Characters drops, which the byte scans
    /// (ASCII digits; a Latin letter last) stand in for.
    func testFootnoteMarkersAsTheCharacterWalkDropsThem() throws {
        func walked(_ word: String) -> String {
            var w = word
            while let last = w.last, last.isNumber, w.count > 1 { w.removeLast() }
            return w
        }
        var numbers = 0
        var words: [String] = []
        for (_, text) in TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 10) {
            for token in Analyzer().tokens(in: TextNormalizer.normalize(text)) {
                words += [token.folded, token.exact]
                if token.folded.utf8.last.map({ (0x30...0x39).contains($0) }) == true { numbers += 1 }
            }
        }
        for v in Array(0xA0...0x2FF) + Array(0x1E00...0x1EFF) {
            let s = String(Unicode.Scalar(UInt32(v))!)
            words += [s, "a" + s, "a" + s + "1", s + "²", "1" + s]
        }
        for word in words {
            XCTAssertEqual(AgencyNameParser.withoutFootnoteMarker(word), walked(word), word)
        }
        XCTAssertGreaterThan(numbers, 1000)
    }

    /// A name cleaned by a scan of its bytes, where it holds no parenthesis
    /// and no loose space, is what the walk over its Characters gives: every
    /// line of the seed plans, the issuers their citations name, and names
    /// with tabs, doubled spaces, brackets and a space carrying a combining mark.
    func testCleaningSkipsOnlyTheWalksThatChangeNothing() throws {
        func walked(_ s: String) -> String {
            var out = ""
            var depth = 0
            for ch in s {
                if ch == "(" { depth += 1; continue }
                if ch == ")" { depth = max(0, depth - 1); continue }
                if depth == 0 { out.append(ch) }
            }
            out = out.trimming(" \t*·•-+;:,./")
            if Folding.foldedHasPrefix(out, "doi voi ") { out = String(out.dropFirst("đối với ".count)) }
            return out.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }
        var names = ["  Sở  GD&ĐT ", "Bộ\tGiáo dục và Đào tạo", "Ủy ban nhân dân (tỉnh) Long An", "(UBND) tỉnh",
                     "Sở \u{0300}Tư pháp", " \u{0300}Sở", "Sở Tư pháp \u{0300}", "đối với Sở Y tế", "", " ", "·Sở Nội vụ;"]
        for seed in Fixtures.Seed.allCases {
            let text = TextNormalizer.normalize(try Fixtures.text(seed))
            names += text.splitLines().map(String.init)
            names += CitationExtractor().citations(in: AnalyzedText(text)).compactMap(\.citation.issuerText)
        }
        XCTAssertGreaterThan(names.count, 500)
        var changed = 0
        for name in names {
            XCTAssertEqual(AgencyResolver.clean(name), walked(name), name)
            if walked(name) != name { changed += 1 }
        }
        // The walk changed many of them, so both ways were compared.
        XCTAssertGreaterThan(changed, 100)
    }
}
