import XCTest
@testable import DocsearchKit

/// GET /plans/{id}: identity, full text, the query highlighted, and no way
/// out of the index by path.
final class PlanPageTests: XCTestCase {
    var thuThuaID: String { PlanRecord.id(forPath: Fixtures.corpus.appendingPathComponent(Fixtures.Seed.thuThua.rawValue).path) }

    func testPlanPageShowsIdentityAndFullTextWithTheQueryHighlighted() throws {
        let web = try WebTestServer.seed()
        let response = try web.get("/plans/\(thuThuaID)?q=" + WebTestServer.q("bình đẳng giới"))
        XCTAssertEqual(response.statusCode, 200)
        let html = response.bodyText
        XCTAssertTrue(html.contains("<dt>Mã</dt><dd>\(thuThuaID)</dd>"))
        XCTAssertTrue(html.contains("thu-thua-pgddt-2021-binh-dang-gioi.txt"))
        XCTAssertTrue(html.contains("Hoạt động Vì sự tiến bộ phụ nữ, <mark>bình</mark> <mark>đẳng</mark> <mark>giới</mark> năm 2021"), html)
        XCTAssertTrue(html.contains("Căn cứ Kế hoạch số 2274/KH-UBND ngày 09/4/2021"), "the full text is there")
        XCTAssertTrue(html.contains("‹ Quay lại kết quả cho “bình đẳng giới”"))
    }

    /// A plan of more than a megabyte: its page shows the first megabyte, says
    /// so, and names the file; its snippets come from the same start.
    func testALongPlanShowsItsFirstMegabyteAndSaysSo() throws {
        let folder = try Fixtures.scratch("long-plan")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try Fixtures.text(.boGDDT)
        var text = "", copies = 0
        while text.utf8.count < PlanLookup.shownTextLimit + (256 << 10) {
            text += plan + "\nPhụ lục \(copies)\n"
            copies += 1
        }
        try text.write(to: folder.appendingPathComponent("tong-hop.txt"), atomically: false, encoding: .utf8)
        let snapshot = try RobustnessSupport.index([folder.path], into: folder).1
        let record = try snapshot.record(segment: 0, doc: 0)
        let web = try WebTestServer(indexDirectory: folder.appendingPathComponent("idx").path)
        let response = try web.get("/plans/\(record.id)?q=" + WebTestServer.q("Chỉ thị 20"))
        XCTAssertEqual(response.statusCode, 200)
        let html = response.bodyText
        XCTAssertTrue(html.contains("Văn bản dài: trang này chỉ hiển thị khoảng 1 MB đầu tiên. Toàn văn nằm trong tệp"), String(html.suffix(300)))
        XCTAssertTrue(html.contains("Phụ lục 0\n"))
        XCTAssertFalse(html.contains("Phụ lục \(copies - 1)\n"), "the last appendix lies past the first megabyte")
        XCTAssertLessThan(response.body.count, text.utf8.count)
        // The directive the query names is marked where the plan cites it.
        let firstMark = try XCTUnwrap(html.range(of: "<mark>"))
        XCTAssertTrue(html[firstMark.lowerBound...].hasPrefix("<mark>Chỉ thị số 20-CT/TW</mark>"), String(html[firstMark.lowerBound...].prefix(80)))
        let api = try web.json("/api/search?q=" + WebTestServer.q("Chỉ thị 20"))
        let hit = try XCTUnwrap((api["hits"] as? [[String: Any]])?.first)
        XCTAssertNotNil(hit["snippet"], "\(hit.keys)")
    }

    func testWithoutAQueryNothingIsMarked() throws {
        let web = try WebTestServer.seed()
        let html = try web.get("/plans/\(thuThuaID)").bodyText
        XCTAssertFalse(html.contains("<mark>"))
        XCTAssertTrue(html.contains("Hoạt động Vì sự tiến bộ phụ nữ, bình đẳng giới năm 2021"))
    }

