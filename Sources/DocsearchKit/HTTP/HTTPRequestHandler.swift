/// What the server calls for every request it parsed.
///
/// Thread safety: `handle(_:)` is called concurrently on the server's worker
/// threads (up to `HTTPServerConfiguration.workerCount` at once), so an
/// implementation must be safe to call from several threads at the same time:
/// immutable state, or state behind a lock. It should not block for long: a
/// worker busy in the handler serves no one else.
public protocol HTTPRequestHandler: Sendable {
    func handle(_ request: HTTPRequest) -> HTTPResponse
}

/// Adapts a closure to `HTTPRequestHandler`.
public struct HTTPClosureHandler: HTTPRequestHandler {
    private let body: @Sendable (HTTPRequest) -> HTTPResponse

    public init(_ body: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.body = body
    }

    public func handle(_ request: HTTPRequest) -> HTTPResponse { body(request) }
}
