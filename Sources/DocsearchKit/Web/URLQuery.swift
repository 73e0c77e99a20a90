/// Builds the query strings of the links a page holds (`q=b%C3%ACnh&page=2`).
/// The result is a URL; it still goes through `HTML.escape` when written into
/// an attribute (for its `&`).
public enum URLQuery {
    /// Percent-encodes every byte of the UTF-8 form except the unreserved
    /// characters of RFC 3986 (`A-Z a-z 0-9 - . _ ~`).
    public static func encode(_ component: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(component.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for b in component.utf8 {
            if isUnreserved(b) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `name=value&…` for the pairs with a non-empty value, in order.
    public static func string(_ items: [(String, String)]) -> String {
        items.filter { !$0.1.isEmpty }.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    /// `path` followed by `?query` when there are parameters.
    public static func url(_ path: String, _ items: [(String, String)]) -> String {
        let query = string(items)
        return query.isEmpty ? path : path + "?" + query
    }

    @inline(__always) private static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
    }
}
