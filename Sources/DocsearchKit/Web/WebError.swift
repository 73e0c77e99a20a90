/// Errors of the web layer, each with the HTTP status it is answered with.
public enum WebError: Error, Equatable, CustomStringConvertible {
    /// A query parameter with a value the route cannot use.
    case badParameter(name: String, value: String, expected: String)
    /// No route, plan or cited document by that name.
    case notFound(String)
    /// The index could not answer (a damaged segment, say); logged, answered 500.
    case internalFailure(String)

    public var status: HTTPStatus {
        switch self {
        case .badParameter: return .badRequest
        case .notFound: return .notFound
        case .internalFailure: return .internalServerError
        }
    }

    /// For API clients (English, names the parameter).
    public var description: String {
        switch self {
        case let .badParameter(name, value, expected):
            return "parameter \"\(name)\": \"\(value.prefix(200))\" is not \(expected)"
        case let .notFound(what): return "not found: \(what.prefix(200))"
        case .internalFailure: return "the index could not answer this request"
        }
    }

    /// For people reading a page (Vietnamese).
    public var vietnameseDescription: String {
        switch self {
        case let .badParameter(name, value, _):
            return "Tham số “\(name)” có giá trị không hợp lệ: “\(value.prefix(200))”."
        case .notFound: return "Không tìm thấy trang hoặc văn bản này."
        case .internalFailure: return "Chỉ mục không trả lời được yêu cầu này. Vui lòng thử lại sau."
        }
    }
}
