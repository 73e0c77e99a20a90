import XCTest
@testable import DocsearchKit

/// Every refusal of the parser and the status it maps to.
final class HTTPRequestParserErrorTests: XCTestCase {
    private func failure(_ text: String, limits: HTTPLimits = HTTPLimits(),
                         file: StaticString = #filePath, line: UInt = #line) -> HTTPError? {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array(text.utf8))
        guard case .failure(let error) = parser.next() else {
            XCTFail("expected a failure for \(text.prefix(80).debugDescription)", file: file, line: line)
            return nil
        }
        return error
    }

    private func status(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Int? {
        failure(text, file: file, line: line)?.status.code
    }

    func testRequestLineLimitGives414EvenBeforeTheLineEnds() {
        let longTarget = "/search?q=" + String(repeating: "a", count: 8 * 1024)
        XCTAssertEqual(status("GET \(longTarget) HTTP/1.1\r\nHost: h\r\n\r\n"), 414)
        // No line end yet: refused as soon as the limit is passed, nothing more buffered.
        var parser = HTTPRequestParser()
        parser.append(Array("GET /\(String(repeating: "x", count: 9000))".utf8))
        XCTAssertEqual(parser.next(), .failure(.requestLineTooLong(limit: 8192)))
        parser.append(Array(repeating: UInt8(ascii: "x"), count: 100_000))
        XCTAssertEqual(parser.bufferedByteCount, 9005, "a failed parser buffers nothing more")
    }

    func testRequestLineAtTheLimitIsAccepted() {
        let line = "GET /" + String(repeating: "a", count: 8192 - "GET / HTTP/1.1".utf8.count) + " HTTP/1.1"
        XCTAssertEqual(line.utf8.count, 8192)
        var parser = HTTPRequestParser()
        parser.append(Array((line + "\r\nHost: h\r\n\r\n").utf8))
        guard case .request = parser.next() else { return XCTFail("8 KiB line must pass") }
    }

    func testHeaderLimitGives431() {
        let big = (0..<40).map { "X-Filler-\($0): \(String(repeating: "v", count: 1000))\r\n" }.joined()
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: h\r\n\(big)\r\n"), 431)
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\n\(big)".utf8))
        XCTAssertEqual(parser.next(), .failure(.headersTooLarge(limit: 32 * 1024)), "refused before the blank line")
        XCTAssertEqual(failure("GET / HTTP/1.1\r\nHost: h\r\nX: \(String(repeating: "v", count: 200))\r\n\r\n",
                               limits: HTTPLimits(maxHeaderBytes: 100)), .headersTooLarge(limit: 100))
    }

    func testBodiesAreRefusedWith413() {
        XCTAssertEqual(failure("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 12\r\n\r\nq=ch%E1%BB%89"), .bodyNotAllowed(contentLength: 12))
        XCTAssertEqual(failure("GET / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"), .bodyNotAllowed(contentLength: nil))
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 5\r\n\r\n"), 413)
    }

    func testInvalidContentLengthGives400() {
        for value in ["-1", "abc", "5, 6", "", "99999999999999999999999"] {
            XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: \(value)\r\n\r\n"), 400, value)
        }
    }

    func testOtherMethodsGive405() {
        for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "get", "BREW"] {
            XCTAssertEqual(failure("\(method) / HTTP/1.1\r\nHost: h\r\n\r\n"), .methodNotAllowed(method: method))
        }
        XCTAssertEqual(status("POST /api/search HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"), 405)
        XCTAssertEqual(HTTPResponse.error(.methodNotAllowed(method: "POST")).headers["Allow"], "GET, HEAD")
    }

    func testMalformedRequestLinesGive400() {
        let lines = [
            "GET\r\n", "GET /\r\n", "GET / HTTP/1.1 extra\r\n", "GET  / HTTP/1.1\r\n", " GET / HTTP/1.1\r\n",
            "GET / HTTP/1\r\n", "GET / HTTX/1.1\r\n", "GET / http/1.1\r\n", "G(T / HTTP/1.1\r\n",
            "GET search HTTP/1.1\r\n", "GET * HTTP/1.1\r\n", "GET /a\u{7F}b HTTP/1.1\r\n",
            "GET /a\rb HTTP/1.1\r\n", "GET /a\u{0}b HTTP/1.1\r\n", "GET /\u{1B}[31m HTTP/1.1\r\n",
        ]
        for line in lines {
            XCTAssertEqual(status(line + "Host: h\r\n\r\n"), 400, line.debugDescription)
        }
    }

    func testUnsupportedVersionGives505() {
        XCTAssertEqual(failure("GET / HTTP/2.0\r\nHost: h\r\n\r\n"), .versionNotSupported(version: "HTTP/2.0"))
        XCTAssertEqual(status("GET / HTTP/0.9\r\n\r\n"), 505)
    }

    func testMalformedHeadersGive400() {
        let headers = [
            "Host: h\r\n folded: value\r\n", "Host: h\r\nNo colon here\r\n", "Host: h\r\nBad Name: v\r\n",
            "Host: h\r\nName : v\r\n", "Host: h\r\n: empty\r\n", "Host: h\r\nX: a\u{0}b\r\n", "Host: h\r\nX: a\rb\r\n",
            "", "Host: a\r\nHost: b\r\n",
        ]
        for header in headers {
            XCTAssertEqual(status("GET / HTTP/1.1\r\n\(header)\r\n"), 400, header.debugDescription)
        }
    }

    func testInvalidPercentEncodingGives400() {
        XCTAssertEqual(failure("GET /search?q=%zz HTTP/1.1\r\nHost: h\r\n\r\n"), .invalidPercentEncoding(component: "query"))
        XCTAssertEqual(failure("GET /plans/%E1%BB HTTP/1.1\r\nHost: h\r\n\r\n"), .invalidPercentEncoding(component: "path"))
        for target in ["/search?q=%", "/search?q=%4", "/search?q=%C3%28", "/search?%FF=1", "/a%00b", "/search?q=ch%E1%BB%2"] {
            XCTAssertEqual(status("GET \(target) HTTP/1.1\r\nHost: h\r\n\r\n"), 400, target)
        }
    }

    func testFailureIsStickySoTheConnectionIsClosed() {
        var parser = HTTPRequestParser()
        parser.append(Array("GET /%zz HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        XCTAssertEqual(parser.next(), .failure(.invalidPercentEncoding(component: "path")))
        XCTAssertEqual(parser.next(), .failure(.invalidPercentEncoding(component: "path")))
        XCTAssertFalse(parser.hasPartialRequest)
    }

    func testLongMethodIsQuotedShortInTheError() {
        let method = String(repeating: "X", count: 500)
        guard case .methodNotAllowed(let quoted)? = failure("\(method) / HTTP/1.1\r\nHost: h\r\n\r\n") else {
            return XCTFail("405 expected")
        }
        XCTAssertLessThan(quoted.count, 100)
    }

    func testArbitraryBytesNeverTrap() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("GET HEAD /?=&%+:\r\n HTTP/1.1 Host: Content-Length 0123456789abcdefABCDEF\u{0}\t".utf8) + [0xC3, 0xA1, 0xFF]
        for _ in 0..<2_000 {
            var parser = HTTPRequestParser(limits: HTTPLimits(maxRequestLineBytes: 64, maxHeaderBytes: 128))
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                parser.append((0..<Int.random(in: 0...120, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
                for _ in 0..<3 { _ = parser.next() }
            }
        }
    }
}
