import Foundation

/// A value computed at most once, on first use. Concurrent first callers wait
/// for one computation rather than each doing it; a computation that throws
/// leaves nothing behind, so the next caller tries again. Each value has its
/// own lock: a slow one (the citation graph of a large index) does not hold
/// up a quick one (the plan ids).
final class OnceValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    /// The value if it has been computed, without computing it.
    var ifComputed: Value? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func get(_ compute: () throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let computed = try compute()
        value = computed
        return computed
    }
}
