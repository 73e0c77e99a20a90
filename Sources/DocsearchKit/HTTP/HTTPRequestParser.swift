/// An incremental HTTP/1.1 request parser: feed it bytes as they arrive and ask
/// for the next request. Pure (no sockets, no clock), so it is tested directly
/// and can be fuzzed.
///
/// Pipelining: bytes after one request's head stay buffered and start the next
/// request, so `next()` is called until it says `.needMoreData`.
///
/// Limits are checked while bytes arrive, so a client can never make the
/// buffer grow past request line + header limits. Once the parser has reported
/// a failure it keeps reporting it: the connection must be answered and closed.
public struct HTTPRequestParser: Sendable {
    public enum Outcome: Sendable, Equatable {
        case request(HTTPRequest)
        case needMoreData
        case failure(HTTPError)
    }

    public let limits: HTTPLimits

    private var buffer: [UInt8] = []
    /// Start of the request being parsed in `buffer`.
    private var start = 0
    /// Where the search for the end of the head resumes.
    private var scanIndex = 0
    /// Index of the LF ending the request line, once seen.
    private var requestLineEnd: Int?
    private var failure: HTTPError?

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// True when bytes of a next request have arrived but not the whole head.
    public var hasPartialRequest: Bool { failure == nil && start < buffer.count }

    /// Number of bytes buffered and not yet consumed by a returned request.
    public var bufferedByteCount: Int { buffer.count - start }

    public mutating func append<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        guard failure == nil else { return }
        compactIfUseful()
        buffer.append(contentsOf: bytes)
    }

    /// Parses the next request out of the buffered bytes.
    public mutating func next() -> Outcome {
        if let failure { return .failure(failure) }
        skipLeadingEmptyLines()
        guard let headEnd = findHeadEnd() else {
            if let failure { return .failure(failure) }
            return .needMoreData
        }
        let lineEnd = requestLineEnd ?? headEnd
        let outcome = buffer.withUnsafeBufferPointer { all -> Outcome in
            let bytes = UnsafeBufferPointer(rebasing: all[start..<headEnd])
            let lineLength = lineEnd - start
            do {
                return .request(try HTTPRequestParser.parseHead(bytes, requestLineLength: lineLength))
            } catch let error as HTTPError {
                return .failure(error)
            } catch {
                return .failure(.malformedRequestLine(reason: "unreadable"))
            }
        }
        start = headEnd
        scanIndex = headEnd
        requestLineEnd = nil
        if case .failure(let error) = outcome { failure = error }
        return outcome
    }

    // MARK: - Framing

    /// RFC 9112 §2.2: a server should ignore empty lines received before a request line.
    private mutating func skipLeadingEmptyLines() {
        guard requestLineEnd == nil else { return }
        while start < buffer.count, buffer[start] == HTTPSyntax.cr || buffer[start] == HTTPSyntax.lf {
            start += 1
        }
        if scanIndex < start { scanIndex = start }
    }

    /// Finds the index just past the blank line ending the head, checking the
    /// limits on the way; nil when more bytes are needed or a limit was hit.
    private mutating func findHeadEnd() -> Int? {
        var index = scanIndex
        let end = buffer.count
        while index < end {
            if buffer[index] == HTTPSyntax.lf {
                if let lineEnd = requestLineEnd {
                    let previous = buffer[index - 1]
                    let isBlankLine = previous == HTTPSyntax.lf
                        || (previous == HTTPSyntax.cr && index - 2 >= lineEnd && buffer[index - 2] == HTTPSyntax.lf)
                    if isBlankLine {
                        if index + 1 - (lineEnd + 1) > limits.maxHeaderBytes {
                            failure = .headersTooLarge(limit: limits.maxHeaderBytes)
                            return nil
                        }
                        scanIndex = index + 1
                        return index + 1
                    }
                } else {
                    if lineLengthWithoutCR(endingAt: index) > limits.maxRequestLineBytes {
                        failure = .requestLineTooLong(limit: limits.maxRequestLineBytes)
                        return nil
                    }
                    requestLineEnd = index
                }
            }
            index += 1
        }
        scanIndex = index
        if let lineEnd = requestLineEnd {
            if end - (lineEnd + 1) > limits.maxHeaderBytes {
                failure = .headersTooLarge(limit: limits.maxHeaderBytes)
            }
        } else if end - start > limits.maxRequestLineBytes + 1 {
            failure = .requestLineTooLong(limit: limits.maxRequestLineBytes)
        }
        return nil
    }

    private func lineLengthWithoutCR(endingAt lf: Int) -> Int {
        let length = lf - start
        return length > 0 && buffer[lf - 1] == HTTPSyntax.cr ? length - 1 : length
    }

    private mutating func compactIfUseful() {
        guard start > 0 else { return }
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if start >= 4096 {
            buffer.removeFirst(start)
        } else {
            return
        }
        scanIndex -= start
        if let lineEnd = requestLineEnd { requestLineEnd = lineEnd - start }
        start = 0
    }
}
