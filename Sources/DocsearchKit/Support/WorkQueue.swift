import Foundation

/// Hands out the numbers 0..<count, each once, to workers on any thread, and
/// keeps the first error one of them reports: after it, none is handed out.
/// The indexer's file loop and its merges each share one among their workers.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var firstError: Error? = nil
    let count: Int

    init(count: Int) { self.count = count }

    /// The next number to work on, or nil when all are taken or a worker failed.
    func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard firstError == nil, next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Keeps `error` unless one is kept already.
    func fail(_ error: Error) {
        lock.lock(); if firstError == nil { firstError = error }; lock.unlock()
    }

    /// The first error reported, if any.
    var failure: Error? {
        lock.lock(); defer { lock.unlock() }
        return firstError
    }
}
