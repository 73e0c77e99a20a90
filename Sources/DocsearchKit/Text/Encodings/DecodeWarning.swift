/// Something wrong in a file that was still decoded. Byte offsets count from
/// the start of the file, byte order mark included.
public enum DecodeWarning: Equatable, Sendable {
    /// A byte sequence that is not UTF-8, replaced by U+FFFD.
    case invalidUTF8(byteOffset: Int, length: Int)
    /// The file ends inside a UTF-8 multibyte character, replaced by U+FFFD.
    case truncatedUTF8(byteOffset: Int)
    /// More invalid sequences than are listed one by one; each also became U+FFFD.
    case moreInvalidSequences(count: Int)
    /// A UTF-16 surrogate without its partner, replaced by U+FFFD.
    case unpairedSurrogate(byteOffset: Int)
    /// A UTF-16 file with an odd number of bytes: the last byte was dropped.
    case oddTrailingByte(byteOffset: Int)
    /// NUL characters were removed from the text.
    case nulRemoved(count: Int, firstByteOffset: Int)
    /// Bytes that the detected 8-bit encoding leaves undefined, replaced by U+FFFD.
    case unmappedBytes(count: Int, firstByteOffset: Int)
}

extension DecodeWarning {
    /// The file offset the warning points at, if it points at one.
    public var byteOffset: Int? {
        switch self {
        case .invalidUTF8(let offset, _), .truncatedUTF8(let offset), .unpairedSurrogate(let offset),
             .oddTrailingByte(let offset), .nulRemoved(_, let offset), .unmappedBytes(_, let offset):
            return offset
        case .moreInvalidSequences:
            return nil
        }
    }
}

extension DecodeWarning: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidUTF8(let offset, let length):
            return "invalid UTF-8 at byte \(offset) (\(length) byte\(length == 1 ? "" : "s")), replaced by U+FFFD"
        case .truncatedUTF8(let offset):
            return "file ends inside a UTF-8 character at byte \(offset), replaced by U+FFFD"
        case .moreInvalidSequences(let count):
            return "\(count) more invalid sequences replaced by U+FFFD"
        case .unpairedSurrogate(let offset):
            return "unpaired UTF-16 surrogate at byte \(offset), replaced by U+FFFD"
        case .oddTrailingByte(let offset):
            return "odd trailing byte at \(offset) in UTF-16 file dropped"
        case .nulRemoved(let count, let first):
            return "\(count) NUL byte\(count == 1 ? "" : "s") removed (first at byte \(first))"
        case .unmappedBytes(let count, let first):
            return "\(count) undefined byte\(count == 1 ? "" : "s") replaced by U+FFFD (first at byte \(first))"
        }
    }
}
