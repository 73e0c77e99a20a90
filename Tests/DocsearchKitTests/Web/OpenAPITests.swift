import XCTest
@testable import DocsearchKit

/// /api/openapi.json is valid JSON, OpenAPI 3.0, describes every API route the
/// server has, and its schemas say exactly what the routes answer.
final class OpenAPITests: XCTestCase {
    func testDocumentParsesAndEveryDocumentedPathAnswers() throws {
        let web = try WebTestServer.seed()
        let document = try web.json("/api/openapi.json")
        XCTAssertTrue((document["openapi"] as? String)?.hasPrefix("3.0") == true)
        let paths = try XCTUnwrap(document["paths"] as? [String: Any])
        XCTAssertEqual(Set(paths.keys), ["/api/search", "/api/plans/{id}", "/api/plans/{id}/related", "/api/citations",
                                         "/api/agencies", "/api/topics", "/healthz", "/api/openapi.json"])
        let id = PlanRecord.id(forPath: Fixtures.corpus.appendingPathComponent(Fixtures.Seed.longAn.rawValue).path)
        for path in paths.keys {
            let target = path.replacingOccurrences(of: "{id}", with: id)
            XCTAssertEqual(try web.get(target).statusCode, 200, target)
        }
        // Every $ref points at a schema, parameter or response that exists.
        let text = OpenAPIDocument.json
        let components = try XCTUnwrap(document["components"] as? [String: [String: Any]])
        let refs = text.components(separatedBy: "\"$ref\": \"#/components/").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertFalse(refs.isEmpty)
        for ref in refs {
            let parts = ref.split(separator: "/").map(String.init)
            XCTAssertNotNil(components[parts[0]]?[parts[1]], String(ref))
        }
    }

    /// Real answers on the seed plans, checked against the 200 schema of their path: no key
    /// the schema does not name, every required key present, types and enums as stated.
    func testAnswersMatchTheirSchemas() throws {
        let web = try WebTestServer.seed()
        let document = try web.json("/api/openapi.json")
        let checker = SchemaChecker(document: document)
        let longAn = PlanRecord.id(forPath: Fixtures.corpus.appendingPathComponent(Fixtures.Seed.longAn.rawValue).path)
        let targets: [(path: String, target: String)] = [
            ("/api/search", "/api/search?q=" + WebTestServer.q("Kế hoạch 1373 nhân quyền")),
            ("/api/search", "/api/search?q=" + WebTestServer.q("bình đẳng giới") + "&year=2021"),
            ("/api/plans/{id}", "/api/plans/\(longAn)"),
            ("/api/plans/{id}/related", "/api/plans/\(longAn)/related"),
            ("/api/citations", "/api/citations"), ("/api/agencies", "/api/agencies"), ("/api/topics", "/api/topics"),
            ("/healthz", "/healthz"),
        ]
        for (path, target) in targets {
            let schema = try XCTUnwrap(checker.responseSchema(path: path), path)
            let body = try JSONSerialization.jsonObject(with: Data(try web.get(target).body))
            let problems = checker.check(body, against: schema, at: target)
            XCTAssertEqual(problems, [], target)
        }
        // The checker itself finds what it should.
        let planSchema = try XCTUnwrap(checker.responseSchema(path: "/api/plans/{id}"))
        let leaking: [String: Any] = ["id": "x", "path": "p", "encoding": "UTF-8", "warnings": [], "title": "t",
                                      "citations": [], "absolutePath": "/srv/corpus/p"]
        XCTAssertEqual(checker.check(leaking, against: planSchema, at: "plan"), ["plan: absolutePath is not in the schema"])
        XCTAssertEqual(checker.check(["id": 3], against: planSchema, at: "plan").count, 6, "5 required keys missing, 1 wrong type")
    }

