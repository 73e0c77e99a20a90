import Foundation
import XCTest
@testable import DocsearchKit

/// The web server answers bad and oversize requests with the right status,
/// never lets CR/LF from a request reach a response header, and never serves
/// a file outside the index.
final class HTTPHardeningTests: XCTestCase {
    private func raw(_ web: WebTestServer, _ bytes: String) throws -> HTTPTestClient.Response {
        let client = try HTTPTestClient(port: web.port)
        try client.send(bytes)
        return try client.readResponse()
    }

    func testMalformedRequestLinesAre400() throws {
        let web = try WebTestServer.seed()
        for line in ["GET\r\n\r\n", "GET /\r\n\r\n", "GET / HTTP/1.1 extra\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n",
                     " / HTTP/1.1\r\n\r\n", "GET / HTTX/1.1\r\n\r\n", "GET / HTTP/1.1\r\nBad Header\r\n\r\n",
                     "G\u{1}T / HTTP/1.1\r\n\r\n", "GET /\u{7F} HTTP/1.1\r\n\r\n"] {
            let response = try raw(web, line)
            XCTAssertEqual(response.statusCode, 400, line.debugDescription)
        }
    }

    func testCRLFInAQueryNeverReachesAHeader() throws {
        let web = try WebTestServer.seed()
        for target in ["/search?q=a%0D%0ASet-Cookie:%20x=1", "/api/search?q=%0D%0ALocation:%20http://evil",
                       "/plans/x%0D%0AX-Injected:%201", "/search?page=1%0D%0AX-Injected:%201"] {
            let response = try web.get(target)
            XCTAssertNil(response.headers["set-cookie"], target)
            XCTAssertNil(response.headers["x-injected"], target)
            XCTAssertNil(response.headers["location"], target)
            for (name, value) in response.headers {
                XCTAssertFalse(value.contains("\r") || value.contains("\n") || name.contains("injected"), "\(target): \(name)")
            }
        }
    }

    func testPathTraversalIs404() throws {
        let web = try WebTestServer.seed()
        for target in ["/plans/../../etc/passwd", "/plans/..%2F..%2Fetc%2Fpasswd", "/plans/%2E%2E/%2E%2E/etc/passwd",
                       "/../../etc/passwd", "/plans/" + WebTestServer.q(Fixtures.corpus.path + "/../../etc/passwd")] {
            let response = try web.get(target)
            XCTAssertTrue([400, 404].contains(response.statusCode), "\(target): \(response.statusCode)")
            XCTAssertFalse(response.bodyText.contains("root:x:0:0"), target)
        }
        XCTAssertEqual(try web.get("/plans/../../etc/passwd").statusCode, 404)
    }

    func testOversizeRequestsAre414And431And413() throws {
        let web = try WebTestServer.seed()
        let longTarget = "/search?q=" + String(repeating: "a", count: 20_000)
        XCTAssertEqual(try raw(web, "GET \(longTarget) HTTP/1.1\r\nHost: t\r\n\r\n").statusCode, 414)
        let manyHeaders = (0..<2000).map { "X-Filler-\($0): \(String(repeating: "b", count: 30))\r\n" }.joined()
        XCTAssertEqual(try raw(web, "GET / HTTP/1.1\r\nHost: t\r\n\(manyHeaders)\r\n").statusCode, 431)
        let big = try raw(web, "POST /api/search HTTP/1.1\r\nHost: t\r\nContent-Length: 1000000000\r\n\r\n")
        XCTAssertTrue([413, 405].contains(big.statusCode), "\(big.statusCode)")
    }
}
