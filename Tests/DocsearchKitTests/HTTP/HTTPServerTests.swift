import XCTest
import Glibc
@testable import DocsearchKit

/// Real requests over loopback sockets: routing to the handler, keep-alive,
/// HEAD, the error statuses and the access log.
final class HTTPServerTests: XCTestCase {
    func testEphemeralPortAndVietnameseQuery() throws {
        let test = try TestServer()
        XCTAssertNotEqual(test.port, 0)
        let response = try HTTPTestClient.get("/search?q=Ch%E1%BB%89+th%E1%BB%8B+20&agency=S%E1%BB%9F+GD%C4%90T", port: test.port)
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(response.bodyText, "path=/search q=Chỉ thị 20 agency=Sở GDĐT")
        XCTAssertEqual(response.headers["content-type"], "text/plain; charset=utf-8")
        XCTAssertNotNil(response.headers["date"])
        XCTAssertEqual(response.headers["connection"], "close")
    }

    func testIPv6Loopback() throws {
        let test = try TestServer(host: "::1")
        let response = try HTTPTestClient.get("/healthz", port: test.port, host: "::1")
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(response.bodyText, "path=/healthz ")
        XCTAssertThrowsError(try HTTPTestClient(host: "127.0.0.1", port: test.port), "bound to IPv6 only")
    }

    func testKeepAliveServesSeveralRequestsOnOneConnection() throws {
        let test = try TestServer()
        let client = try HTTPTestClient(port: test.port)
        for query in ["b%C3%ACnh+%C4%91%E1%BA%B3ng+gi%E1%BB%9Bi", "nh%C3%A2n+quy%E1%BB%81n", "x%C3%A3+h%E1%BB%99i+h%E1%BB%8Dc+t%E1%BA%ADp"] {
            try client.send("GET /search?q=\(query) HTTP/1.1\r\nHost: test\r\n\r\n")
            let response = try client.readResponse()
            XCTAssertEqual(response.statusCode, 200)
            XCTAssertNil(response.headers["connection"])
        }
        XCTAssertTrue(test.log.wait { $0.count == 3 })
        XCTAssertEqual(test.log.entries.map(\.target).last, "/search?q=x%C3%A3+h%E1%BB%99i+h%E1%BB%8Dc+t%E1%BA%ADp")
    }

    func testPipelinedRequestsAreAnsweredInOrder() throws {
        let test = try TestServer()
        let client = try HTTPTestClient(port: test.port)
        try client.send((1...5).map { "GET /plans/\($0) HTTP/1.1\r\nHost: test\r\n\r\n" }.joined()
                        + "GET /plans/6 HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        for number in 1...6 {
            XCTAssertEqual(try client.readResponse().bodyText, "path=/plans/\(number) ")
        }
        XCTAssertTrue(client.waitForClose(), "Connection: close is honoured")
    }

