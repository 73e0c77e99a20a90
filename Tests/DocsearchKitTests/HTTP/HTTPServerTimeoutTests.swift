import XCTest
import Glibc
@testable import DocsearchKit

/// Slow and idle clients are timed out and never hold a worker.
final class HTTPServerTimeoutTests: XCTestCase {
    func testPartialRequestGets408AfterTheRequestTimeout() throws {
        let test = try TestServer(configure: { $0.requestTimeout = 0.3; $0.idleTimeout = 30 })
        let client = try HTTPTestClient(port: test.port)
        let started = Date()
        try client.send("GET /search?q=ch%E1%BB%89 HTTP/1.1\r\nHo")
        let response = try client.readResponse()
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(response.statusCode, 408)
        XCTAssertGreaterThanOrEqual(elapsed, 0.25, "not before the timeout")
        XCTAssertLessThan(elapsed, 10)
        XCTAssertTrue(client.waitForClose())
    }

    func testTricklingClientIsCutOffAlthoughItKeepsSending() throws {
        let test = try TestServer(configure: { $0.requestTimeout = 0.5; $0.idleTimeout = 30 })
        let client = try HTTPTestClient(port: test.port)
        let started = Date()
        var closed = false
        // One header byte every 20 ms would take minutes to finish the 32 KiB allowed.
        for byte in Array("GET / HTTP/1.1\r\nX-Slow: ".utf8) + Array(repeating: UInt8(ascii: "z"), count: 5_000) {
            do { try client.send([byte]) } catch { closed = true; break }
            var poller = pollfd(fd: client.descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 20) > 0 { closed = true; break }
            if Date().timeIntervalSince(started) > 15 { break }
        }
        XCTAssertTrue(closed, "the server answered or closed")
        XCTAssertEqual(try? client.readResponse().statusCode, 408)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testSlowClientsDoNotHoldTheOnlyWorker() throws {
        let test = try TestServer(configure: { $0.workerCount = 1; $0.requestTimeout = 30 })
        let slow = try (0..<5).map { _ in try HTTPTestClient(port: test.port) }
        for client in slow { try client.send("GET /never-finished HTTP/1.1\r\nHost: t\r\n") }
        let started = Date()
        let response = try HTTPTestClient.get("/healthz", port: test.port)
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "served long before any slow client times out")
    }

    func testIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws {
        let test = try TestServer(configure: { $0.idleTimeout = 0.3 })
        let client = try HTTPTestClient(port: test.port)
        try client.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(try client.readResponse().statusCode, 200)
        let started = Date()
        XCTAssertTrue(client.waitForClose())
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertGreaterThanOrEqual(elapsed, 0.2)
        XCTAssertLessThan(elapsed, 10)
        XCTAssertTrue(test.log.entries.allSatisfy { $0.status == 200 }, "an idle close sends nothing")
    }

    func testClientThatNeverReadsIsDroppedAfterTheWriteTimeout() throws {
        let big = HTTPResponse.text(String(repeating: "Kế hoạch tuyên truyền phổ biến pháp luật. ", count: 200_000))
        let test = try TestServer(configure: { $0.workerCount = 1; $0.writeTimeout = 0.5 }, handler: { request in
            request.path == "/big" ? big : .text("ok")
        })
        let reader = try HTTPTestClient(port: test.port)
        var size: Int32 = 4096
        _ = setsockopt(reader.descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        try reader.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")   // and never read it
        XCTAssertTrue(test.log.wait(timeout: 15) { $0.contains { $0.target == "/big" } }, "write gave up")
        XCTAssertEqual(try HTTPTestClient.get("/after", port: test.port).bodyText, "ok", "the only worker is free again")
    }
}
