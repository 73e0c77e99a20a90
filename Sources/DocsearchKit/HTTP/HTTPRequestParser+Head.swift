/// Parsing of one complete request head (request line and header fields)
/// once the parser has framed it.
extension HTTPRequestParser {
    /// The longest piece of client input quoted back in an error.
    static let quotedInputLimit = 64

    static func parseHead(_ head: UnsafeBufferPointer<UInt8>, requestLineLength: Int) throws -> HTTPRequest {
        var lineLength = requestLineLength
        if lineLength > 0 && head[lineLength - 1] == HTTPSyntax.cr { lineLength -= 1 }
        let line = UnsafeBufferPointer(rebasing: head[0..<lineLength])

        // Request line: method SP request-target SP HTTP-version (RFC 9112 §3).
        guard let firstSpace = line.firstIndex(of: HTTPSyntax.space),
              let lastSpace = line.lastIndex(of: HTTPSyntax.space), firstSpace < lastSpace else {
            throw HTTPError.malformedRequestLine(reason: "expected method, target and version")
        }
        let methodBytes = line[0..<firstSpace]
        let targetBytes = line[(firstSpace + 1)..<lastSpace]
        let versionBytes = line[(lastSpace + 1)...]
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(HTTPSyntax.isTokenCharacter) else {
            throw HTTPError.malformedRequestLine(reason: "invalid method")
        }
        guard !targetBytes.isEmpty, targetBytes.allSatisfy(HTTPSyntax.isTargetByte) else {
            throw HTTPError.malformedRequestLine(reason: "invalid request target")
        }
        let version = try parseVersion(versionBytes)

        let headers = try parseFields(UnsafeBufferPointer(rebasing: head[min(requestLineLength + 1, head.count)...]))

        let methodName = String(decoding: methodBytes, as: UTF8.self)
        guard let method = HTTPMethod(rawValue: methodName) else {
            throw HTTPError.methodNotAllowed(method: quoted(methodName))
        }
        try checkNoBody(headers)
        let hosts = headers.values(for: "Host")
        if hosts.count > 1 || (version == .http1_1 && hosts.isEmpty) {
            throw HTTPError.malformedHeader(reason: "HTTP/1.1 needs exactly one Host field")
        }

        guard let target = String(validating: targetBytes, as: UTF8.self) else {
            throw HTTPError.malformedRequestLine(reason: "request target is not UTF-8")
        }
        let (rawPath, rawQuery) = try splitTarget(Array(targetBytes))
        guard let path = PercentDecoding.decode(rawPath, plusAsSpace: false) else {
            throw HTTPError.invalidPercentEncoding(component: "path")
        }
        guard !path.utf8.contains(0) else {
            throw HTTPError.invalidPercentEncoding(component: "path (NUL byte)")
        }
        var segments: [String] = []
        for segment in rawPath.split(separator: UInt8(ascii: "/")) {
            guard let decoded = PercentDecoding.decode(segment, plusAsSpace: false) else {
                throw HTTPError.invalidPercentEncoding(component: "path")
            }
            segments.append(decoded)
        }
        let queryItems = try parseQuery(rawQuery)

        return HTTPRequest(
            method: method, target: target,
            rawPath: String(decoding: rawPath, as: UTF8.self), path: path, pathSegments: segments,
            rawQuery: String(decoding: rawQuery, as: UTF8.self), queryItems: queryItems,
            headers: headers, version: version, keepAlive: keepAlive(version: version, headers: headers))
    }

