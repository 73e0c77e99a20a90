/// Percent-decoding of URL components (RFC 3986 §2.1) into UTF-8 text.
enum PercentDecoding {
    /// Decodes `%XX` escapes, and `+` as a space when `plusAsSpace` (form
    /// encoding, used in query strings). Returns nil when an escape is not two
    /// hex digits or the decoded bytes are not valid UTF-8: such input is refused,
    /// never guessed at.
    static func decode<C: Collection>(_ bytes: C, plusAsSpace: Bool) -> String? where C.Element == UInt8 {
        var needsWork = false
        for byte in bytes where byte == UInt8(ascii: "%") || (plusAsSpace && byte == UInt8(ascii: "+")) || byte >= 0x80 {
            needsWork = true
            break
        }
        if !needsWork { return String(decoding: bytes, as: UTF8.self) }

        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let high = bytes.index(after: index)
                guard high != bytes.endIndex else { return nil }
                let low = bytes.index(after: high)
                guard low != bytes.endIndex,
                      let h = HTTPSyntax.hexValue(bytes[high]), let l = HTTPSyntax.hexValue(bytes[low]) else { return nil }
                out.append(h << 4 | l)
                index = bytes.index(after: low)
            } else {
                out.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index = bytes.index(after: index)
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
