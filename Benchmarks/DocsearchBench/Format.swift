import Foundation

/// How figures are written in the tables: decimal megabytes (as the peers'
/// figures in the issues), seconds, milliseconds and microseconds.
enum Format {
    static func bytes(_ n: Int) -> String {
        let d = Double(n)
        if d >= 1e9 { return String(format: "%.2f GB", d / 1e9) }
        if d >= 1e6 { return String(format: "%.1f MB", d / 1e6) }
        if d >= 1e3 { return String(format: "%.1f kB", d / 1e3) }
        return "\(n) B"
    }

    static func seconds(_ s: Double) -> String {
        s >= 100 ? String(format: "%.0f s", s) : s >= 10 ? String(format: "%.1f s", s) : String(format: "%.2f s", s)
    }

    static func milliseconds(_ s: Double) -> String {
        let ms = s * 1000
        return ms >= 100 ? String(format: "%.0f ms", ms) : String(format: "%.1f ms", ms)
    }

    /// A latency given in microseconds: "441 µs", "3.40 ms", "12.3 ms", "1.43 s".
    static func micros(_ us: Double?) -> String {
        guard let us else { return "–" }
        if us >= 1_000_000 { return String(format: "%.2f s", us / 1e6) }
        if us >= 10_000 { return String(format: "%.1f ms", us / 1000) }
        if us >= 1000 { return String(format: "%.2f ms", us / 1000) }
        if us >= 100 { return String(format: "%.0f µs", us) }
        return String(format: "%.1f µs", us)
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    static func ratio(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "–" }
        return x >= 10 ? String(format: "%.0f×", x) : String(format: "%.2f×", x)
    }

    static func rate(_ x: Double) -> String { String(format: "%.3f", x) }

    static func count(_ n: Int?) -> String { n.map(String.init) ?? "–" }

    static func kilobytes(_ kb: Int) -> String { bytes(kb * 1024) }
}
