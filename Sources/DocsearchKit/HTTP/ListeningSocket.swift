import Glibc

/// A non-blocking TCP socket bound and listening on an IPv4 or IPv6 address.
struct ListeningSocket {
    let descriptor: Int32
    /// The port actually bound (the kernel's choice when 0 was asked).
    let port: UInt16

    init(host: String, port: UInt16, backlog: Int32) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host.isEmpty ? nil : host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw HTTPError.invalidAddress(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }

        var lastError = HTTPError.invalidAddress(host: host, reason: "no usable address")
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { lastError = .socket(operation: "socket", errno: errno); continue }
            SocketOptions.setCloseOnExec(fd)
            SocketOptions.setFlag(fd, level: SOL_SOCKET, option: SO_REUSEADDR)
            if info.pointee.ai_family == AF_INET6 {
                SocketOptions.setFlag(fd, level: Int32(IPPROTO_IPV6), option: IPV6_V6ONLY)
            }
            guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
                lastError = .socket(operation: "bind \(host):\(port)", errno: errno)
                Glibc.close(fd)
                continue
            }
            guard listen(fd, backlog) == 0, SocketOptions.setNonBlocking(fd) else {
                lastError = .socket(operation: "listen", errno: errno)
                Glibc.close(fd)
                continue
            }
            guard let boundPort = ListeningSocket.localPort(of: fd) else {
                lastError = .socket(operation: "getsockname", errno: errno)
                Glibc.close(fd)
                continue
            }
            self.descriptor = fd
            self.port = boundPort
            return
        }
        throw lastError
    }

    private static func localPort(of fd: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else { return nil }
        return withUnsafePointer(to: &storage) { pointer -> UInt16? in
            switch Int32(pointer.pointee.ss_family) {
            case AF_INET:
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            case AF_INET6:
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            default:
                return nil
            }
        }
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
