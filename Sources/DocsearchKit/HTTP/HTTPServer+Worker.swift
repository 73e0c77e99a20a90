import Glibc

/// What a worker does with a connection that became readable: read what is
/// there, answer every complete request in order (pipelining), then give the
/// connection back to epoll or close it. A worker never waits for a client to
/// send; it waits for one to read a response only up to `writeTimeout`.
extension HTTPServer {
    /// Requests answered in one turn before a pipelining client goes to the
    /// back of the queue, so it cannot keep a worker to itself. While other
    /// connections wait for a worker, a turn is one request.
    static let requestsPerTurn = 64

    func serve(_ connection: HTTPConnection, scratch: UnsafeMutableRawBufferPointer) {
        var answered = 0
        while true {
            switch connection.parser.next() {
            case .request(let request):
                let keepOpen = respond(to: request, on: connection)
                if connection.parser.hasPartialRequest { connection.requestStartedAt = MonotonicClock.now() }
                if !keepOpen { return release(connection, close: true) }
                answered += 1
                // A client that sends its next request as soon as it reads an
                // answer would otherwise be served again and again while the
                // others wait (with 64 clients over 20,000 plans: p50 5 ms,
                // p99 1.7 s). It goes to the back of the line, still busy:
                // requeued rather than handed back to epoll, as requests may
                // already sit in the parser with nothing new on the socket, and
                // by its next turn the client has mostly sent its next request,
                // so a loaded server answers without a round trip through epoll.
                if answered >= HTTPServer.requestsPerTurn || pool?.hasWaitingConnections == true {
                    pool?.submit(connection)
                    return
                }
            case .failure(let error):
                refuse(error, on: connection)
                return release(connection, close: true)
            case .needMoreData:
                let count = recv(connection.descriptor, scratch.baseAddress, scratch.count, Int32(MSG_DONTWAIT))
                if count > 0 {
                    if !connection.parser.hasPartialRequest { connection.requestStartedAt = MonotonicClock.now() }
                    connection.parser.append(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                } else if count == 0 {
                    return release(connection, close: true)
                } else if errno == EINTR {
                    continue
                } else if errno == EAGAIN || errno == EWOULDBLOCK {
                    return release(connection, close: false)
                } else {
                    return release(connection, close: true)
                }
            }
        }
    }

    /// Calls the handler and writes its response; true when the connection stays open.
    private func respond(to request: HTTPRequest, on connection: HTTPConnection) -> Bool {
        let started = MonotonicClock.now()
        let response = handler.handle(request)
        lock.lock()
        let keepAlive = request.keepAlive && phase == .running
        lock.unlock()
        let headOnly = request.method == .head
        let bytes = response.serialized(version: request.version, keepAlive: keepAlive, headOnly: headOnly,
                                        date: HTTPDate.now())
        let sent = SocketOptions.sendAll(connection.descriptor, bytes,
                                         deadline: MonotonicClock.now() + MonotonicClock.nanoseconds(configuration.writeTimeout))
        log(method: request.method.rawValue, target: request.target, status: response.status.code,
            bytes: headOnly ? 0 : response.body.count, started: started)
        return sent && keepAlive
    }

    /// Answers a request the parser refused, then lets the client's remaining
    /// bytes drain so closing does not reset the connection before it reads the answer.
    private func refuse(_ error: HTTPError, on connection: HTTPConnection) {
        let started = MonotonicClock.now()
        let response = configuration.errorResponder(error)
        let bytes = response.serialized(keepAlive: false, headOnly: false, date: HTTPDate.now())
        _ = SocketOptions.sendAll(connection.descriptor, bytes,
                                  deadline: started + MonotonicClock.nanoseconds(min(configuration.writeTimeout, 2)))
        log(method: "-", target: "-", status: response.status.code, bytes: response.body.count, started: started)
        shutdown(connection.descriptor, Int32(SHUT_WR))
        var drained = 0
        var sink = [UInt8](repeating: 0, count: 16 * 1024)
        while drained < 1 << 20 {
            let count = recv(connection.descriptor, &sink, sink.count, Int32(MSG_DONTWAIT))
            if count <= 0 { break }
            drained += count
        }
    }

    /// Gives the connection back to the event loop, or closes it.
    private func release(_ connection: HTTPConnection, close shouldClose: Bool) {
        lock.lock()
        busyCount -= 1
        var closeIt = shouldClose || phase != .running
        if !closeIt {
            let now = MonotonicClock.now()
            connection.deadline = connection.parser.hasPartialRequest
                ? connection.requestStartedAt + MonotonicClock.nanoseconds(configuration.requestTimeout)
                : now + MonotonicClock.nanoseconds(configuration.idleTimeout)
            connection.isBusy = false
            // Re-armed under the lock, so the loop cannot time it out and close
            // the descriptor between the state change and the re-arm.
            if epoll?.modify(connection.descriptor, events: HTTPServer.connectionEvents, tag: connection.tag) != true {
                closeIt = true
            }
        }
        if closeIt { connections[connection.descriptor] = nil }
        let stopping = phase == .stopping
        lock.unlock()
        if closeIt { Glibc.close(connection.descriptor) }
        if stopping { wakeEventLoop() }
    }

    func log(method: String, target: String, status: Int, bytes: Int, started: UInt64) {
        let micros = Int((MonotonicClock.now() &- started) / 1000)
        configuration.accessLogger(HTTPAccessLogEntry(method: method, target: target, status: status,
                                                      bytes: bytes, durationMicroseconds: micros))
    }
}
