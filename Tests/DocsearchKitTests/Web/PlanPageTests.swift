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

    func testCitationsLinkToTheirPageAndRelatedPlansAreListed() {
        let basis = CitationRecord(key: "20-CT/TW", symbol: "20-CT/TW", kind: "Chỉ thị", role: "basis", mentions: 2)
        let record = PlanRecord(id: "abc", path: "a.txt", absolutePath: "/a.txt", encoding: "UTF-8", title: "Kế hoạch",
                                number: "12/KH-UBND", issuer: "UBND huyện Hà Quảng", signer: "Nguyễn Văn A", citations: [basis])
        let other = PlanRecord(id: "def", path: "b.txt", absolutePath: "/b.txt", encoding: "UTF-8", title: "Kế hoạch <khác>")
        let html = PlanPage.html(.init(record: record, topics: ["Giáo dục"], citingCounts: ["20-CT/TW": 7], citedBy: [],
                                       related: [other], text: "Căn cứ Chỉ thị 20-CT/TW", query: "", marks: []))
        XCTAssertTrue(html.contains("<a href=\"/citations/20-CT%2FTW\">Chỉ thị 20-CT/TW</a> <span class=\"count\">(Căn cứ, 7 văn bản trích dẫn)</span>"), html)
        XCTAssertTrue(html.contains("<a href=\"/plans/def\">Kế hoạch &lt;khác&gt;</a>"))
        XCTAssertTrue(html.contains("<dd>UBND huyện Hà Quảng</dd>"))
        XCTAssertTrue(html.contains("<a href=\"/search?topic=Gi%C3%A1o%20d%E1%BB%A5c\">Giáo dục</a>"))
    }
}
