import XCTest
@testable import DocsearchKit

/// The JSON API over real requests: shapes that decode, paging, and errors
/// as {"error": …} with the right status.
final class APITests: XCTestCase {
    func testSearchDecodesAsResultsJSONWithFacets() throws {
        let web = try WebTestServer.seed()
        let response = try web.get("/api/search?q=" + WebTestServer.q("bình đẳng giới"))
        XCTAssertEqual(response.statusCode, 200)
        let results = try JSONDecoder().decode(ResultsJSON.self, from: Data(response.body))
        XCTAssertEqual(results.query, "bình đẳng giới")
        XCTAssertEqual(results.total, 2)
        XCTAssertEqual(results.hits.map { ($0.path as NSString).lastPathComponent },
                       [Fixtures.Seed.thuThua.rawValue, Fixtures.Seed.longAn.rawValue])
        XCTAssertNotNil(results.facets, "the API always includes facets")
        let first = try XCTUnwrap(results.hits.first)
        let snippet = try XCTUnwrap(first.snippet)
        // Each highlight is a UTF-16 range of the snippet holding a query word.
        let utf16 = Array(snippet.utf16)
        let marked = try XCTUnwrap(first.highlights).map { String(decoding: utf16[$0[0]..<($0[0] + $0[1])], as: UTF16.self).lowercased() }
        XCTAssertTrue(marked.contains("bình") && marked.contains("giới"), "\(marked)")
    }

    func testLimitAndOffsetPage() throws {
        let web = try WebTestServer.seed()
        let all = try web.json("/api/search?q=gi%C3%A1o+d%E1%BB%A5c&limit=10")
        let ids = (all["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        XCTAssertGreaterThanOrEqual(ids.count, 3)
        let page = try web.json("/api/search?q=gi%C3%A1o+d%E1%BB%A5c&limit=2&offset=1")
        XCTAssertEqual((page["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }, Array(ids[1..<3]))
        XCTAssertEqual(page["total"] as? Int, all["total"] as? Int)
        XCTAssertEqual(page["offset"] as? Int, 1)
    }

    func testBadParametersAre400NamingTheParameter() throws {
        let web = try WebTestServer.seed()
        for (target, name) in [("/api/search?q=a&limit=abc", "limit"), ("/api/search?q=a&limit=1001", "limit"),
                               ("/api/search?q=a&limit=-1", "limit"), ("/api/search?q=a&offset=x", "offset"),
                               ("/api/search?q=a&year=abc", "year"), ("/api/search?year=2023-2021", "year"),
                               ("/api/citations?limit=many", "limit")] {
            let body = try web.json(target, status: 400)
            let message = try XCTUnwrap(body["error"] as? String, target)
            XCTAssertTrue(message.contains("\"\(name)\""), "\(target): \(message)")
        }
    }

    func testYearRangeFilterIsAccepted() throws {
        let web = try WebTestServer.seed()
        let body = try web.json("/api/search?q=gi%E1%BB%9Bi&year=2021-2023")
        XCTAssertNotNil(body["total"] as? Int)
    }

    func testPlanRecordAndUnknownPlan() throws {
        let web = try WebTestServer.seed()
        let path = Fixtures.corpus.appendingPathComponent(Fixtures.Seed.haQuang.rawValue).path
        let found = try PlanLookup.find(PlanRecord.id(forPath: path), in: Fixtures.seedIndex.snapshot)
        let response = try web.get("/api/plans/\(found.record.id)")
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(try JSONDecoder().decode(PlanRecord.self, from: Data(response.body)), found.record)

        for id in ["0123456789ab", "nothex", "%3Cscript%3E"] {
            let body = try web.json("/api/plans/\(id)", status: 404)
            XCTAssertNotNil(body["error"] as? String)
        }
    }

    func testUnknownAPIPathIsJSON404() throws {
        let web = try WebTestServer.seed()
        XCTAssertNotNil(try web.json("/api/nothing", status: 404)["error"])
    }

    func testOtherMethodsAre405WithAllowAndJSON() throws {
        let web = try WebTestServer.seed()
        let client = try HTTPTestClient(port: web.port)
        try client.send("DELETE /api/plans/x HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.statusCode, 405)
        XCTAssertEqual(response.headers["allow"], "GET, HEAD")
        let body = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        XCTAssertNotNil(body?["error"] as? String)
    }

    func testCitationsAreCountedMostCitedFirst() throws {
        let web = try WebTestServer.seed()
        let body = try web.json("/api/citations")
        let list = try XCTUnwrap(body["citations"] as? [[String: Any]])
        let counts = list.compactMap { $0["plans"] as? Int }
        XCTAssertEqual(counts.count, list.count)
        XCTAssertEqual(counts, counts.sorted(by: >))
        let statistics = try CitationStatistics(snapshot: Fixtures.seedIndex.snapshot)
        XCTAssertEqual(body["total"] as? Int, statistics.documents)
        XCTAssertEqual(counts.reduce(0, +), statistics.citations)
    }

    func testAgenciesAndTopicsAreValidEvenWhenEmpty() throws {
        let web = try WebTestServer.seed()
        for (path, facet) in [("/api/agencies", "agency"), ("/api/topics", "topic")] {
            let body = try web.json(path)
            XCTAssertEqual(body["facet"] as? String, facet)
            XCTAssertEqual(body["plans"] as? Int, 5)
            let values = try XCTUnwrap(body["values"] as? [[String: Any]])
            let total = values.compactMap { $0["count"] as? Int }.reduce(0, +)
            let expected = try FacetTotals.count(in: Fixtures.seedIndex.snapshot)[facet]?.map(\.count).reduce(0, +) ?? 0
            XCTAssertEqual(total, expected)
        }
    }

    func testHealthReportsGenerationAndPlans() throws {
        let web = try WebTestServer.seed()
        let body = try web.json("/healthz")
        XCTAssertEqual(body["status"] as? String, "ok")
        XCTAssertEqual(body["plans"] as? Int, 5)
        XCTAssertEqual((body["generation"] as? NSNumber)?.uint64Value, Fixtures.seedIndex.snapshot.manifest.generation)
    }
}
