import XCTest
@testable import DocsearchKit

final class HTTPResponseTests: XCTestCase {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func testGetResponseCarriesLengthAndBody() {
        let body = "Kế hoạch tổng kết Chỉ thị số 20-CT/TW"
        let wire = text(HTTPResponse.html(body).serialized(keepAlive: true, headOnly: false, date: "Sun, 06 Nov 1994 08:49:37 GMT"))
        XCTAssertTrue(wire.hasPrefix("HTTP/1.1 200 OK\r\n"))
        XCTAssertTrue(wire.contains("Content-Type: text/html; charset=utf-8\r\n"))
        XCTAssertTrue(wire.contains("Content-Length: \(body.utf8.count)\r\n"))
        XCTAssertTrue(wire.contains("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"))
        XCTAssertFalse(wire.contains("Connection:"), "keep-alive is the HTTP/1.1 default")
        XCTAssertTrue(wire.hasSuffix("\r\n\r\n" + body))
    }

    func testHeadKeepsContentLengthButSendsNoBody() {
        let response = HTTPResponse.json("{\"total\":5}")
        let wire = text(response.serialized(keepAlive: false, headOnly: true))
        XCTAssertTrue(wire.contains("Content-Length: 11\r\n"))
        XCTAssertTrue(wire.contains("Connection: close\r\n"))
        XCTAssertTrue(wire.hasSuffix("\r\n\r\n"))
    }

    func testHTTP10KeepAliveIsAnnounced() {
        let wire = text(HTTPResponse.text("ok").serialized(version: .http1_0, keepAlive: true, headOnly: false))
        XCTAssertTrue(wire.contains("Connection: keep-alive\r\n"))
    }

    func testServerOwnedFieldsAreReplaced() {
        var response = HTTPResponse.text("abc")
        response.headers["Content-Length"] = "999"
        response.headers["Connection"] = "keep-alive"
        let wire = text(response.serialized(keepAlive: false, headOnly: false))
        XCTAssertFalse(wire.contains("999"))
        XCTAssertTrue(wire.contains("Content-Length: 3\r\n"))
        XCTAssertEqual(wire.components(separatedBy: "Connection:").count, 2)
    }

    func testHeaderInjectionFromADecodedQueryNeverSplitsTheHead() throws {
        // What an attacker sends as ?next=%0D%0ASet-Cookie:...; once decoded it must not become a field.
        var parser = HTTPRequestParser()
        parser.append(Array("GET /go?next=/x%0D%0ASet-Cookie:%20a=1%0AX-Evil:%001 HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        guard case .request(let request) = parser.next(), let next = request.queryValue("next") else {
            return XCTFail("request expected")
        }
        XCTAssertTrue(next.contains("\r\n"), "decoded value keeps the raw characters as data")
        var response = HTTPResponse.redirect(to: next)
        response.headers.add(name: "X-Query\r\nSet-Cookie", value: next)
        let wire = text(response.serialized(keepAlive: true, headOnly: false))
        let head = try XCTUnwrap(wire.components(separatedBy: "\r\n\r\n").first)
        let lines = head.components(separatedBy: "\r\n")
        XCTAssertFalse(lines.contains { $0.hasPrefix("Set-Cookie") || $0.hasPrefix("X-Evil") }, head)
        XCTAssertFalse(head.contains("\n\n") || head.contains("\u{0}"))
        XCTAssertTrue(lines.contains("Location: /x  Set-Cookie: a=1 X-Evil: 1"), head)
        XCTAssertTrue(lines.contains { $0.hasPrefix("X-QuerySet-Cookie: /x") }, head)
        XCTAssertFalse(wire.dropLast(0).contains("\r\n\r\n\r\n"))
    }

    func testHeadersCompareNamesCaseInsensitively() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain"]
        headers["content-type"] = "application/json"
        XCTAssertEqual(headers.count, 1)
        XCTAssertEqual(headers["CONTENT-TYPE"], "application/json")
        headers["Content-Type"] = nil
        XCTAssertTrue(headers.isEmpty)
    }

    func testDateFormat() {
        XCTAssertEqual(HTTPDate.format(secondsSince1970: 784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT")
        XCTAssertEqual(HTTPDate.format(secondsSince1970: 1_704_067_200), "Mon, 01 Jan 2024 00:00:00 GMT")
    }

    func testAccessLogLineEscapesControlCharacters() {
        let entry = HTTPAccessLogEntry(method: "GET", target: "/search?q=k%E1%BA%BF\n", status: 200, bytes: 512, durationMicroseconds: 87)
        XCTAssertEqual(entry.line, "GET /search?q=k%E1%BA%BF\\xA 200 512 87µs")
    }
}
