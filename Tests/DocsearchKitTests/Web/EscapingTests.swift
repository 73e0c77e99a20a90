import XCTest
@testable import DocsearchKit

/// Everything from a document or a query reaches a page escaped, and no user input reaches a header.
final class EscapingTests: XCTestCase {
    func testEscapeCoversTextAndAttributes() {
        XCTAssertEqual(HTML.escape("<script>alert('x') & \"y\"</script>"),
                       "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        XCTAssertEqual(HTML.escape("Sở GD&ĐT"), "Sở GD&amp;ĐT")
        XCTAssertEqual(HTML.escape("bình đẳng giới"), "bình đẳng giới")
        XCTAssertEqual(HTML.escape("a\u{0}b\u{7}c\nd"), "a b c\nd", "control characters are not valid HTML text")
    }

    func testHighlightedEscapesInsideAndOutsideMarks() {
        let text = "<b>bình</b> đẳng"
        let start = "<b>".utf8.count, end = start + "bình".utf8.count
        XCTAssertEqual(HTML.highlighted(text, marks: [start..<end, 0..<200, (end - 1)..<end]),
                       "&lt;b&gt;<mark>bình</mark>&lt;/b&gt; đẳng", "out-of-range and overlapping marks are ignored")
    }

    func testURLQueryEncodesEverythingButUnreserved() {
        XCTAssertEqual(URLQuery.encode("Chỉ thị 20-CT/TW&x=\"1\""), "Ch%E1%BB%89%20th%E1%BB%8B%2020-CT%2FTW%26x%3D%221%22")
        XCTAssertEqual(PercentDecoding.decode(Array(URLQuery.encode("bình đẳng + giới").utf8), plusAsSpace: true), "bình đẳng + giới")
    }

    func testAPlanHoldingScriptShowsItAsText() throws {
        let corpus = try Fixtures.scratch("escape-corpus")
        let hostile = """
        <script>alert(1)</script> KẾ HOẠCH <img src=x onerror=alert(2)>
        Tổ chức tuyên truyền bình đẳng giới "an toàn" & hiệu quả <script>alert(1)</script> năm 2024.
        """
        try hostile.write(to: corpus.appendingPathComponent("hostile.txt"), atomically: true, encoding: .utf8)
        try Fixtures.text(.thuThua).write(to: corpus.appendingPathComponent("thu-thua.txt"), atomically: true, encoding: .utf8)
        let index = try Fixtures.scratch("escape-index").path
        _ = try IndexWriter.run(IndexWriter.Options(directory: index, roots: [corpus.path]))
        let web = try WebTestServer(indexDirectory: index)

        let results = try web.get("/search?q=" + WebTestServer.q("tuyên truyền alert"))
        XCTAssertEqual(results.statusCode, 200)
        let id = PlanRecord.id(forPath: corpus.appendingPathComponent("hostile.txt").path)
        for html in [results.bodyText, try web.get("/plans/\(id)?q=alert").bodyText] {
            XCTAssertTrue(html.contains("hostile.txt"))
            XCTAssertFalse(html.contains("<script>alert"), html)
            XCTAssertFalse(html.contains("<img"), html)
            XCTAssertTrue(html.contains("&lt;script&gt;"), html)
            XCTAssertTrue(html.contains("&lt;/script&gt;"), html)
        }
        let plan = try web.get("/plans/\(id)?q=alert").bodyText
        XCTAssertTrue(plan.contains("&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;"), plan)
        XCTAssertTrue(plan.contains("&quot;an toàn&quot; &amp; hiệu quả"))
        XCTAssertTrue(results.bodyText.contains("<p class=\"snippet\">"), "the snippet is shown, escaped")

        // The API carries the text as JSON strings: a client decoding them gets the original.
        let api = try JSONDecoder().decode(ResultsJSON.self, from: Data(try web.get("/api/search?q=alert").body))
        XCTAssertTrue(api.hits.first?.snippet?.contains("<script>alert(1)</script>") == true)
    }

    func testNoQueryReachesAResponseHeader() throws {
        let web = try WebTestServer.seed()
        let response = try web.get("/search?q=x%0D%0ASet-Cookie:%20a=b&year=2023%0D%0AX-Evil:%201")
        XCTAssertNil(response.headers["set-cookie"])
        XCTAssertNil(response.headers["x-evil"])
        let missing = try web.get("/plans/%0D%0ASet-Cookie:%20a=b")
        XCTAssertEqual(missing.statusCode, 404)
        XCTAssertNil(missing.headers["set-cookie"])
    }
}
