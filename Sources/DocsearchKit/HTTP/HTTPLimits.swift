/// Size limits the request parser enforces before it has seen a whole request.
public struct HTTPLimits: Sendable, Equatable {
    /// Longest request line, without its CRLF; longer gets 414.
    public var maxRequestLineBytes: Int
    /// Largest header section (every field line and the blank line); larger gets 431.
    public var maxHeaderBytes: Int

    public init(maxRequestLineBytes: Int = 8 * 1024, maxHeaderBytes: Int = 32 * 1024) {
        self.maxRequestLineBytes = max(16, maxRequestLineBytes)
        self.maxHeaderBytes = max(16, maxHeaderBytes)
    }
}
