import Glibc

/// Everything that can go wrong in the HTTP layer: a request the parser refuses
/// (each case maps to the status code sent back) or a socket the server cannot set up.
public enum HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request line is longer than the limit (414).
    case requestLineTooLong(limit: Int)
    /// The header section is larger than the limit (431).
    case headersTooLarge(limit: Int)
    /// The request announces a body; none is ever needed (413).
    /// `contentLength` is nil when the body is announced by Transfer-Encoding.
    case bodyNotAllowed(contentLength: Int?)
    /// The request line does not read `METHOD SP target SP HTTP/x.y` (400).
    case malformedRequestLine(reason: String)
    /// A header line is not a valid field, or a required field is missing or repeated (400).
    case malformedHeader(reason: String)
    /// A `%` escape is not two hex digits, or the decoded bytes are not UTF-8 (400).
    case invalidPercentEncoding(component: String)
    /// A method other than GET and HEAD (405).
    case methodNotAllowed(method: String)
    /// A version other than HTTP/1.x (505).
    case versionNotSupported(version: String)
    /// The client did not send a whole request in time (408).
    case requestTimeout(seconds: Double)
    /// The host given to the server is neither a numeric address nor resolvable.
    case invalidAddress(host: String, reason: String)
    /// A socket call failed while setting up the server.
    case socket(operation: String, errno: Int32)
    /// `start()` was called on a server that is running or has already stopped.
    case invalidServerState(String)

    /// The status sent back to the client for this error.
    public var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: return .uriTooLong
        case .headersTooLarge: return .requestHeaderFieldsTooLarge
        case .bodyNotAllowed: return .contentTooLarge
        case .malformedRequestLine, .malformedHeader, .invalidPercentEncoding: return .badRequest
        case .methodNotAllowed: return .methodNotAllowed
        case .versionNotSupported: return .httpVersionNotSupported
        case .requestTimeout: return .requestTimeout
        case .invalidAddress, .socket, .invalidServerState: return .internalServerError
        }
    }

    public var description: String {
        switch self {
        case .requestLineTooLong(let limit): return "request line longer than \(limit) bytes"
        case .headersTooLarge(let limit): return "header section larger than \(limit) bytes"
        case .bodyNotAllowed(let length?): return "request body of \(length) bytes not accepted"
        case .bodyNotAllowed(nil): return "request body (Transfer-Encoding) not accepted"
        case .malformedRequestLine(let reason): return "malformed request line: \(reason)"
        case .malformedHeader(let reason): return "malformed header: \(reason)"
        case .invalidPercentEncoding(let component): return "invalid percent-encoding in \(component)"
        case .methodNotAllowed(let method): return "method \(method) not allowed"
        case .versionNotSupported(let version): return "version \(version) not supported"
        case .requestTimeout(let seconds): return "request not received within \(seconds) s"
        case .invalidAddress(let host, let reason): return "cannot use address \(host): \(reason)"
        case .socket(let operation, let code): return "\(operation) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .invalidServerState(let what): return what
        }
    }
}
