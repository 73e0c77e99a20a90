import XCTest
@testable import DocsearchKit

/// Well-formed requests: fields, keep-alive rules, incremental feeding, pipelining.
final class HTTPRequestParserTests: XCTestCase {
    private func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) -> HTTPRequestParser.Outcome {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array(text.utf8))
        return parser.next()
    }

    private func request(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> HTTPRequest? {
        guard case .request(let request) = parse(text) else {
            XCTFail("expected a request, got \(parse(text))", file: file, line: line)
            return nil
        }
        return request
    }

    func testSearchRequestWithVietnameseQuery() throws {
        let request = try XCTUnwrap(request(
            "GET /search?q=Ch%E1%BB%89+th%E1%BB%8B+20&agency=S%E1%BB%9F+GD%C4%90T&page=2 HTTP/1.1\r\n"
            + "Host: localhost:8080\r\nUser-Agent: test\r\nAccept: text/html\r\n\r\n"))
        XCTAssertEqual(request.method, .get)
        XCTAssertEqual(request.version, .http1_1)
        XCTAssertEqual(request.target, "/search?q=Ch%E1%BB%89+th%E1%BB%8B+20&agency=S%E1%BB%9F+GD%C4%90T&page=2")
        XCTAssertEqual(request.path, "/search")
        XCTAssertEqual(request.queryValue("q"), "Chỉ thị 20")
        XCTAssertEqual(request.queryValue("agency"), "Sở GDĐT")
        XCTAssertEqual(request.queryValue("page"), "2")
        XCTAssertNil(request.queryValue("topic"))
        XCTAssertTrue(request.keepAlive)
    }

    func testHeadersAreCaseInsensitiveAndTrimmed() throws {
        let request = try XCTUnwrap(request("HEAD / HTTP/1.1\r\nhOsT:   example.vn  \r\nX-Seen: a\r\nx-seen: b\r\n\r\n"))
        XCTAssertEqual(request.method, .head)
        XCTAssertEqual(request.headers["HOST"], "example.vn")
        XCTAssertEqual(request.headers["host"], "example.vn")
        XCTAssertEqual(request.headers.values(for: "X-SEEN"), ["a", "b"])
    }

    func testPathIsDecodedAndSplitIntoSegments() throws {
        let request = try XCTUnwrap(request("GET /plans/K%E1%BA%BF%20ho%E1%BA%A1ch/a%2Fb/..//x+y HTTP/1.1\r\nHost: h\r\n\r\n"))
        XCTAssertEqual(request.rawPath, "/plans/K%E1%BA%BF%20ho%E1%BA%A1ch/a%2Fb/..//x+y")
        XCTAssertEqual(request.path, "/plans/Kế hoạch/a/b/..//x+y", "+ is a plus sign in a path")
        XCTAssertEqual(request.pathSegments, ["plans", "Kế hoạch", "a/b", "..", "x+y"])
        XCTAssertEqual(request.rawQuery, "")
        XCTAssertEqual(request.queryItems, [])
    }

    func testQueryItemsKeepOrderRepeatsAndEmptyValues() throws {
        let request = try XCTUnwrap(request("GET /api/search?topic=a&&topic=b&flag&q=&x=1%3D2 HTTP/1.1\r\nHost: h\r\n\r\n"))
        XCTAssertEqual(request.queryValues("topic"), ["a", "b"])
        XCTAssertEqual(request.queryValue("flag"), "")
        XCTAssertEqual(request.queryValue("q"), "")
        XCTAssertEqual(request.queryValue("x"), "1=2")
        XCTAssertEqual(request.queryItems.count, 5)
    }

    func testKeepAliveRules() throws {
        XCTAssertEqual(request("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")?.keepAlive, false)
        XCTAssertEqual(request("GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, Close\r\n\r\n")?.keepAlive, false)
        XCTAssertEqual(request("GET / HTTP/1.0\r\n\r\n")?.keepAlive, false)
        XCTAssertEqual(request("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")?.keepAlive, true)
        XCTAssertEqual(request("GET / HTTP/1.0\r\n\r\n")?.version, .http1_0)
    }

    func testBareLineFeedsLeadingBlankLinesAndAbsoluteForm() throws {
        XCTAssertEqual(request("GET /healthz HTTP/1.1\nHost: h\n\n")?.path, "/healthz")
        XCTAssertEqual(request("\r\n\r\nGET /a HTTP/1.1\r\nHost: h\r\n\r\n")?.path, "/a")
        let absolute = try XCTUnwrap(request("GET http://docsearch.local:8080/search?q=k%E1%BA%BF HTTP/1.1\r\nHost: h\r\n\r\n"))
        XCTAssertEqual(absolute.path, "/search")
        XCTAssertEqual(absolute.queryValue("q"), "kế")
        XCTAssertEqual(request("GET http://docsearch.local HTTP/1.1\r\nHost: h\r\n\r\n")?.path, "/")
    }

    func testZeroContentLengthIsAccepted() {
        XCTAssertNotNil(request("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n"))
    }

    func testByteByByteFeedingGivesTheSameRequest() throws {
        let text = "GET /search?q=b%C3%ACnh+%C4%91%E1%BA%B3ng+gi%E1%BB%9Bi HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n"
        var parser = HTTPRequestParser()
        var outcomes: [HTTPRequestParser.Outcome] = []
        for byte in text.utf8 {
            parser.append([byte])
            outcomes.append(parser.next())
        }
        XCTAssertTrue(outcomes.dropLast().allSatisfy { $0 == .needMoreData })
        guard case .request(let request)? = outcomes.last else { return XCTFail("no request at the end: \(outcomes.last.map { "\($0)" } ?? "")") }
        XCTAssertEqual(request.queryValue("q"), "bình đẳng giới")
        XCTAssertFalse(parser.hasPartialRequest)
    }

    func testPipelinedRequestsComeOutInOrder() throws {
        var parser = HTTPRequestParser()
        parser.append(Array(("GET /one HTTP/1.1\r\nHost: h\r\n\r\n" + "HEAD /two HTTP/1.1\r\nHost: h\r\n\r\n" + "GET /thr").utf8))
        guard case .request(let first) = parser.next(), case .request(let second) = parser.next() else {
            return XCTFail("two pipelined requests expected")
        }
        XCTAssertEqual([first.path, second.path], ["/one", "/two"])
        XCTAssertEqual(second.method, .head)
        XCTAssertEqual(parser.next(), .needMoreData)
        XCTAssertTrue(parser.hasPartialRequest)
        parser.append(Array("ee HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        guard case .request(let third) = parser.next() else { return XCTFail("third request expected") }
        XCTAssertEqual(third.path, "/three")
        XCTAssertEqual(parser.next(), .needMoreData)
        XCTAssertFalse(parser.hasPartialRequest)
    }

    func testManyPipelinedRequestsKeepTheBufferSmall() {
        var parser = HTTPRequestParser()
        let one = Array("GET /healthz HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        var served = 0
        for _ in 0..<2_000 {
            parser.append(one)
            while case .request = parser.next() { served += 1 }
            XCTAssertLessThan(parser.bufferedByteCount, one.count)
        }
        XCTAssertEqual(served, 2_000)
    }
}
