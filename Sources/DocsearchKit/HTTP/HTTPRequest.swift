/// A parsed request head. Requests never carry a body: the parser refuses them.
public struct HTTPRequest: Sendable, Equatable {
    public var method: HTTPMethod
    /// The request target exactly as sent (`/search?q=Ch%E1%BB%89+th%E1%BB%8B`).
    public var target: String
    /// The path part of the target, still percent-encoded (`/plans/K%E1%BA%BF`).
    public var rawPath: String
    /// The path percent-decoded as UTF-8 (`+` stays `+` in a path).
    public var path: String
    /// The path split on `/` and each segment decoded, empty segments dropped,
    /// so an encoded `%2F` stays inside its segment. `.` and `..` are kept as
    /// sent: the router decides (they should match nothing).
    public var pathSegments: [String]
    /// The query string after `?`, still encoded, or "" when there is none.
    public var rawQuery: String
    /// The query pairs in order, decoded (`+` → space, `%XX` → UTF-8).
    public var queryItems: [HTTPQueryItem]
    public var headers: HTTPHeaders
    public var version: HTTPVersion
    /// Whether the connection stays open after the response: HTTP/1.1 unless
    /// `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool

    public init(method: HTTPMethod, target: String, rawPath: String, path: String, pathSegments: [String],
                rawQuery: String, queryItems: [HTTPQueryItem], headers: HTTPHeaders,
                version: HTTPVersion, keepAlive: Bool) {
        self.method = method
        self.target = target
        self.rawPath = rawPath
        self.path = path
        self.pathSegments = pathSegments
        self.rawQuery = rawQuery
        self.queryItems = queryItems
        self.headers = headers
        self.version = version
        self.keepAlive = keepAlive
    }

    /// The first value of the query parameter `name`, or nil.
    public func queryValue(_ name: String) -> String? {
        queryItems.first(where: { $0.name == name })?.value
    }

    /// Every value of the query parameter `name` (`?agency=A&agency=B`), in order.
    public func queryValues(_ name: String) -> [String] {
        queryItems.filter { $0.name == name }.map(\.value)
    }
}
