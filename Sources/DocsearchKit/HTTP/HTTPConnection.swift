/// One accepted client connection.
///
/// Ownership: while `isBusy` is false the connection sits in epoll and
/// belongs to the event loop (which may time it out); while true it belongs
/// to exactly one worker. `isBusy` and `deadline` change only under the
/// server's lock; the parser and `requestStartedAt` only by the owner.
final class HTTPConnection: @unchecked Sendable {
    let descriptor: Int32
    /// Epoll tag: a generation number over the descriptor, so an event for a
    /// closed connection is never taken for a new one that reuses the descriptor.
    let tag: UInt64
    var parser: HTTPRequestParser
    var isBusy = false
    /// Monotonic nanoseconds after which the event loop closes the idle connection.
    var deadline: UInt64
    /// When the first byte of the request being received arrived.
    var requestStartedAt: UInt64 = 0

    init(descriptor: Int32, generation: UInt32, limits: HTTPLimits, deadline: UInt64) {
        self.descriptor = descriptor
        self.tag = UInt64(generation) << 32 | UInt64(UInt32(bitPattern: descriptor))
        self.parser = HTTPRequestParser(limits: limits)
        self.deadline = deadline
    }

    static func descriptor(ofTag tag: UInt64) -> Int32 {
        Int32(bitPattern: UInt32(truncatingIfNeeded: tag))
    }
}
