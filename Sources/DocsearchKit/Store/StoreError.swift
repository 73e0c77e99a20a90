/// Errors of the byte layer: files, mapping, locks and checksums.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, errno: Int32)
    case cannotWrite(path: String, errno: Int32)
    case cannotMap(path: String, errno: Int32)
    case truncated(path: String, need: Int, have: Int)
    case badMagic(path: String)
    case unsupportedVersion(path: String, found: Int, supported: Int)
    case checksumMismatch(path: String)
    case corrupt(path: String, reason: String)
    case locked(path: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, e): return "cannot open \(path): \(errnoText(e))"
        case let .cannotWrite(path, e): return "cannot write \(path): \(errnoText(e))"
        case let .cannotMap(path, e): return "cannot map \(path): \(errnoText(e))"
        case let .truncated(path, need, have): return "\(path) is truncated (needs \(need) bytes, has \(have))"
        case let .badMagic(path): return "\(path) is not a docsearch file (bad magic number)"
        case let .unsupportedVersion(path, found, supported):
            return "\(path) has format version \(found); this docsearch reads versions up to \(supported)"
        case let .checksumMismatch(path): return "\(path) is corrupt (checksum mismatch)"
        case let .corrupt(path, reason): return "\(path) is corrupt: \(reason)"
        case let .locked(path): return "another `docsearch index` holds the lock \(path)"
        }
    }

    /// True for damage the user fixes by rebuilding the index.
    public var isCorruption: Bool {
        switch self {
        case .truncated, .badMagic, .unsupportedVersion, .checksumMismatch, .corrupt: return true
        default: return false
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

func errnoText(_ e: Int32) -> String {
    guard let c = strerror(e) else { return "errno \(e)" }
    return String(cString: c)
}