    func testLongPipelineCrossesWorkerTurnsInOrder() throws {
        let test = try TestServer(configure: { $0.workerCount = 1 })
        let client = try HTTPTestClient(port: test.port)
        let count = HTTPServer.requestsPerTurn * 2 + 7
        try client.send((0..<count).map { "GET /p/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
        for number in 0..<count {
            XCTAssertEqual(try client.readResponse().bodyText, "path=/p/\(number) ")
        }
        XCTAssertEqual(try HTTPTestClient.get("/other", port: test.port).statusCode, 200)
    }

    /// One worker, one client with thirty slow requests in line: a second
    /// client is answered after the first one's current request, not after
    /// all thirty (a client that keeps sending cannot keep a worker).
    func testAWaitingClientIsServedBetweenAnotherClientsRequests() throws {
        let test = try TestServer(configure: { $0.workerCount = 1 }) { request in
            if request.path.hasPrefix("/slow") { usleep(20_000) }
            return TestServer.echo(request)
        }
        let busy = try HTTPTestClient(port: test.port)
        try busy.send((0..<30).map { "GET /slow/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
        XCTAssertTrue(test.log.wait { $0.count >= 1 }, "the first slow request is answered")
        let other = try HTTPTestClient(port: test.port)
        try other.send("GET /other HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(try other.readResponse().bodyText, "path=/other ")
        XCTAssertTrue(test.log.wait { $0.contains { $0.target == "/other" } })
        let order = test.log.entries.map(\.target)
        let position = try XCTUnwrap(order.firstIndex(of: "/other"), "\(order)")
        XCTAssertLessThanOrEqual(position, 3, "\(order)")
        for number in 0..<30 { XCTAssertEqual(try busy.readResponse().bodyText, "path=/slow/\(number) ") }
    }

    func testHeadSendsLengthWithoutBody() throws {
        let test = try TestServer()
        let client = try HTTPTestClient(port: test.port)
        try client.send("HEAD /plans/abc HTTP/1.1\r\nHost: test\r\n\r\n")
        let head = try client.readResponse(headRequest: true)
        XCTAssertEqual(head.statusCode, 200)
        XCTAssertEqual(head.headers["content-length"], "\("path=/plans/abc ".utf8.count)")
        XCTAssertTrue(head.body.isEmpty)
        // The next response on the same connection starts right after the head: no stray body bytes.
        try client.send("GET /next HTTP/1.1\r\nHost: test\r\n\r\n")
        XCTAssertEqual(try client.readResponse().bodyText, "path=/next ")
        XCTAssertTrue(test.log.wait { $0.first?.method == "HEAD" && $0.first?.bytes == 0 })
    }

    func testErrorStatusesOverTheWire() throws {
        let test = try TestServer()
        let cases: [(String, Int)] = [
            ("POST /api/search HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n", 405),
            ("GET /search?q=\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: t\r\n\r\n", 414),
            ("GET / HTTP/1.1\r\nHost: t\r\n" + String(repeating: "X-Pad: \(String(repeating: "p", count: 1000))\r\n", count: 40) + "\r\n", 431),
            ("GET / HTTP/1.1\r\nHost: t\r\nContent-Length: 20\r\n\r\nq=Ch%E1%BB%89+th%E1%BB", 413),
            ("GET / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 413),
            ("GET /search?q=%zz HTTP/1.1\r\nHost: t\r\n\r\n", 400),
            ("GARBAGE\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\n\r\n", 400),
            ("GET / HTTP/3.0\r\nHost: t\r\n\r\n", 505),
        ]
        for (request, expected) in cases {
            let client = try HTTPTestClient(port: test.port)
            try client.send(request)
            let response = try client.readResponse()
            XCTAssertEqual(response.statusCode, expected, String(request.prefix(40)))
            XCTAssertEqual(response.headers["connection"], "close")
            if expected == 405 { XCTAssertEqual(response.headers["allow"], "GET, HEAD") }
            XCTAssertTrue(client.waitForClose(), "an error closes the connection")
        }
        XCTAssertTrue(test.log.wait { $0.filter { $0.method == "-" }.count == cases.count })
    }

    func testHeaderInjectionThroughTheHandlerNeverReachesTheWire() throws {
        let test = try TestServer(handler: { request in
            var response = HTTPResponse.redirect(to: "/search?q=" + (request.queryValue("q") ?? ""))
            response.headers["X-Echo"] = request.queryValue("q")
            return response
        })
        let client = try HTTPTestClient(port: test.port)
        try client.send("GET /go?q=a%0D%0ASet-Cookie:+session=1%0D%0A%0D%0A%3Cscript%3E HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.statusCode, 303)
        XCTAssertNil(response.headers["set-cookie"])
        XCTAssertEqual(response.headers["location"], "/search?q=a  Set-Cookie: session=1    <script>")
        XCTAssertTrue(response.body.isEmpty)
        // The connection is still in step: a second request gets its own response.
        try client.send("GET /go?q=b HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(try client.readResponse().headers["x-echo"], "b")
    }

    func testAccessLogHasOneLinePerRequest() throws {
        let test = try TestServer()
        _ = try HTTPTestClient.get("/search?q=k%E1%BA%BF+ho%E1%BA%A1ch", port: test.port)
        _ = try HTTPTestClient.get("/%zz", port: test.port)
        XCTAssertTrue(test.log.wait { $0.count == 2 })
        let entries = test.log.entries.sorted { $0.status < $1.status }
        XCTAssertEqual(entries[0].method, "GET")
        XCTAssertEqual(entries[0].target, "/search?q=k%E1%BA%BF+ho%E1%BA%A1ch")
        XCTAssertEqual(entries[0].status, 200)
        XCTAssertEqual(entries[0].bytes, "path=/search q=kế hoạch".utf8.count)
        XCTAssertGreaterThanOrEqual(entries[0].durationMicroseconds, 0)
        XCTAssertEqual(entries[1].status, 400)
    }

    func testConnectionCapAnswers503() throws {
        let test = try TestServer(configure: { $0.maxConnections = 2 })
        let first = try HTTPTestClient(port: test.port)
        let second = try HTTPTestClient(port: test.port)
        try first.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\n")
        try second.send("GET /b HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(try first.readResponse().statusCode, 200)
        XCTAssertEqual(try second.readResponse().statusCode, 200)
        let third = try HTTPTestClient(port: test.port)
        XCTAssertEqual(try third.readResponse().statusCode, 503)
    }

    func testStartTwiceAndPortInUseAreErrors() throws {
        let test = try TestServer()
        XCTAssertThrowsError(try test.server.start())
        let clash = HTTPServer(configuration: HTTPServerConfiguration(port: test.port, accessLogger: HTTPAccessLog.disabled)) { _ in .text("") }
        XCTAssertThrowsError(try clash.start()) { error in
            guard case HTTPError.socket(_, let code)? = error as? HTTPError else { return XCTFail("\(error)") }
            XCTAssertEqual(code, EADDRINUSE)
        }
    }
}
