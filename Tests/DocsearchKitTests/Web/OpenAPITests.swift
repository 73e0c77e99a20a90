import XCTest
@testable import DocsearchKit

/// /api/openapi.json is valid JSON, OpenAPI 3.0, and describes every API route the server has.
final class OpenAPITests: XCTestCase {
    func testDocumentParsesAndEveryDocumentedPathAnswers() throws {
        let web = try WebTestServer.seed()
        let document = try web.json("/api/openapi.json")
        XCTAssertTrue((document["openapi"] as? String)?.hasPrefix("3.0") == true)
        let paths = try XCTUnwrap(document["paths"] as? [String: Any])
        XCTAssertEqual(Set(paths.keys), ["/api/search", "/api/plans/{id}", "/api/citations", "/api/agencies",
                                         "/api/topics", "/healthz", "/api/openapi.json"])
        let id = PlanRecord.id(forPath: Fixtures.corpus.appendingPathComponent(Fixtures.Seed.longAn.rawValue).path)
        for path in paths.keys {
            let target = path.replacingOccurrences(of: "{id}", with: id)
            XCTAssertEqual(try web.get(target).statusCode, 200, target)
        }
        // Every $ref points at a schema or response that exists.
        let text = OpenAPIDocument.json
        let components = try XCTUnwrap(document["components"] as? [String: [String: Any]])
        let refs = text.components(separatedBy: "\"$ref\": \"#/components/").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertFalse(refs.isEmpty)
        for ref in refs {
            let parts = ref.split(separator: "/").map(String.init)
            XCTAssertNotNil(components[parts[0]]?[parts[1]], String(ref))
        }
    }
}
