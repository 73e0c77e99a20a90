import Foundation

/// A response to send: status, header fields and body bytes.
///
/// The server sets `Content-Length`, `Connection` and `Date` itself when it
/// writes the response; values set here for those fields are replaced.
/// For a HEAD request the body is not sent but `Content-Length` still gives its size.
public struct HTTPResponse: Sendable, Equatable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static let htmlContentType = "text/html; charset=utf-8"
    public static let jsonContentType = "application/json; charset=utf-8"
    public static let textContentType = "text/plain; charset=utf-8"

    /// An HTML page; the caller escapes what it interpolates.
    public static func html(_ html: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": htmlContentType], body: Array(html.utf8))
    }

    /// A JSON document already encoded as UTF-8 text.
    public static func json(_ json: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": jsonContentType], body: Array(json.utf8))
    }

    /// A JSON document already encoded as UTF-8 bytes.
    public static func json(bytes: [UInt8], status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": jsonContentType], body: bytes)
    }

    /// A JSON document already encoded as bytes (from `JSONEncoder`, say).
    public static func json(_ data: Data, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": jsonContentType], body: [UInt8](data))
    }

    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": textContentType], body: Array(text.utf8))
    }

    /// A redirect; `location` is cleaned like every header value, so it cannot split the header.
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Location": location])
    }

    /// The default answer to a request the parser refused: a plain-text line
    /// naming the status, and `Allow` on a 405.
    public static func error(_ error: HTTPError) -> HTTPResponse {
        var response = text("\(error.status)\n", status: error.status)
        if case .methodNotAllowed = error { response.headers["Allow"] = HTTPMethod.allowHeaderValue }
        return response
    }
}
