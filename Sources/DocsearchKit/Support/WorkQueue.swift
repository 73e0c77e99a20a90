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

    /// Calls `body` once with each number of 0..<count, on up to `threads`
    /// threads at once (the calling thread among them; one: in order, on it).
    /// After a call throws, no number is handed out any more, and the first
    /// error is thrown once every call under way has ended.
    static func perform(count: Int, threads: Int, _ body: (Int) throws -> Void) throws {
        let work = WorkQueue(count: count)
        let workers = min(threads, count)
        guard workers > 1 else {
            for i in 0..<count { try body(i) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = work.take() {
                do { try body(i) } catch { work.fail(error) }
            }
        }
        if let failure = work.failure { throw failure }
    }
}
