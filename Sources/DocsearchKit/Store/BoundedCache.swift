import Foundation

/// A small thread-safe cache that forgets its oldest entry when full.
public final class BoundedCache<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private var order: [Key] = []
    private var next = 0
    private let capacity: Int
    private let lock = NSLock()

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    public func value(for key: Key) -> Value? {
        lock.lock(); defer { lock.unlock() }
        return values[key]
    }

    /// The value kept for `key`, else `make()`'s, kept. For a memo of a pure
    /// function shared by threads: two may make the same value at once.
    public func value(for key: Key, orMake make: () -> Value) -> Value {
        if let kept = value(for: key) { return kept }
        let made = make()
        store(made, for: key)
        return made
    }

    public func store(_ value: Value, for key: Key) {
        lock.lock(); defer { lock.unlock() }
        if values[key] != nil { values[key] = value; return }
        if order.count < capacity {
            order.append(key)
        } else {
            values[order[next]] = nil
            order[next] = key
            next = (next + 1) % capacity
        }
        values[key] = value
    }
}
