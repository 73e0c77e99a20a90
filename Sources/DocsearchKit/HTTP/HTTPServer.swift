import Foundation
import Glibc

/// An HTTP/1.1 server on POSIX sockets.
///
/// One event-loop thread owns the listening socket and every idle connection
/// in an epoll set; when a connection has bytes to read it is handed (one-shot)
/// to a bounded pool of worker threads, which read, parse, call the handler,
/// write the response and give the connection back to epoll. So an idle or
/// slow client holds no thread, and thousands of idle keep-alive connections
/// never keep a new client waiting. A partial request must be complete within
/// `requestTimeout`; a silent connection is closed after `idleTimeout`.
///
/// The handler runs on worker threads, several at once: see `HTTPRequestHandler`.
///
/// ```swift
/// let server = HTTPServer(configuration: .init(port: 8080)) { request in .text("xin chào") }
/// try server.run()   // start, stop on SIGINT/SIGTERM, return once stopped
/// ```
public final class HTTPServer: @unchecked Sendable {
    enum Phase { case created, running, stopping, stopped }

    public let configuration: HTTPServerConfiguration
    let handler: any HTTPRequestHandler

    // Everything below is guarded by `lock`.
    let lock = NSCondition()
    var phase = Phase.created
    var connections: [Int32: HTTPConnection] = [:]
    var busyCount = 0
    var generation: UInt32 = 0
    var boundPort: UInt16 = 0
    var signalSources: [DispatchSourceSignal] = []

    // Set in `start()`, then read-only until the event loop ends.
    var epoll: Epoll?
    var listener: ListeningSocket?
    var pool: HTTPWorkerPool?
    var wakePipe: (read: Int32, write: Int32) = (-1, -1)

    static let listenerTag = UInt64.max
    static let wakeTag = UInt64.max - 1

    public init(configuration: HTTPServerConfiguration, handler: any HTTPRequestHandler) {
        self.configuration = configuration
        self.handler = handler
    }

    public convenience init(configuration: HTTPServerConfiguration,
                            handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.init(configuration: configuration, handler: HTTPClosureHandler(handler))
    }

    /// The port the server listens on (the kernel's choice when configured with 0); 0 before `start()`.
    public var port: UInt16 {
        lock.lock()
        defer { lock.unlock() }
        return boundPort
    }

    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return phase == .running
    }

    /// Binds, listens and starts the event loop and the workers; returns once
    /// the server accepts connections. A server starts once.
    public func start() throws {
        lock.lock()
        defer { lock.unlock() }
        guard phase == .created else { throw HTTPError.invalidServerState("the server was already started") }

        signal(SIGPIPE, SIG_IGN)
        if configuration.raiseFileDescriptorLimit { HTTPServer.raiseOpenFileLimit() }

        let epoll = try Epoll()
        let listener: ListeningSocket
        do {
            listener = try ListeningSocket(host: configuration.host, port: configuration.port,
                                           backlog: configuration.listenBacklog)
        } catch {
            epoll.close()
            throw error
        }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            let code = errno
            epoll.close()
            listener.close()
            throw HTTPError.socket(operation: "pipe", errno: code)
        }
        for fd in fds {
            _ = SocketOptions.setNonBlocking(fd)
            SocketOptions.setCloseOnExec(fd)
        }
        guard epoll.add(listener.descriptor, events: Epoll.readable, tag: HTTPServer.listenerTag),
              epoll.add(fds[0], events: Epoll.readable, tag: HTTPServer.wakeTag) else {
            let code = errno
            epoll.close()
            listener.close()
            fds.forEach { _ = close($0) }
            throw HTTPError.socket(operation: "epoll_ctl", errno: code)
        }

        self.epoll = epoll
        self.listener = listener
        self.wakePipe = (fds[0], fds[1])
        self.boundPort = listener.port
        self.pool = HTTPWorkerPool(threadCount: configuration.workerCount) { [self] connection, scratch in
            serve(connection, scratch: scratch)
        }
        phase = .running

        let loop = Thread { [self] in runEventLoop() }
        loop.name = "docsearch-http-event-loop"
        loop.start()
    }

    /// Graceful stop: stops accepting, closes idle connections, lets requests
    /// already being handled finish (their responses say `Connection: close`),
    /// then returns. Waits at most about `shutdownTimeout`. Safe to call from
    /// any thread, more than once.
    public func stop() {
        lock.lock()
        if phase == .created { phase = .stopped; lock.broadcast() }
        if phase == .running { phase = .stopping }
        lock.unlock()
        wakeEventLoop()
        waitUntilStopped()
    }

    /// Blocks until the server has stopped (after `stop()`, or a signal when
    /// `stopOnSignals` was installed).
    public func waitUntilStopped() {
        lock.lock()
        while phase != .stopped && phase != .created { lock.wait() }
        lock.unlock()
    }

    /// Writes a byte the event loop sees at once. Under the lock, so it never
    /// writes to a pipe the loop has closed (and a descriptor since reused).
    func wakeEventLoop() {
        lock.lock()
        defer { lock.unlock() }
        guard wakePipe.write >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(wakePipe.write, &byte, 1)
    }

    /// 1,000 idle connections need more than the usual soft limit of 1,024 descriptors.
    static func raiseOpenFileLimit() {
        var limits = rlimit()
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        guard getrlimit(resource, &limits) == 0, limits.rlim_cur < limits.rlim_max else { return }
        limits.rlim_cur = limits.rlim_max
        _ = setrlimit(resource, &limits)
    }
}
