/// The request methods the server accepts. Nothing docsearch serves changes
/// state, so every other method is answered 405 by the parser.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET"
    case head = "HEAD"

    /// The value of the `Allow` header sent with a 405.
    public static let allowHeaderValue = allCases.map(\.rawValue).joined(separator: ", ")
}
