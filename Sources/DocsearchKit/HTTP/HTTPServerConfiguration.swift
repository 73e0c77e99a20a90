import Foundation

/// How an `HTTPServer` listens, how many threads it uses and how long it waits.
public struct HTTPServerConfiguration: Sendable {
    /// Numeric IPv4 or IPv6 address, or a host name ("127.0.0.1", "::1", "localhost", "0.0.0.0").
    public var host: String
    /// 0 asks the kernel for a free port; read the chosen one from `HTTPServer.port`.
    public var port: UInt16
    /// Threads that parse requests and run the handler.
    public var workerCount: Int
    /// Open connections at most; a client over the cap gets 503 and is closed.
    public var maxConnections: Int
    public var listenBacklog: Int32
    /// Time a client has to send a whole request head once its first byte arrived; then 408 and close.
    public var requestTimeout: TimeInterval
    /// Time a keep-alive (or new) connection may stay silent before it is closed.
    public var idleTimeout: TimeInterval
    /// Time a client has to take a response; then the connection is closed.
    public var writeTimeout: TimeInterval
    /// Time `stop()` waits for in-flight requests to finish.
    public var shutdownTimeout: TimeInterval
    public var limits: HTTPLimits
    /// One entry per request; `HTTPAccessLog.standardError` by default.
    public var accessLogger: HTTPAccessLogger
    /// The response to a request the parser refused (400, 405, 408, 413, 414, 431, 505).
    public var errorResponder: @Sendable (HTTPError) -> HTTPResponse
    /// Raise the soft open-files limit to the hard limit at start, so many idle connections fit.
    public var raiseFileDescriptorLimit: Bool

    public init(host: String = "127.0.0.1", port: UInt16 = 8080,
                workerCount: Int = max(2, ProcessInfo.processInfo.activeProcessorCount),
                maxConnections: Int = 10_000, listenBacklog: Int32 = 1024,
                requestTimeout: TimeInterval = 10, idleTimeout: TimeInterval = 60,
                writeTimeout: TimeInterval = 10, shutdownTimeout: TimeInterval = 10,
                limits: HTTPLimits = HTTPLimits(),
                accessLogger: @escaping HTTPAccessLogger = HTTPAccessLog.standardError,
                errorResponder: @escaping @Sendable (HTTPError) -> HTTPResponse = { HTTPResponse.error($0) },
                raiseFileDescriptorLimit: Bool = true) {
        self.host = host
        self.port = port
        self.workerCount = max(1, workerCount)
        self.maxConnections = max(1, maxConnections)
        self.listenBacklog = listenBacklog
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.shutdownTimeout = shutdownTimeout
        self.limits = limits
        self.accessLogger = accessLogger
        self.errorResponder = errorResponder
        self.raiseFileDescriptorLimit = raiseFileDescriptorLimit
    }
}
