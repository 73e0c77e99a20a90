/// Errors of the index layer, each naming the file or directory concerned.
public enum IndexError: Error, CustomStringConvertible {
    case noIndex(directory: String)
    case corrupt(directory: String, cause: StoreError)
    case store(StoreError)
    case inputNotFound(path: String)
    case notADirectory(path: String)

    public var description: String {
        switch self {
        case let .noIndex(dir): return "no index in \(dir); run `docsearch index` first"
        case let .corrupt(dir, .unsupportedVersion(path, found, supported)) where found > supported:
            // Not damage: a later docsearch wrote it.
            return "the index in \(dir) was written by a newer docsearch: \(path) has format version \(found), "
                + "and this docsearch reads versions up to \(supported). Use the newer docsearch, or rebuild the "
                + "index for this one with `docsearch index --rebuild`."
        case let .corrupt(dir, cause):
            return "the index in \(dir) is damaged: \(cause). Rebuild it with `docsearch index --rebuild` (or delete \(dir))."
        case let .store(e): return e.description
        case let .inputNotFound(path): return "\(path): no such file or directory"
        case let .notADirectory(path): return "\(path) is not a directory"
        }
    }
}

/// A file that was not indexed, and why.
public struct FileProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// True when the file was skipped; false when it was indexed with a warning.
    public var skipped: Bool

    public init(path: String, reason: String, skipped: Bool = true) {
        self.path = path; self.reason = reason; self.skipped = skipped
    }

    public var description: String { "\(path): \(skipped ? "skipped: " : "warning: ")\(reason)" }
}
