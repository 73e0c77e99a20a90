import Glibc

/// One line of the access log: one per request answered, including the
/// requests the parser refused (method and target "-" when unknown).
public struct HTTPAccessLogEntry: Sendable, Equatable {
    public var method: String
    /// The request target as sent, percent-encoded.
    public var target: String
    public var status: Int
    /// Body bytes sent (0 for HEAD).
    public var bytes: Int
    public var durationMicroseconds: Int

    public init(method: String, target: String, status: Int, bytes: Int, durationMicroseconds: Int) {
        self.method = method
        self.target = target
        self.status = status
        self.bytes = bytes
        self.durationMicroseconds = durationMicroseconds
    }

    /// `GET /search?q=k%E1%BA%BF 200 5120 412µs`. Control characters in the
    /// target are escaped so one request is always one line.
    public var line: String {
        "\(method) \(HTTPAccessLogEntry.printable(target)) \(status) \(bytes) \(durationMicroseconds)µs"
    }

    private static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + String(scalar.value, radix: 16, uppercase: true)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Receives one entry per request; called on worker threads, so it must be thread-safe.
public typealias HTTPAccessLogger = @Sendable (HTTPAccessLogEntry) -> Void

public enum HTTPAccessLog {
    /// Writes each entry's line to standard error with one `write(2)`, so
    /// lines from concurrent workers never interleave.
    public static let standardError: HTTPAccessLogger = { entry in
        let bytes = Array((entry.line + "\n").utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return }
            }
        }
    }

    /// Discards entries (tests, benchmarks).
    public static let disabled: HTTPAccessLogger = { _ in }
}
