import XCTest
@testable import DocsearchKit

/// GET / and GET /search over the seed corpus: hits, highlights, the query
/// echoed, the relaxed notice, facet links and pagination.
final class SearchPageTests: XCTestCase {
    func testHomePageIsAVietnameseHTML5FormWithoutScript() throws {
        let web = try WebTestServer.seed()
        let response = try web.get("/")
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(response.headers["content-type"], HTTPResponse.htmlContentType)
        let html = response.bodyText
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<html lang=\"vi\">"))
        XCTAssertTrue(html.contains("<meta name=\"viewport\""))
        XCTAssertTrue(html.contains("<form class=\"search\" action=\"/search\""))
        for facet in FacetName.formFilters { XCTAssertTrue(html.contains("name=\"\(facet.rawValue)\""), facet.rawValue) }
        XCTAssertTrue(html.contains("Chỉ mục có 5 văn bản"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("http://"), "no external asset")
        XCTAssertNotNil(response.headers["content-security-policy"])
    }

    func testSearchShowsHighlightedHitsForBinhDangGioi() throws {
        let web = try WebTestServer.seed()
        let response = try web.get("/search?q=" + WebTestServer.q("bình đẳng giới"))
        XCTAssertEqual(response.statusCode, 200)
        let html = response.bodyText
        XCTAssertTrue(html.contains("Tìm thấy <strong>2</strong> văn bản"), html)
        XCTAssertTrue(html.contains("thu-thua-pgddt-2021-binh-dang-gioi.txt"))
        XCTAssertTrue(html.contains("long-an-sgddt-2023-nhan-quyen.txt"))
        XCTAssertTrue(html.contains("<mark>bình</mark> <mark>đẳng</mark> <mark>giới</mark>"))
        XCTAssertTrue(html.contains("value=\"bình đẳng giới\""), "the query is echoed in the box")
        // The best hit links to its plan page, carrying the query.
        let id = PlanRecord.id(forPath: Fixtures.corpus.appendingPathComponent(Fixtures.Seed.thuThua.rawValue).path)
        XCTAssertTrue(html.contains("href=\"/plans/\(id)?q=b%C3%ACnh%20%C4%91%E1%BA%B3ng%20gi%E1%BB%9Bi\""), html)
    }

    func testPlusIsASpaceAndFoldedQueriesFindTheSamePlans() throws {
        let web = try WebTestServer.seed()
        let html = try web.get("/search?q=binh+dang+gioi").bodyText
        XCTAssertTrue(html.contains("value=\"binh dang gioi\""))
        XCTAssertTrue(html.contains("thu-thua-pgddt-2021-binh-dang-gioi.txt"))
        XCTAssertTrue(html.contains("<mark>bình</mark>"))
    }

    func testQueryIsEchoedEscaped() throws {
        let web = try WebTestServer.seed()
        let evil = "\"><script>alert(1)</script> giới"
        let html = try web.get("/search?q=" + WebTestServer.q(evil)).bodyText
        XCTAssertFalse(html.contains("<script>alert(1)"))
        XCTAssertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; giới\""), html)
    }

    func testRelaxedNoticeWhenNoPlanHasEveryWord() throws {
        let web = try WebTestServer.seed()
        // Six words make a long query: most of them are enough.
        let html = try web.get("/search?q=" + WebTestServer.q("vì sự tiến bộ phụ nữ khủnglong")).bodyText
        let api = try web.json("/api/search?q=" + WebTestServer.q("giới khủnglong"))
        XCTAssertEqual(api["relaxed"] as? Bool, true)
        XCTAssertTrue(try web.get("/search?q=" + WebTestServer.q("giới khủnglong")).bodyText.contains("Không văn bản nào có đủ mọi từ khoá"))
        XCTAssertFalse(html.contains("class=\"notice\""), "five of six words are enough for a long query")
    }

    func testNoHitsSaysSo() throws {
        let web = try WebTestServer.seed()
        let html = try web.get("/search?q=khủnglong").bodyText
        XCTAssertTrue(html.contains("Tìm thấy <strong>0</strong> văn bản"))
        XCTAssertTrue(html.contains("Không có kết quả"))
    }

    func testBadPageIs400NamingTheParameter() throws {
        let web = try WebTestServer.seed()
        for page in ["0", "abc", "-1", "99999999"] {
            let response = try web.get("/search?q=gi%E1%BB%9Bi&page=\(page)")
            XCTAssertEqual(response.statusCode, 400, page)
            XCTAssertTrue(response.bodyText.contains("Tham số “page”"), response.bodyText)
        }
    }

    func testFacetCountsBecomeLinksAndActiveFiltersCanBeRemoved() {
        let parameters = SearchParameters(query: "bình đẳng giới", filters: [(.year, "2021")])
        let results = SearchResults(query: QueryParser().parse("bình đẳng giới"), total: 3, hits: [], relaxed: false,
                                    facets: ["agency": [.init(value: "Sở GD&ĐT Long An", count: 2)],
                                             "year": [.init(value: "2021", count: 3)]])
        let html = SearchPage.html(.init(parameters: parameters, page: 1, results: results, snippets: [], choices: [:]))
        XCTAssertTrue(html.contains("<a href=\"/search?q=b%C3%ACnh%20%C4%91%E1%BA%B3ng%20gi%E1%BB%9Bi&amp;agency=S%E1%BB%9F%20GD%26%C4%90T%20Long%20An&amp;year=2021\">Sở GD&amp;ĐT Long An</a> <span class=\"count\">(2)</span>"), html)
        XCTAssertTrue(html.contains("<li class=\"active\">2021 · <a href=\"/search?q=b%C3%ACnh%20%C4%91%E1%BA%B3ng%20gi%E1%BB%9Bi\">bỏ lọc</a>"), html)
    }

    func testPaginationLinksKeepTheSearchAndMarkTheCurrentPage() {
        let parameters = SearchParameters(query: "giới", filters: [(.agency, "Sở")])
        let results = SearchResults(query: QueryParser().parse("giới"), total: 35, hits: [], relaxed: false, facets: [:])
        let html = SearchPage.html(.init(parameters: parameters, page: 2, results: results, snippets: [], choices: [:]))
        XCTAssertTrue(html.contains("<span class=\"current\" aria-current=\"page\">2</span>"))
        XCTAssertTrue(html.contains("href=\"/search?q=gi%E1%BB%9Bi&amp;agency=S%E1%BB%9F&amp;page=4\">4</a>"), html)
        XCTAssertTrue(html.contains("href=\"/search?q=gi%E1%BB%9Bi&amp;agency=S%E1%BB%9F\">‹ Trước</a>"))
        XCTAssertFalse(html.contains("page=5"), "35 plans make 4 pages of 10")
    }

    /// The form lists the issuing agencies of the index; choosing one narrows the results to
    /// its plans, and so does the short form people type ("Sở GD&ĐT Long An").
    func testAgencyFacetFiltersTheSeedPlans() throws {
        let web = try WebTestServer.seed()
        let home = try web.get("/").bodyText
        XCTAssertTrue(home.contains("<option value=\"Sở Giáo dục và Đào tạo tỉnh Long An\">Sở Giáo dục và Đào tạo tỉnh Long An (1)</option>"), home)
        XCTAssertTrue(home.contains("<option value=\"Phòng Giáo dục và Đào tạo huyện Thủ Thừa\">"))

        for agency in ["Sở Giáo dục và Đào tạo tỉnh Long An", "Sở GD&ĐT Long An"] {
            let html = try web.get("/search?q=" + WebTestServer.q("giáo dục") + "&agency=" + WebTestServer.q(agency)).bodyText
            XCTAssertTrue(html.contains("Tìm thấy <strong>1</strong> văn bản"), agency)
            XCTAssertTrue(html.contains(Fixtures.Seed.longAn.rawValue), agency)
            XCTAssertFalse(html.contains(Fixtures.Seed.haiPhong.rawValue), "the Hải Phòng Sở is another agency")
            XCTAssertTrue(html.contains("<li class=\"active\">\(HTML.escape(agency)) · <a href=\"/search?q=gi%C3%A1o%20d%E1%BB%A5c\">bỏ lọc</a>"), html)
        }
        let unfiltered = try web.json("/api/search?q=" + WebTestServer.q("giáo dục"))
        XCTAssertGreaterThan(unfiltered["total"] as? Int ?? 0, 1)
        let byTopic = try web.json("/api/search?topic=" + WebTestServer.q("bình đẳng giới"))
        XCTAssertEqual((byTopic["hits"] as? [[String: Any]])?.compactMap { ($0["path"] as? String).map { ($0 as NSString).lastPathComponent } },
                       [Fixtures.Seed.thuThua.rawValue])
    }

    func testFormOffersFacetValuesAsChoicesWithTheSelectedOneKept() {
        let html = SearchForm.html(SearchParameters(query: "", filters: [(.type, "Kế hoạch")]),
                                   choices: [.type: [.init(value: "Kế hoạch", count: 4), .init(value: "Chỉ thị", count: 1)]])
        XCTAssertTrue(html.contains("<option value=\"Kế hoạch\" selected>Kế hoạch (4)</option>"))
        XCTAssertTrue(html.contains("<option value=\"Chỉ thị\">Chỉ thị (1)</option>"))
        XCTAssertTrue(html.contains("<input type=\"text\" name=\"agency\""), "a facet without values gets a text box")
    }
}
