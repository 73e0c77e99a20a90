import Foundation
import Glibc
@testable import DocsearchKit

/// A raw-socket HTTP client for the server tests: it writes exactly the bytes
/// given, so it can send what no well-behaved client library would.
final class HTTPTestClient {
    struct Response {
        var statusCode: Int
        var headers: [String: String]   // lowercased names
        var body: [UInt8]
        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    enum ClientError: Error { case connect(Int32), closed, timeout, malformed(String) }

    let descriptor: Int32
    private var pending: [UInt8] = []

    /// Connects to `host` (IPv4 or IPv6 literal) with a receive timeout, generous for a loaded machine.
    init(host: String = "127.0.0.1", port: UInt16, receiveTimeout: Double = 15) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let info = list else { throw ClientError.connect(-1) }
        defer { freeaddrinfo(list) }
        let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError.connect(errno) }
        var timeout = timeval(tv_sec: Int(receiveTimeout), tv_usec: Int((receiveTimeout - receiveTimeout.rounded(.down)) * 1e6))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            let code = errno
            close(fd)
            throw ClientError.connect(code)
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw ClientError.closed }
            offset += sent
        }
    }

    /// Reads one response; `headRequest` when it answers a HEAD (no body follows).
    func readResponse(headRequest: Bool = false) throws -> Response {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = findHeadEnd()
            if headEnd == nil { try fill() }
        }
        let head = String(decoding: pending[0..<(headEnd! - 4)], as: UTF8.self)
        pending.removeFirst(headEnd!)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let code = Int(statusLine[1]) else {
            throw ClientError.malformed(head)
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw ClientError.malformed(line) }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = headRequest ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        while pending.count < length { try fill() }
        let body = Array(pending[0..<length])
        pending.removeFirst(length)
        return Response(statusCode: code, headers: headers, body: body)
    }

    /// True when the server closed the connection (reads end of stream) before `timeout`.
    func waitForClose() -> Bool {
        do {
            while true { try fill() }
        } catch ClientError.closed {
            return true
        } catch {
            return false
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        if count > 0 { pending.append(contentsOf: chunk[0..<count]); return }
        if count == 0 { throw ClientError.closed }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw ClientError.timeout }
        if errno == ECONNRESET { throw ClientError.closed }
        throw ClientError.closed
    }

    private func findHeadEnd() -> Int? {
        guard pending.count >= 4 else { return nil }
        for index in 3..<pending.count where pending[index] == 10 && pending[index - 1] == 13
            && pending[index - 2] == 10 && pending[index - 3] == 13 {
            return index + 1
        }
        return nil
    }

    /// One request on a fresh connection.
    static func get(_ target: String, port: UInt16, host: String = "127.0.0.1") throws -> Response {
        let client = try HTTPTestClient(host: host, port: port)
        try client.send("GET \(target) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        return try client.readResponse()
    }
}

/// A server on an ephemeral loopback port whose handler echoes what it parsed,
/// and a thread-safe record of the access log.
final class TestServer {
    let server: HTTPServer
    let log = AccessLogRecorder()
    var port: UInt16 { server.port }

    init(host: String = "127.0.0.1", configure: (inout HTTPServerConfiguration) -> Void = { _ in },
         handler: (@Sendable (HTTPRequest) -> HTTPResponse)? = nil) throws {
        var configuration = HTTPServerConfiguration(host: host, port: 0, workerCount: 2)
        let recorder = log
        configuration.accessLogger = { recorder.record($0) }
        configure(&configuration)
        server = HTTPServer(configuration: configuration, handler: handler ?? TestServer.echo)
        try server.start()
    }

    deinit { server.stop() }

    /// Echoes the decoded path and query: "path=/search q=Chỉ thị 20".
    static let echo: @Sendable (HTTPRequest) -> HTTPResponse = { request in
        let query = request.queryItems.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        return .text("path=\(request.path) \(query)")
    }
}

final class AccessLogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [HTTPAccessLogEntry] = []

    func record(_ entry: HTTPAccessLogEntry) {
        lock.lock()
        stored.append(entry)
        lock.unlock()
    }

    var entries: [HTTPAccessLogEntry] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// Polls until `condition` holds on the entries or `timeout` passes (no fixed sleeps).
    func wait(timeout: Double = 10, until condition: ([HTTPAccessLogEntry]) -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if condition(entries) { return true }
            usleep(2_000)
        }
        return condition(entries)
    }
}
