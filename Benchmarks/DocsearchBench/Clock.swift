import Dispatch

/// A monotonic clock for wall-time measurements.
enum Clock {
    static func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Runs `body` and returns its result with the wall seconds it took.
    static func measure<T>(_ body: () throws -> T) rethrows -> (T, seconds: Double) {
        let start = nanoseconds()
        let value = try body()
        return (value, Double(nanoseconds() - start) / 1e9)
    }
}
