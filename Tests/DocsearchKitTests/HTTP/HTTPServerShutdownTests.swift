import XCTest
import Glibc
@testable import DocsearchKit

/// Graceful stop: no new connections, idle ones closed, in-flight requests finished.
final class HTTPServerShutdownTests: XCTestCase {
    func testStopFinishesTheInFlightRequestAndRefusesNewClients() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let test = try TestServer(handler: { request in
            if request.path == "/slow" {
                entered.signal()
                release.wait()
            }
            return .text("Kế hoạch \(request.path)")
        })
        let port = test.port
        let idle = try HTTPTestClient(port: port)
        try idle.send("GET /warm HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(try idle.readResponse().statusCode, 200)

        let inFlight = try HTTPTestClient(port: port)
        try inFlight.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(entered.wait(timeout: .now() + 10), .success)

        let stopped = expectation(description: "stop() returned")
        DispatchQueue.global().async {
            test.server.stop()
            stopped.fulfill()
        }
        // The idle keep-alive connection is closed and new clients are refused while the request runs.
        XCTAssertTrue(idle.waitForClose())
        XCTAssertTrue(waitUntil { (try? HTTPTestClient(port: port)) == nil }, "listener closed")
        XCTAssertTrue(test.server.isRunning == false)

        release.signal()
        let response = try inFlight.readResponse()
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(response.bodyText, "Kế hoạch /slow")
        XCTAssertEqual(response.headers["connection"], "close")
        XCTAssertTrue(inFlight.waitForClose())
        wait(for: [stopped], timeout: 15)
    }

    func testRunReturnsAfterASignal() throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, accessLogger: HTTPAccessLog.disabled)) { _ in .text("ok") }
        let finished = expectation(description: "run() returned")
        DispatchQueue.global().async {
            do { try server.run(stoppingOn: [SIGUSR2]) } catch { XCTFail("\(error)") }
            finished.fulfill()
        }
        XCTAssertTrue(waitUntil { server.port != 0 })
        XCTAssertEqual(try HTTPTestClient.get("/", port: server.port).statusCode, 200)
        // The handler may be installed just after start(): signal until run() returns.
        let deadline = Date(timeIntervalSinceNow: 10)
        while server.isRunning && Date() < deadline {
            kill(getpid(), SIGUSR2)
            usleep(20_000)
        }
        wait(for: [finished], timeout: 15)
        XCTAssertFalse(server.isRunning)
    }

    func testStopBeforeStartAndTwiceIsHarmless() throws {
        let never = HTTPServer(configuration: HTTPServerConfiguration(port: 0)) { _ in .text("") }
        never.stop()
        let test = try TestServer()
        test.server.stop()
        test.server.stop()
        XCTAssertFalse(test.server.isRunning)
    }
}

/// Polls `condition` every few milliseconds for up to `timeout` seconds.
func waitUntil(timeout: Double = 10, _ condition: () -> Bool) -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(5_000)
    }
    return condition()
}
