import Foundation

/// A fixed set of threads taking connections from a FIFO queue. The queue
/// never holds a connection twice (a connection is queued only when it turns
/// busy), so it is bounded by the connection cap.
final class HTTPWorkerPool: @unchecked Sendable {
    static let readBufferSize = 64 * 1024

    private let condition = NSCondition()
    private var queue: [HTTPConnection] = []
    private var queueHead = 0
    private var isShuttingDown = false
    private var runningThreads = 0

    init(threadCount: Int, work: @escaping @Sendable (HTTPConnection, UnsafeMutableRawBufferPointer) -> Void) {
        runningThreads = threadCount
        for index in 0..<threadCount {
            let thread = Thread { [self] in
                let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: HTTPWorkerPool.readBufferSize, alignment: 16)
                defer { scratch.deallocate() }
                while let connection = take() {
                    work(connection, scratch)
                }
                condition.lock()
                runningThreads -= 1
                condition.broadcast()
                condition.unlock()
            }
            thread.name = "docsearch-http-worker-\(index)"
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    func submit(_ connection: HTTPConnection) {
        condition.lock()
        queue.append(connection)
        condition.signal()
        condition.unlock()
    }

    /// Whether connections are queued, waiting for a worker.
    var hasWaitingConnections: Bool {
        condition.lock()
        defer { condition.unlock() }
        return queueHead < queue.count
    }

    /// Blocks until a connection is queued; nil once shutting down and the queue is empty.
    private func take() -> HTTPConnection? {
        condition.lock()
        defer { condition.unlock() }
        while queueHead == queue.count {
            if isShuttingDown { return nil }
            condition.wait()
        }
        let connection = queue[queueHead]
        queueHead += 1
        if queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
        } else if queueHead >= 1024 {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return connection
    }

    /// Lets the threads finish the queued work and exit; waits for them until `deadline`.
    /// Returns false when some thread was still busy (a handler that does not return).
    @discardableResult
    func shutdown(until deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        isShuttingDown = true
        condition.broadcast()
        while runningThreads > 0 {
            if !condition.wait(until: deadline) { return runningThreads == 0 }
        }
        return true
    }
}
