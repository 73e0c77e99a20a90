/// Errors of the query layer.
public enum SearchError: Error, CustomStringConvertible {
    case planNotFound(String)
    case ambiguousPlan(String, candidates: [String])
    case notAReference(String)

    public var description: String {
        switch self {
        case let .planNotFound(p): return "no plan with id or path \"\(p)\" in the index"
        case let .ambiguousPlan(p, c): return "\"\(p)\" names several plans: \(c.prefix(5).joined(separator: ", "))"
        case let .notAReference(s): return "\"\(s)\" is not a document reference (try \"Chỉ thị 20-CT/TW\" or \"1373/QĐ-TTg\")"
        }
    }
}