    func testRelatedPlansWithSharedDocumentsMatchTheirSchema() throws {
        let corpus = try Fixtures.corpusCopy()
        // Shares Chỉ thị 44-CT/TW with the Long An plan.
        let plan = """
        TỈNH ĐOÀN LONG AN\tĐOÀN TNCS HỒ CHÍ MINH
        Số: 88-KH/TĐTN\tLong An, ngày 05 tháng 9 năm 2023

        KẾ HOẠCH
        Tuyên truyền về quyền con người trong đoàn viên, thanh niên năm 2023

        Thực hiện Chỉ thị số 44-CT/TW ngày 20/7/2010 của Ban Bí thư về công tác nhân quyền trong tình hình mới, Ban Thường vụ Tỉnh Đoàn xây dựng kế hoạch như sau:
        I. MỤC ĐÍCH, YÊU CẦU
        Đoàn viên, thanh niên hiểu đúng về quyền con người.
        """
        try Data(plan.utf8).write(to: corpus.appendingPathComponent("tinh-doan.txt"))
        let dir = try Fixtures.scratch("openapi-related").path
        _ = try IndexWriter.run(IndexWriter.Options(directory: dir, roots: [corpus.path]))
        let web = try WebTestServer(indexDirectory: dir)
        let checker = SchemaChecker(document: try web.json("/api/openapi.json"))
        let longAn = PlanRecord.id(forPath: corpus.appendingPathComponent(Fixtures.Seed.longAn.rawValue).path)
        let body = try web.json("/api/plans/\(longAn)/related")
        XCTAssertEqual((body["related"] as? [[String: Any]])?.count, 1)
        XCTAssertEqual(checker.check(body, against: try XCTUnwrap(checker.responseSchema(path: "/api/plans/{id}/related")), at: "related"), [])
    }
}

/// The part of OpenAPI 3.0 schemas the document uses: $ref, type, properties,
/// required, additionalProperties, items, enum.
struct SchemaChecker {
    let document: [String: Any]

    /// The schema of the 200 answer of GET `path`.
    func responseSchema(path: String) -> [String: Any]? {
        let paths = document["paths"] as? [String: Any]
        let get = (paths?[path] as? [String: Any])?["get"] as? [String: Any]
        let ok = (get?["responses"] as? [String: Any])?["200"] as? [String: Any]
        let json = (ok?["content"] as? [String: Any])?["application/json"] as? [String: Any]
        return json?["schema"] as? [String: Any]
    }

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String else { return schema }
        var node: Any? = document
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
        return (node as? [String: Any]).map(resolve) ?? [:]
    }

    func check(_ value: Any, against raw: [String: Any], at place: String) -> [String] {
        let schema = resolve(raw)
        var problems: [String] = []
        switch schema["type"] as? String {
        case "object"?:
            guard let object = value as? [String: Any] else { return ["\(place): not an object"] }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in (schema["required"] as? [String] ?? []) where object[key] == nil { problems.append("\(place): \(key) is missing") }
            for (key, v) in object.sorted(by: { $0.key < $1.key }) {
                if let p = properties[key] as? [String: Any] {
                    problems += check(v, against: p, at: place + "." + key)
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    problems += check(v, against: extra, at: place + "." + key)
                } else {
                    problems.append("\(place): \(key) is not in the schema")
                }
            }
        case "array"?:
            guard let array = value as? [Any] else { return ["\(place): not an array"] }
            let items = schema["items"] as? [String: Any] ?? [:]
            for (i, v) in array.enumerated() { problems += check(v, against: items, at: "\(place)[\(i)]") }
        case "string"?:
            guard let s = value as? String else { return ["\(place): not a string"] }
            if let allowed = schema["enum"] as? [String], !allowed.contains(s) { problems.append("\(place): \(s) is not one of \(allowed)") }
        case "integer"?:
            guard let n = value as? NSNumber, !isBoolean(value), n.doubleValue == n.doubleValue.rounded() else { return ["\(place): not an integer"] }
        case "number"?:
            guard value is NSNumber, !isBoolean(value) else { return ["\(place): not a number"] }
        case "boolean"?:
            guard isBoolean(value) else { return ["\(place): not a boolean"] }
        default:
            break
        }
        return problems
    }

    /// JSONSerialization gives true and false as NSNumbers of type char ("c"), numbers as "i", "q" or "d".
    private func isBoolean(_ value: Any) -> Bool {
        (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
    }
}
