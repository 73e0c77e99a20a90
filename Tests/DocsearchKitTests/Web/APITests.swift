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
                               ("/api/citations?limit=many", "limit"), ("/api/agencies?limit=-2", "limit")] {
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

    func testPlanRecordWithoutTheAbsolutePathAndUnknownPlan() throws {
        let web = try WebTestServer.seed()
        let found = try PlanLookup.find(Fixtures.Seed.haQuang.rawValue, in: Fixtures.seedIndex.snapshot)
        let response = try web.get("/api/plans/\(found.record.id)")
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(try JSONDecoder().decode(PlanJSON.self, from: Data(response.body)), PlanJSON(found.record))
        let body = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        XCTAssertNil(body["absolutePath"], "the server's disk layout stays on the server")
        XCTAssertFalse(response.bodyText.contains("absolutePath"))
        XCTAssertEqual(body["number"] as? String, found.record.number)
        XCTAssertEqual((body["citations"] as? [[String: Any]])?.compactMap { $0["symbol"] as? String },
                       found.record.citations.map(\.symbol))
        XCTAssertTrue(found.record.citations.contains { $0.symbol == "1373/QĐ-TTg" })

        for id in ["0123456789ab", "nothex", "%3Cscript%3E"] {
            let body = try web.json("/api/plans/\(id)", status: 404)
            XCTAssertNotNil(body["error"] as? String)
            XCTAssertNotNil(try web.json("/api/plans/\(id)/related", status: 404)["error"] as? String)
        }
    }

    /// PlanJSON is PlanRecord but for `absolutePath`: a field added to the record and not
    /// to the view (or the other way) fails here, on a record with every field set.
    func testPlanJSONHasEveryFieldOfTheRecordButTheAbsolutePath() throws {
        let longAn = try PlanLookup.find(Fixtures.Seed.longAn.rawValue, in: Fixtures.seedIndex.snapshot).record
        var record = longAn
        record.warnings = ["w"]; record.signer = record.signer ?? "x"; record.signerTitle = record.signerTitle ?? "x"
        func keys<T: Encodable>(_ value: T) throws -> Set<String> {
            Set(try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(JSONText.encode(value).utf8)) as? [String: Any]).keys)
        }
        let recordKeys = try keys(record)
        XCTAssertTrue(recordKeys.contains("topics") && recordKeys.contains("agencies"))
        XCTAssertEqual(try keys(PlanJSON(record)), recordKeys.subtracting(["absolutePath"]))
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

    /// What `docsearch COMMAND --json` prints over the same index, to the byte.
    private func commandJSON(_ words: [String]) -> String {
        var out = ""
        let terminal = Terminal(out: { out += $0 }, err: { _ in }, stdoutIsTTY: false, stderrIsTTY: false)
        _ = CommandLineTool(terminal: terminal, environment: [:]).run(words + ["--json", "--index", Fixtures.seedIndex.dir])
        return out.trimmingCharacters(in: .newlines)
    }

    func testListingsAnswerExactlyWhatTheCommandsPrint() throws {
        let web = try WebTestServer.seed()
        for (path, words) in [("/api/citations", ["citations"]), ("/api/citations?limit=3", ["citations", "--limit", "3"]),
                              ("/api/agencies", ["agencies"]), ("/api/agencies?limit=2", ["agencies", "--limit", "2"]),
                              ("/api/topics", ["topics"])] {
            let response = try web.get(path)
            XCTAssertEqual(response.statusCode, 200, path)
            XCTAssertEqual(response.bodyText, commandJSON(words), path)
        }
    }

    /// 1373/QĐ-TTg (Hà Quảng) and 1373/KH-BCĐNQ (Long An) share a number, not a document.
    func testCitationsListSameNumberDocumentsSeparatelyMostCitedFirst() throws {
        let web = try WebTestServer.seed()
        let body = try web.json("/api/citations")
        let documents = try XCTUnwrap(body["documents"] as? [[String: Any]])
        let bySymbol = Dictionary(documents.map { ($0["symbol"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let decision = try XCTUnwrap(bySymbol["1373/QĐ-TTg"])
        let plan = try XCTUnwrap(bySymbol["1373/KH-BCĐNQ"])
        XCTAssertEqual(decision["kind"] as? String, "Quyết định")
        XCTAssertEqual(decision["issuer"] as? String, "Thủ tướng Chính phủ")
        XCTAssertEqual(plan["kind"] as? String, "Kế hoạch")
        XCTAssertEqual(plan["issuer"] as? String, "Ban Chỉ đạo nhân quyền tỉnh Long An")
        XCTAssertEqual(plan["asLegalBasis"] as? Int, 1)
        let citing = { (d: [String: Any]) in (d["plans"] as? [[String: Any]] ?? []).compactMap { ($0["path"] as? String).map { ($0 as NSString).lastPathComponent } } }
        XCTAssertEqual(citing(decision), [Fixtures.Seed.haQuang.rawValue])
        XCTAssertEqual(citing(plan), [Fixtures.Seed.longAn.rawValue])

        let counts = documents.compactMap { $0["citedBy"] as? Int }
        XCTAssertEqual(counts.count, documents.count)
        XCTAssertEqual(counts, counts.sorted(by: >))
        let statistics = try CitationStatistics(snapshot: Fixtures.seedIndex.snapshot)
        XCTAssertEqual(body["total"] as? Int, statistics.documents)
        XCTAssertEqual(counts.reduce(0, +), statistics.citations)
        XCTAssertEqual(body["plans"] as? Int, 5)
        XCTAssertEqual((try web.json("/api/citations?limit=2")["documents"] as? [Any])?.count, 2)
    }

    func testAgenciesHaveTheirRolesAndTopicsTheirCounts() throws {
        let web = try WebTestServer.seed()
        let agencies = try XCTUnwrap(try web.json("/api/agencies")["agencies"] as? [[String: Any]])
        let longAn = try XCTUnwrap(agencies.first { $0["name"] as? String == "Sở Giáo dục và Đào tạo tỉnh Long An" })
        XCTAssertEqual(longAn["roles"] as? [String: Int], ["issuer": 1, "citedIssuer": 1])
        XCTAssertEqual(longAn["level"] as? String, "province")
        XCTAssertEqual(longAn["place"] as? String, "Long An")
        let thuThua = agencies.first { $0["name"] as? String == "Phòng Giáo dục và Đào tạo huyện Thủ Thừa" }
        XCTAssertEqual(thuThua?["roles"] as? [String: Int], ["issuer": 1])

        let topics = try XCTUnwrap(try web.json("/api/topics")["topics"] as? [[String: Any]])
        XCTAssertEqual(topics.count, TopicTaxonomy.topics.count)
        let gender = try XCTUnwrap(topics.first { $0["topic"] as? String == "bình đẳng giới" })
        XCTAssertEqual(gender["plans"] as? Int, 1)
        XCTAssertEqual(gender["primary"] as? Int, 1)
        XCTAssertTrue((gender["terms"] as? [String])?.contains("bình đẳng giới") ?? false)
    }

    /// No seed plan shares a cited document with another: the Long An plan has no related plan.
    func testRelatedOfASeedPlanIsEmptyButNamesThePlan() throws {
        let web = try WebTestServer.seed()
        let longAn = try PlanLookup.find(Fixtures.Seed.longAn.rawValue, in: Fixtures.seedIndex.snapshot).record
        let body = try web.json("/api/plans/\(longAn.id)/related")
        XCTAssertEqual(body["id"] as? String, longAn.id)
        XCTAssertEqual(body["title"] as? String, longAn.title)
        XCTAssertEqual((body["related"] as? [Any])?.count, 0)
        XCTAssertTrue((try web.json("/api/plans/\(longAn.id)/related?limit=x", status: 400)["error"] as? String)?.contains("\"limit\"") ?? false)
    }

    func testHealthReportsGenerationAndPlans() throws {
        let web = try WebTestServer.seed()
        let body = try web.json("/healthz")
        XCTAssertEqual(body["status"] as? String, "ok")
        XCTAssertEqual(body["plans"] as? Int, 5)
        XCTAssertEqual((body["generation"] as? NSNumber)?.uint64Value, Fixtures.seedIndex.snapshot.manifest.generation)
    }
}
