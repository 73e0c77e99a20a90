import XCTest
import Glibc
@testable import DocsearchKit

/// Idle connections live in epoll, not in workers: many of them never delay a new client.
///
/// The suite holds 200 connections to stay fast. The 1,000 of the issue are
/// measured by the same test with a larger count:
///
///     DOCSEARCH_IDLE_CONNECTIONS=1000 swift test --filter HTTPServerIdleConnectionTests
final class HTTPServerIdleConnectionTests: XCTestCase {
    private var idleCount: Int {
        ProcessInfo.processInfo.environment["DOCSEARCH_IDLE_CONNECTIONS"].flatMap(Int.init) ?? 200
    }

    func testIdleConnectionsDoNotDelayANewClient() throws {
        HTTPServer.raiseOpenFileLimit()   // the test process holds both ends of each connection
        let test = try TestServer(configure: { $0.workerCount = 2; $0.idleTimeout = 120 })
        let count = idleCount
        var idle: [HTTPTestClient] = []
        idle.reserveCapacity(count)
        for index in 0..<count {
            let client = try HTTPTestClient(port: test.port)
            if index % 2 == 0 {
                // Half are keep-alive connections that served a request and went quiet...
                try client.send("GET /plans/\(index) HTTP/1.1\r\nHost: t\r\n\r\n")
                XCTAssertEqual(try client.readResponse().statusCode, 200)
            }
            // ...half connected and never sent a byte.
            idle.append(client)
        }

        var latencies: [Double] = []
        for attempt in 0..<5 {
            let started = Date()
            let response = try HTTPTestClient.get("/search?q=Ch%E1%BB%89+th%E1%BB%8B+20&n=\(attempt)", port: test.port)
            latencies.append(Date().timeIntervalSince(started))
            XCTAssertEqual(response.bodyText, "path=/search q=Chỉ thị 20 n=\(attempt)")
        }
        let worst = latencies.max() ?? 0
        print("HTTPServerIdleConnectionTests: \(count) idle connections, new-client latency worst \(Int(worst * 1e6)) µs, median \(Int(latencies.sorted()[2] * 1e6)) µs")
        XCTAssertLessThan(worst, 2, "a new client is served promptly")

        // The idle connections were held open, not dropped to make room: each still works.
        for (index, client) in idle.enumerated() where index % 50 == 1 || index == count - 1 {
            try client.send("GET /still-open/\(index) HTTP/1.1\r\nHost: t\r\n\r\n")
            XCTAssertEqual(try client.readResponse().bodyText, "path=/still-open/\(index) ")
        }
    }
}