    private static func parseVersion(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) throws -> HTTPVersion {
        let text = Array(bytes)
        let prefix = Array("HTTP/".utf8)
        guard text.count == 8, Array(text[0..<5]) == prefix, text[6] == UInt8(ascii: "."),
              let major = digit(text[5]), let minor = digit(text[7]) else {
            throw HTTPError.malformedRequestLine(reason: "invalid version")
        }
        guard major == 1 else {
            throw HTTPError.versionNotSupported(version: String(decoding: text, as: UTF8.self))
        }
        return HTTPVersion(major: major, minor: minor)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// Field lines up to the blank line (RFC 9112 §5). Obsolete line folding,
    /// whitespace before the colon, bare CR and control characters are refused.
    private static func parseFields(_ bytes: UnsafeBufferPointer<UInt8>) throws -> HTTPHeaders {
        var headers = HTTPHeaders()
        var lineStart = 0
        while lineStart < bytes.count {
            guard let lf = bytes[lineStart...].firstIndex(of: HTTPSyntax.lf) else {
                throw HTTPError.malformedHeader(reason: "unterminated field line")
            }
            var lineEnd = lf
            if lineEnd > lineStart && bytes[lineEnd - 1] == HTTPSyntax.cr { lineEnd -= 1 }
            let line = bytes[lineStart..<lineEnd]
            lineStart = lf + 1
            if line.isEmpty { break }
            guard let first = line.first, !HTTPSyntax.isWhitespace(first) else {
                throw HTTPError.malformedHeader(reason: "obsolete line folding")
            }
            guard let colon = line.firstIndex(of: HTTPSyntax.colon) else {
                throw HTTPError.malformedHeader(reason: "field line without a colon")
            }
            let name = line[line.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(HTTPSyntax.isTokenCharacter) else {
                throw HTTPError.malformedHeader(reason: "invalid field name")
            }
            let value = line[(colon + 1)...]
            guard !value.contains(where: HTTPSyntax.isForbiddenInFieldValue) else {
                throw HTTPError.malformedHeader(reason: "control character in field value")
            }
            headers.add(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
        }
        return headers
    }

    /// Requests never need a body, so one announced by Content-Length > 0 or
    /// Transfer-Encoding is refused with 413 before any of it is read.
    private static func checkNoBody(_ headers: HTTPHeaders) throws {
        if headers.contains("Transfer-Encoding") { throw HTTPError.bodyNotAllowed(contentLength: nil) }
        let lengths = headers.values(for: "Content-Length")
            .flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { HTTPSyntax.trimmingWhitespace(String($0)) }
        guard let first = lengths.first else { return }
        guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.count <= 18,
              first.utf8.allSatisfy({ digit($0) != nil }), let length = Int(first) else {
            throw HTTPError.malformedHeader(reason: "invalid Content-Length")
        }
        if length > 0 { throw HTTPError.bodyNotAllowed(contentLength: length) }
    }

    /// Splits origin-form `/path?query`, or absolute-form `http://host/path?query`
    /// (RFC 9112 §3.2.2), into raw path and raw query. A fragment is dropped.
    private static func splitTarget(_ target: [UInt8]) throws -> (path: ArraySlice<UInt8>, query: ArraySlice<UInt8>) {
        var bytes = target[...]
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) { bytes = bytes[..<hash] }
        if bytes.first != UInt8(ascii: "/") {
            let lowered = bytes.prefix(8).map(HTTPSyntax.lowercased)
            let schemeLength: Int
            if lowered.starts(with: Array("http://".utf8)) { schemeLength = 7 }
            else if lowered.starts(with: Array("https://".utf8)) { schemeLength = 8 }
            else { throw HTTPError.malformedRequestLine(reason: "request target must start with /") }
            let afterScheme = bytes.dropFirst(schemeLength)
            guard let authorityEnd = afterScheme.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else {
                return (Array("/".utf8)[...], [])
            }
            bytes = bytes[authorityEnd...]
            if bytes.first == UInt8(ascii: "?") { bytes = (Array("/".utf8) + bytes)[...] }
        }
        guard let question = bytes.firstIndex(of: UInt8(ascii: "?")) else { return (bytes, []) }
        return (bytes[..<question], bytes[(question + 1)...])
    }

    /// `name=value&name=value`, each side decoded with `+` as a space. An item
    /// without `=` has an empty value; empty items (`a=1&&b=2`) are skipped.
    private static func parseQuery(_ query: ArraySlice<UInt8>) throws -> [HTTPQueryItem] {
        var items: [HTTPQueryItem] = []
        for pair in query.split(separator: UInt8(ascii: "&")) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let rawName = equals.map { pair[pair.startIndex..<$0] } ?? pair[...]
            let rawValue = equals.map { pair[($0 + 1)...] } ?? pair[pair.endIndex...]
            guard let name = PercentDecoding.decode(rawName, plusAsSpace: true),
                  let value = PercentDecoding.decode(rawValue, plusAsSpace: true) else {
                throw HTTPError.invalidPercentEncoding(component: "query")
            }
            items.append(HTTPQueryItem(name: name, value: value))
        }
        return items
    }

    private static func keepAlive(version: HTTPVersion, headers: HTTPHeaders) -> Bool {
        let tokens = headers.values(for: "Connection")
            .flatMap { $0.split(separator: ",") }
            .map { HTTPSyntax.trimmingWhitespace(String($0)).lowercased() }
        if tokens.contains("close") { return false }
        if version == .http1_0 { return tokens.contains("keep-alive") }
        return true
    }

    private static func quoted(_ text: String) -> String {
        text.count <= quotedInputLimit ? text : String(text.prefix(quotedInputLimit)) + "…"
    }
}
