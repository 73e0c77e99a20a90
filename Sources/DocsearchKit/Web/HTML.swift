/// HTML escaping: the one function every page uses for text that comes from
/// a document, a query or the index, in element content and in attribute
/// values alike.
public enum HTML {
    /// `text` safe inside an element or a quoted attribute value: `& < > " '`
    /// become entities, and control characters (not valid in HTML5 text)
    /// become spaces. Tab, line feed and carriage return are kept.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscaping) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            case let b where isControl(b): out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` escaped, with the given UTF-8 byte ranges wrapped in `<mark>`.
    /// Ranges out of bounds or overlapping an earlier one are ignored.
    public static func highlighted(_ text: String, marks: [Range<Int>]) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        out.reserveCapacity(bytes.count + marks.count * 13)
        var at = 0
        for mark in marks.sorted(by: { $0.lowerBound < $1.lowerBound })
        where mark.lowerBound >= at && mark.upperBound <= bytes.count && !mark.isEmpty {
            out += escape(String(decoding: bytes[at..<mark.lowerBound], as: UTF8.self))
            out += "<mark>" + escape(String(decoding: bytes[mark], as: UTF8.self)) + "</mark>"
            at = mark.upperBound
        }
        out += escape(String(decoding: bytes[at...], as: UTF8.self))
        return out
    }

    /// A snippet's text with its highlights marked.
    public static func highlighted(_ snippet: Snippet) -> String {
        highlighted(snippet.text, marks: snippet.highlights)
    }

    @inline(__always) private static func needsEscaping(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || isControl(b)
    }

    @inline(__always) private static func isControl(_ b: UInt8) -> Bool {
        (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F
    }
}
