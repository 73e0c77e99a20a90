import XCTest
@testable import DocsearchKit

final class MetadataCommandsTests: XCTestCase {
    private func run(_ args: [String]) -> (Int32, String, String) {
        var out = "", err = ""
        let t = Terminal(out: { out += $0 }, err: { err += $0 }, stdoutIsTTY: false, stderrIsTTY: false)
        let status = CommandLineTool(terminal: t, environment: [:]).run(args + ["--index", Fixtures.seedIndex.dir])
        return (status, out, err)
    }

    private func json(_ args: [String]) throws -> [String: Any] {
        let (s, out, err) = run(args + ["--json"])
        XCTAssertEqual(s, 0, err)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    func testCitationsListsSameNumberDocumentsSeparately() throws {
        let j = try json(["citations"])
        let docs = try XCTUnwrap(j["documents"] as? [[String: Any]])
        let symbols = docs.compactMap { $0["symbol"] as? String }
        XCTAssertTrue(symbols.contains("1373/QĐ-TTg") && symbols.contains("1373/KH-BCĐNQ"), "\(symbols)")
        XCTAssertEqual(j["total"] as? Int, docs.count)
        let (_, text, _) = run(["citations"])
        XCTAssertTrue(text.contains("Quyết định 1373/QĐ-TTg"), text)
        XCTAssertTrue(text.contains("Kế hoạch 1373/KH-BCĐNQ"), text)
    }

    func testAgenciesAndTopics() throws {
        let agencies = try XCTUnwrap(try json(["agencies"])["agencies"] as? [[String: Any]])
        let longAn = agencies.first { $0["name"] as? String == "Sở Giáo dục và Đào tạo tỉnh Long An" }
        XCTAssertEqual((longAn?["roles"] as? [String: Int])?["issuer"], 1)
        let topics = try XCTUnwrap(try json(["topics"])["topics"] as? [[String: Any]])
        XCTAssertEqual(topics.first { $0["topic"] as? String == "bình đẳng giới" }?["plans"] as? Int, 1)
        XCTAssertEqual(topics.count, TopicTaxonomy.topics.count)
    }

    /// No other seed plan cites what the Long An plan cites; the Hà Quảng plan's
    /// 1373/QĐ-TTg is a different document from its 1373/KH-BCĐNQ.
    func testRelatedNamesThePlanAndFindsNoFalseRelation() throws {
        let (s, out, _) = run(["related", "long-an-sgddt-2023-nhan-quyen", "--json"])
        XCTAssertEqual(s, 1, "no related plans: exit 1 as for a search without results")
        let j = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        XCTAssertTrue((j["path"] as? String)?.hasSuffix(Fixtures.Seed.longAn.rawValue) ?? false)
        XCTAssertEqual((j["related"] as? [Any])?.count, 0)
    }

    func testShowGainsAgenciesTopicsAndRoles() {
        let (s, out, _) = run(["show", Fixtures.Seed.longAn.rawValue])
        XCTAssertEqual(s, 0)
        XCTAssertTrue(out.contains("agencies:"), out)
        XCTAssertTrue(out.contains("Thanh tra Sở Giáo dục và Đào tạo tỉnh Long An [được giao nhiệm vụ]"), out)
        XCTAssertTrue(out.contains("topics:\n    nhân quyền — title: "), out)
        XCTAssertTrue(out.contains("1373/KH-BCĐNQ [legalBasis, body]"), out)
    }

    func testSearchTextShowsFacets() {
        let (s, out, _) = run(["search", "tuyên truyền", "--agency", "so gddt long an"])
        XCTAssertEqual(s, 0)
        XCTAssertTrue(out.contains("facets:\n  agency: Sở Giáo dục và Đào tạo tỉnh Long An (1)"), out)
        XCTAssertTrue(out.contains("  topic: nhân quyền (1)"), out)
    }

    func testNewCommandsHaveHelpAndRejectStrayWords() {
        for cmd in ["citations", "agencies", "topics", "related"] {
            let (s, out, _) = run([cmd, "--help"])
            XCTAssertEqual(s, 0, cmd)
            XCTAssertTrue(out.contains("usage: docsearch \(cmd)"), cmd)
        }
        XCTAssertEqual(run(["citations", "extra"]).0, 2)
        XCTAssertEqual(run(["related"]).0, 2)
        XCTAssertEqual(run(["related", "no-such-plan"]).0, 2)
    }
}
