/// Writing a response on the wire (RFC 9112 §4, §6).
extension HTTPResponse {
    /// Header fields the server owns: whatever the handler set for them is replaced.
    static let serverOwnedFields = ["Content-Length", "Connection", "Transfer-Encoding", "Date"]

    /// The bytes of the status line, the header fields and, unless `headOnly`,
    /// the body. `Content-Length` is the body size in both cases.
    public func serialized(version: HTTPVersion = .http1_1, keepAlive: Bool, headOnly: Bool,
                           date: String? = nil) -> [UInt8] {
        var head = "HTTP/1.1 \(status.code) \(HTTPHeaders.cleanValue(status.reasonPhrase))\r\n"
        for field in headers where !HTTPResponse.serverOwnedFields.contains(where: { HTTPHeaders.sameName($0, field.name) }) {
            head += "\(field.name): \(field.value)\r\n"
        }
        if let date { head += "Date: \(date)\r\n" }
        head += "Content-Length: \(body.count)\r\n"
        if !keepAlive {
            head += "Connection: close\r\n"
        } else if version == .http1_0 {
            head += "Connection: keep-alive\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if !headOnly { bytes.append(contentsOf: body) }
        return bytes
    }
}
