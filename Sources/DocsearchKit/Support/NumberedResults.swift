import Foundation

/// What numbered pieces of work hand back, each set once from any thread
/// (`WorkQueue`), read once they have all ended.
final class NumberedResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Value?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Value) { lock.lock(); results[i] = value; lock.unlock() }

    /// Each piece's result, nil where none was set.
    var values: [Value?] {
        lock.lock(); defer { lock.unlock() }
        return results
    }
}