    func testEverySeedPlanHasAPage() throws {
        let web = try WebTestServer.seed()
        for seed in Fixtures.Seed.allCases {
            let id = PlanRecord.id(forPath: Fixtures.corpus.appendingPathComponent(seed.rawValue).path)
            XCTAssertEqual(try web.get("/plans/\(id)").statusCode, 200, seed.rawValue)
        }
    }

    func testUnknownPlanIs404Page() throws {
        let web = try WebTestServer.seed()
        let response = try web.get("/plans/0123456789ab")
        XCTAssertEqual(response.statusCode, 404)
        XCTAssertTrue(response.bodyText.contains("Không tìm thấy"))
        XCTAssertEqual(response.headers["content-type"], HTTPResponse.htmlContentType)
    }

    func testPathTraversalAndPathsInsteadOfIdsAre404() throws {
        let web = try WebTestServer.seed()
        let seedPath = Fixtures.corpus.appendingPathComponent(Fixtures.Seed.thuThua.rawValue).path
        for target in ["/plans/../../etc/passwd", "/plans/..%2F..%2Fetc%2Fpasswd", "/plans/%2Fetc%2Fpasswd",
                       "/plans/" + URLQuery.encode(seedPath), "/plans/" + Fixtures.Seed.thuThua.rawValue,
                       "/api/plans/..%2F..%2Fetc%2Fpasswd", "/plans/..", "/citations/..%2F..%2Fetc%2Fpasswd",
                       "/corpus/" + Fixtures.Seed.thuThua.rawValue, "/etc/passwd"] {
            let response = try web.get(target)
            XCTAssertEqual(response.statusCode, 404, target)
            XCTAssertFalse(response.bodyText.contains("root:"), target)
            XCTAssertFalse(response.bodyText.contains("Hoạt động Vì sự tiến bộ phụ nữ"), target)
        }
    }

