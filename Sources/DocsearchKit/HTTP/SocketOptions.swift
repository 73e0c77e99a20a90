import Glibc

/// Small POSIX socket helpers shared by the listener and the connections.
enum SocketOptions {
    static func setNonBlocking(_ fd: Int32) -> Bool {
        let flags = fcntl(fd, F_GETFL)
        return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0
    }

    static func setCloseOnExec(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFD)
        if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
    }

    static func setFlag(_ fd: Int32, level: Int32, option: Int32) {
        var on: Int32 = 1
        _ = setsockopt(fd, level, option, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sends as much of `bytes` as the socket takes now, without blocking and
    /// without SIGPIPE. Returns the count sent, or nil on a closed or failed socket.
    static func sendNow(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        while true {
            let sent = send(fd, base, bytes.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            if sent >= 0 { return sent }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return 0
            default: return nil
            }
        }
    }

    /// Sends all of `bytes`, waiting for the socket to drain at most until
    /// `deadline` (monotonic nanoseconds). False when the client did not take it in time.
    static func sendAll(_ fd: Int32, _ bytes: [UInt8], deadline: UInt64) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                guard let sent = sendNow(fd, UnsafeRawBufferPointer(rebasing: raw[offset...])) else { return false }
                offset += sent
                if offset == raw.count { break }
                if sent == 0 {
                    let now = MonotonicClock.now()
                    guard now < deadline else { return false }
                    var waiting = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    let milliseconds = Int32(min((deadline - now) / 1_000_000 + 1, 1000))
                    if poll(&waiting, 1, milliseconds) < 0 && errno != EINTR { return false }
                }
            }
            return true
        }
    }
}

/// Monotonic time in nanoseconds, for deadlines that wall-clock changes cannot move.
enum MonotonicClock {
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    static func nanoseconds(_ seconds: Double) -> UInt64 {
        seconds <= 0 ? 0 : UInt64(min(seconds, 1e9) * 1e9)
    }
}
