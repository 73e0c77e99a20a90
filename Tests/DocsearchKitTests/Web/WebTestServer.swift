import Foundation
import XCTest
@testable import DocsearchKit

/// `WebApplication` on an ephemeral loopback port over an index directory,
/// with helpers for real requests (raw sockets, `HTTPTestClient`).
final class WebTestServer {
    let holder: IndexHolder
    let server: TestServer
    let logLines = LogLines()
    var port: UInt16 { server.port }

    init(indexDirectory: String, checkInterval: TimeInterval = 0.25) throws {
        let lines = logLines
        holder = IndexHolder(snapshot: try IndexSnapshot.open(directory: indexDirectory), checkInterval: checkInterval,
                             log: { lines.append($0) })
        let app = WebApplication(index: holder, log: { lines.append($0) })
        server = try TestServer(configure: { $0.errorResponder = WebApplication.errorResponder }, handler: { app.handle($0) })
    }

    /// Over the seed corpus (the 5 real plans).
    static func seed() throws -> WebTestServer { try WebTestServer(indexDirectory: Fixtures.seedIndex.dir) }

    func get(_ target: String) throws -> HTTPTestClient.Response {
        try HTTPTestClient.get(target, port: port)
    }

    /// The body parsed as a JSON object, after checking status and content type.
    func json(_ target: String, status: Int = 200, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let response = try get(target)
        XCTAssertEqual(response.statusCode, status, target, file: file, line: line)
        XCTAssertEqual(response.headers["content-type"], HTTPResponse.jsonContentType, file: file, line: line)
        let object = try JSONSerialization.jsonObject(with: Data(response.body))
        return try XCTUnwrap(object as? [String: Any], "not a JSON object: \(response.bodyText)", file: file, line: line)
    }

    /// Percent-encodes a query value as a browser would.
    static func q(_ text: String) -> String { URLQuery.encode(text) }
}

final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}
