/// Why a file's bytes cannot be turned into text: the file is skipped and
/// the reason is named.
public enum DecodeError: Error, Equatable, Sendable {
    /// The file has no bytes (or only a byte order mark).
    case empty
    /// The file is not text.
    case binary(BinaryEvidence)

    /// What showed that a file is binary.
    public enum BinaryEvidence: Equatable, Sendable {
        /// The file starts with the signature of a known binary format, e.g. "PNG image".
        case signature(format: String)
        /// Too many control or NUL bytes among the first bytes looked at.
        case controlBytes(count: Int, nulCount: Int, sampled: Int)
    }
}

extension DecodeError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .empty:
            return "empty file"
        case .binary(.signature(let format)):
            return "binary file (\(format))"
        case .binary(.controlBytes(let count, let nulCount, let sampled)):
            return "binary file (\(count) control bytes, \(nulCount) of them NUL, in the first \(sampled) bytes)"
        }
    }
}
