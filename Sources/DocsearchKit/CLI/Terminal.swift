import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Output to the terminal: stdout and stderr, colour only on a TTY.
public final class Terminal: @unchecked Sendable {
    public var out: (String) -> Void
    public var err: (String) -> Void
    public var stdoutIsTTY: Bool
    public var stderrIsTTY: Bool

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, stdoutIsTTY: Bool, stderrIsTTY: Bool) {
        self.out = out; self.err = err; self.stdoutIsTTY = stdoutIsTTY; self.stderrIsTTY = stderrIsTTY
    }

    public static func standard() -> Terminal {
        Terminal(out: { s in FileHandle.standardOutput.write(Data(s.utf8)) },
                 err: { s in FileHandle.standardError.write(Data(s.utf8)) },
                 stdoutIsTTY: isatty(1) == 1 && getenv("NO_COLOR") == nil,
                 stderrIsTTY: isatty(2) == 1)
    }

    public func line(_ s: String = "") { out(s + "\n") }

    /// What `body` writes to stdout, written at once: one system call for a
    /// page of results instead of one per line.
    public func batched(_ body: () throws -> Void) rethrows {
        let write = out
        var text = ""
        out = { text += $0 }
        defer {
            out = write
            if !text.isEmpty { write(text) }
        }
        try body()
    }

    public func warn(_ s: String) { err(s + "\n") }

    func bold(_ s: String) -> String { stdoutIsTTY ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    func dim(_ s: String) -> String { stdoutIsTTY ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    func highlight(_ s: String) -> String { stdoutIsTTY ? "\u{1B}[1;33m\(s)\u{1B}[0m" : s }

    /// The snippet with its highlights marked for this terminal.
    func render(_ snippet: Snippet) -> String {
        guard stdoutIsTTY else { return snippet.text }
        let bytes = Array(snippet.text.utf8)
        var out = ""
        var at = 0
        for r in snippet.highlights where r.lowerBound >= at && r.upperBound <= bytes.count {
            out += String(decoding: bytes[at..<r.lowerBound], as: UTF8.self)
            out += highlight(String(decoding: bytes[r], as: UTF8.self))
            at = r.upperBound
        }
        out += String(decoding: bytes[at...], as: UTF8.self)
        return out
    }
}
