import Foundation
import Glibc

/// The event-loop thread: accepts, hands readable connections to the workers,
/// closes connections past their deadline, and runs the graceful shutdown.
extension HTTPServer {
    static let connectionEvents = Epoll.readable | Epoll.readHangUp | Epoll.oneShot

    /// How often deadlines are checked: a quarter of the shortest timeout, within 10–250 ms.
    var tickMilliseconds: Int32 {
        let shortest = min(configuration.requestTimeout, configuration.idleTimeout)
        return Int32(max(10, min(250, shortest * 1000 / 4)))
    }

    func runEventLoop() {
        guard let epoll, let listener else { return }
        var events = [UInt8](repeating: 0, count: 256 * Epoll.eventSize)
        var spare = open("/dev/null", O_RDONLY | O_CLOEXEC)
        var listening = true
        var stopDeadline: UInt64?
        var nextSweep = MonotonicClock.now()

        while true {
            for (tag, _) in epoll.wait(into: &events, timeoutMilliseconds: tickMilliseconds) {
                switch tag {
                case HTTPServer.listenerTag:
                    if listening { acceptConnections(from: listener.descriptor, spare: &spare) }
                case HTTPServer.wakeTag:
                    drainWakePipe()
                default:
                    dispatch(tag: tag)
                }
            }

            let now = MonotonicClock.now()
            if now >= nextSweep {
                closeExpiredConnections(now: now)
                nextSweep = now + UInt64(tickMilliseconds) * 1_000_000
            }

            lock.lock()
            let stopping = phase == .stopping
            let busy = busyCount
            lock.unlock()
            guard stopping else { continue }

            if listening {
                listening = false
                epoll.remove(listener.descriptor)
                listener.close()
                stopDeadline = now + MonotonicClock.nanoseconds(configuration.shutdownTimeout)
                closeIdleConnections()
            }
            if busy == 0 { break }
            if let stopDeadline, now >= stopDeadline {
                abortBusyConnections()
                break
            }
        }

        if spare >= 0 { close(spare) }
        let grace = Date(timeIntervalSinceNow: min(1, configuration.shutdownTimeout))
        pool?.shutdown(until: grace)
        lock.lock()
        epoll.close()
        close(wakePipe.read)
        close(wakePipe.write)
        wakePipe = (-1, -1)
        phase = .stopped
        for source in signalSources { source.cancel() }
        signalSources = []
        lock.broadcast()
        lock.unlock()
    }

    private func acceptConnections(from listenerDescriptor: Int32, spare: inout Int32) {
        while true {
            let fd = accept(listenerDescriptor, nil, nil)
            if fd < 0 {
                switch errno {
                case EINTR, ECONNABORTED: continue
                case EMFILE, ENFILE:
                    // Out of descriptors: free the spare to accept and drop one
                    // client, so the listener does not stay readable forever.
                    if spare >= 0 {
                        close(spare)
                        let dropped = accept(listenerDescriptor, nil, nil)
                        if dropped >= 0 { close(dropped) }
                        spare = open("/dev/null", O_RDONLY | O_CLOEXEC)
                    }
                    return
                default:
                    return
                }
            }
            SocketOptions.setCloseOnExec(fd)
            guard SocketOptions.setNonBlocking(fd) else { close(fd); continue }
            SocketOptions.setFlag(fd, level: Int32(IPPROTO_TCP), option: TCP_NODELAY)

            lock.lock()
            guard connections.count < configuration.maxConnections else {
                lock.unlock()
                refuseOverCapacity(fd)
                continue
            }
            generation &+= 1
            let deadline = MonotonicClock.now() + MonotonicClock.nanoseconds(configuration.idleTimeout)
            let connection = HTTPConnection(descriptor: fd, generation: generation,
                                            limits: configuration.limits, deadline: deadline)
            connections[fd] = connection
            let added = epoll?.add(fd, events: HTTPServer.connectionEvents, tag: connection.tag) ?? false
            if !added { connections[fd] = nil }
            lock.unlock()
            if !added { close(fd) }
        }
    }

    private func refuseOverCapacity(_ fd: Int32) {
        var response = HTTPResponse.text("\(HTTPStatus.serviceUnavailable)\n", status: .serviceUnavailable)
        response.headers["Retry-After"] = "1"
        let bytes = response.serialized(keepAlive: false, headOnly: false, date: HTTPDate.now())
        bytes.withUnsafeBytes { _ = SocketOptions.sendNow(fd, $0) }
        log(method: "-", target: "-", status: HTTPStatus.serviceUnavailable.code, bytes: response.body.count, started: MonotonicClock.now())
        close(fd)
    }

    /// Hands a readable idle connection to the workers; it leaves epoll until given back.
    private func dispatch(tag: UInt64) {
        let fd = HTTPConnection.descriptor(ofTag: tag)
        lock.lock()
        guard let connection = connections[fd], connection.tag == tag, !connection.isBusy else {
            lock.unlock()
            return
        }
        connection.isBusy = true
        busyCount += 1
        lock.unlock()
        pool?.submit(connection)
    }

    private func drainWakePipe() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(wakePipe.read, &bytes, bytes.count) > 0 {}
    }

    /// Closes idle connections past their deadline: a partial request gets 408 first.
    private func closeExpiredConnections(now: UInt64) {
        lock.lock()
        let expired = connections.values.filter { !$0.isBusy && $0.deadline <= now }
        for connection in expired { connections[connection.descriptor] = nil }
        lock.unlock()
        for connection in expired {
            if connection.parser.hasPartialRequest {
                let error = HTTPError.requestTimeout(seconds: configuration.requestTimeout)
                let response = configuration.errorResponder(error)
                let bytes = response.serialized(keepAlive: false, headOnly: false, date: HTTPDate.now())
                bytes.withUnsafeBytes { _ = SocketOptions.sendNow(connection.descriptor, $0) }
                log(method: "-", target: "-", status: response.status.code, bytes: response.body.count, started: now)
            }
            close(connection.descriptor)
        }
    }

    private func closeIdleConnections() {
        lock.lock()
        let idle = connections.values.filter { !$0.isBusy }
        for connection in idle { connections[connection.descriptor] = nil }
        lock.unlock()
        for connection in idle { close(connection.descriptor) }
    }

    /// After the shutdown timeout: wake workers stuck writing to a client that
    /// does not read. The descriptors stay owned (and closed) by their workers.
    private func abortBusyConnections() {
        lock.lock()
        for connection in connections.values where connection.isBusy {
            shutdown(connection.descriptor, Int32(SHUT_RDWR))
        }
        lock.unlock()
    }
}