    func testHeadAnswersWithoutBody() throws {
        let web = try WebTestServer.seed()
        let client = try HTTPTestClient(port: web.port)
        try client.send("HEAD /plans/\(thuThuaID) HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        let response = try client.readResponse(headRequest: true)
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertGreaterThan(Int(response.headers["content-length"] ?? "") ?? 0, 1000)
        XCTAssertTrue(response.body.isEmpty)
    }

    var longAnID: String { PlanRecord.id(forPath: Fixtures.corpus.appendingPathComponent(Fixtures.Seed.longAn.rawValue).path) }

    func testLongAnPageShowsAgenciesWithRolesAndTopicsWithReasons() throws {
        let web = try WebTestServer.seed()
        let html = try web.get("/plans/\(longAnID)").bodyText
        XCTAssertTrue(html.contains("<li><a href=\"/search?agency=S%E1%BB%9F%20Gi%C3%A1o%20d%E1%BB%A5c%20v%C3%A0%20%C4%90%C3%A0o%20t%E1%BA%A1o%20t%E1%BB%89nh%20Long%20An\">Sở Giáo dục và Đào tạo tỉnh Long An</a> <span class=\"count\">(cơ quan ban hành, ban hành văn bản được dẫn chiếu; viết là “Sở GD&amp;ĐT”)</span></li>"), html)
        XCTAssertTrue(html.contains("<li>Thanh tra Sở Giáo dục và Đào tạo tỉnh Long An <span class=\"count\">(được giao nhiệm vụ"), "only an issuer links to its plans")
        XCTAssertTrue(html.contains("<a href=\"/search?topic=nh%C3%A2n%20quy%E1%BB%81n\">nhân quyền</a> <span class=\"count\">(tiêu đề: nhân quyền, quyền con người"), html)
        XCTAssertTrue(html.contains("nội dung ×"), "the count of the topic's terms in the text")
        XCTAssertFalse(html.contains("absolutePath"))
    }

    /// The Long An plan cites Chỉ thị 44-CT/TW in its body and Kế hoạch 1373/KH-BCĐNQ as a basis;
    /// each links to the page of the plans citing it, which lists the Long An plan.
    func testLongAnCitationsLinkToTheirCitingPlans() throws {
        let web = try WebTestServer.seed()
        let html = try web.get("/plans/\(longAnID)").bodyText
        XCTAssertTrue(html.contains("<a href=\"/citations/44-CT%2FTW\">Chỉ thị 44-CT/TW</a> <span class=\"count\">(Nhắc đến trong nội dung"), html)
        XCTAssertTrue(html.contains("· <a href=\"/citations/44-CT%2FTW\">1 văn bản trích dẫn</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"/citations/1373%2FKH-BCDNQ\">Kế hoạch 1373/KH-BCĐNQ</a> <span class=\"count\">(Căn cứ"), html)
        let basis = try XCTUnwrap(html.range(of: "1373/KH-BCĐNQ</a>")), body = try XCTUnwrap(html.range(of: "44-CT/TW</a>"))
        XCTAssertLessThan(basis.lowerBound, body.lowerBound, "legal bases first")

        let citing = try web.get("/citations/44-CT%2FTW")
        XCTAssertEqual(citing.statusCode, 200)
        XCTAssertTrue(citing.bodyText.contains("<h1>Các văn bản trích dẫn Chỉ thị 44-CT/TW</h1>"), citing.bodyText)
        XCTAssertTrue(citing.bodyText.contains("Ban Bí thư"), "the issuer as the citing plan gives it")
        XCTAssertTrue(citing.bodyText.contains("<a href=\"/plans/\(longAnID)\">"))
        XCTAssertTrue(citing.bodyText.contains("1 văn bản trích dẫn văn bản này."))
    }

    /// The citation page takes a symbol as written, or words as `docsearch cites` does.
    func testCitationPageBySymbolAndByReferenceWords() throws {
        let web = try WebTestServer.seed()
        let haQuangID = PlanRecord.id(forPath: Fixtures.corpus.appendingPathComponent(Fixtures.Seed.haQuang.rawValue).path)
        let bySymbol = try web.get("/citations/" + URLQuery.encode("1373/QĐ-TTg")).bodyText
        XCTAssertTrue(bySymbol.contains("<h1>Các văn bản trích dẫn Quyết định 1373/QĐ-TTg</h1>"), bySymbol)
        XCTAssertTrue(bySymbol.contains("/plans/\(haQuangID)"))
        XCTAssertFalse(bySymbol.contains("/plans/\(longAnID)"), "1373/KH-BCĐNQ is another document")

        let byWords = try web.get("/citations/" + URLQuery.encode("Chỉ thị 44"))
        XCTAssertEqual(byWords.statusCode, 200)
        XCTAssertTrue(byWords.bodyText.contains("/plans/\(longAnID)"), byWords.bodyText)
        XCTAssertTrue(byWords.bodyText.contains("Chỉ thị 44-CT/TW"))
        XCTAssertEqual(try web.get("/citations/" + URLQuery.encode("Chỉ thị 45")).statusCode, 404)
        XCTAssertEqual(try web.get("/citations/" + URLQuery.encode("bình đẳng")).statusCode, 404)
    }

    /// A plan written like the Long An one, resting on the same 1373/KH-BCĐNQ and citing
    /// 44-CT/TW as a basis: the two are related, through those two documents.
    func testRelatedPlansShowTheSharedDocuments() throws {
        let corpus = try Fixtures.corpusCopy()
        let sibling = """
        UBND TỈNH LONG AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
        Số: 1710/KH-SLĐTBXH\tLong An, ngày 10 tháng 8 năm 2023

        KẾ HOẠCH
        Tuyên truyền, giáo dục về quyền con người năm 2023

        Thực hiện Kế hoạch số 1373/KH-BCĐNQ ngày 23/6/2023 của Ban Chỉ đạo nhân quyền tỉnh Long An; Chỉ thị số 44-CT/TW ngày 20/7/2010 của Ban Bí thư, Sở Lao động - Thương binh và Xã hội xây dựng kế hoạch như sau:
        I. MỤC ĐÍCH, YÊU CẦU
        Nâng cao nhận thức về quyền con người cho người lao động.
        """
        try Data(sibling.utf8).write(to: corpus.appendingPathComponent("sibling.txt"))
        let dir = try Fixtures.scratch("related-web").path
        _ = try IndexWriter.run(IndexWriter.Options(directory: dir, roots: [corpus.path]))
        let web = try WebTestServer(indexDirectory: dir)
        let snapshot = try IndexSnapshot.open(directory: dir)
        let longAn = try PlanLookup.find(Fixtures.Seed.longAn.rawValue, in: snapshot).record
        let siblingID = try PlanLookup.find("sibling.txt", in: snapshot).record.id

        let api = try JSONDecoder().decode(MetadataJSON.Related.self, from: Data(try web.get("/api/plans/\(longAn.id)/related").body))
        XCTAssertEqual(api.related, RelatedPlans.related(to: longAn.id, in: try CitationGraph(snapshot: snapshot), limit: 10))
        XCTAssertEqual(api.related.map(\.id), [siblingID])
        XCTAssertEqual(api.related.first?.shared.map(\.symbol), ["1373/KH-BCĐNQ", "44-CT/TW"])

        let html = try web.get("/plans/\(longAn.id)").bodyText
        XCTAssertTrue(html.contains("<li><a href=\"/plans/\(siblingID)\">Tuyên truyền, giáo dục về quyền con người năm 2023</a> <span class=\"count\">cùng trích dẫn: <a href=\"/citations/1373%2FKH-BCDNQ\">1373/KH-BCĐNQ</a> (cùng là căn cứ), <a href=\"/citations/44-CT%2FTW\">44-CT/TW</a></span></li>"), html)
        let citing = try web.get("/citations/44-CT%2FTW").bodyText
        XCTAssertTrue(citing.contains("2 văn bản trích dẫn văn bản này."), citing)
        XCTAssertTrue(citing.contains("/plans/\(siblingID)") && citing.contains("/plans/\(longAn.id)"))
        XCTAssertTrue(citing.contains("Căn cứ") && citing.contains("Nhắc đến trong nội dung"), "how each plan cites it")
    }

    func testCitationsLinkToTheirPageAndRelatedPlansAreListed() {
        let basis = CitationRecord(key: "20-CT/TW", symbol: "20-CT/TW", kind: "Chỉ thị", role: "legalBasis", mentions: 2)
        let record = PlanRecord(id: "abc", path: "a.txt", absolutePath: "/a.txt", encoding: "UTF-8", title: "Kế hoạch",
                                number: "12/KH-UBND", issuer: "UBND huyện Hà Quảng", signer: "Nguyễn Văn A", citations: [basis])
        let graph = CitationGraph(records: [record] + (0..<6).map {
            PlanRecord(id: "p\($0)", path: "p\($0).txt", absolutePath: "/p\($0).txt", encoding: "UTF-8", title: "Kế hoạch \($0)", citations: [basis])
        })
        let other = RelatedPlan(id: "def", path: "b.txt", title: "Kế hoạch <khác>", score: 1,
                                shared: [.init(key: "20-CT/TW", symbol: "20-CT/TW", bothLegalBasis: true, weight: 1)])
        let topic = TopicAssignment(topic: "Giáo dục", score: 12, titleTerms: ["giáo dục"], textCount: 0, textTerms: [])
        var withTopic = record
        withTopic.topics = [topic]
        let html = PlanPage.html(.init(record: withTopic, cited: ["20-CT/TW": try! XCTUnwrap(graph.document("20-CT/TW"))],
                                       citedBy: [], related: [other], text: "Căn cứ Chỉ thị 20-CT/TW", query: "", marks: []))
        XCTAssertTrue(html.contains("<a href=\"/citations/20-CT%2FTW\">Chỉ thị 20-CT/TW</a> <span class=\"count\">(Căn cứ)</span> · <a href=\"/citations/20-CT%2FTW\">7 văn bản trích dẫn</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"/plans/def\">Kế hoạch &lt;khác&gt;</a>"))
        XCTAssertTrue(html.contains("<dd>UBND huyện Hà Quảng</dd>"))
        XCTAssertTrue(html.contains("<a href=\"/search?topic=Gi%C3%A1o%20d%E1%BB%A5c\">Giáo dục</a> <span class=\"count\">(tiêu đề: giáo dục)</span>"), html)
    }
}
