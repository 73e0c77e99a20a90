/// An ordered list of header fields with case-insensitive names.
///
/// Values stored here are always safe to write on the wire: adding a field
/// drops characters that are not valid in a field name and replaces CR, LF,
/// NUL and the other control characters in a value with a space, so no user
/// input (a query echoed in a `Location`, say) can split a response header.
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (name: String, value: String)

    private var fields: [(name: String, value: String)] = []

    public init() {}

    public init(_ fields: [(String, String)]) {
        for (name, value) in fields { add(name: name, value: value) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    /// The first value of the field `name`, or nil.
    public subscript(name: String) -> String? {
        get { fields.first(where: { HTTPHeaders.sameName($0.name, name) })?.value }
        set {
            if let newValue { replaceOrAdd(name: name, value: newValue) } else { remove(name: name) }
        }
    }

    /// All the values of the field `name`, in order.
    public func values(for name: String) -> [String] {
        fields.filter { HTTPHeaders.sameName($0.name, name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { HTTPHeaders.sameName($0.name, name) }
    }

    /// Appends a field (a repeated name is kept as a second field). A name with
    /// no valid character left after cleaning is ignored.
    public mutating func add(name: String, value: String) {
        let cleanName = HTTPHeaders.cleanName(name)
        guard !cleanName.isEmpty else { return }
        fields.append((cleanName, HTTPHeaders.cleanValue(value)))
    }

    /// Replaces every field `name` with one field holding `value`.
    public mutating func replaceOrAdd(name: String, value: String) {
        remove(name: name)
        add(name: name, value: value)
    }

    public mutating func remove(name: String) {
        fields.removeAll { HTTPHeaders.sameName($0.name, name) }
    }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { sameName($0.name, $1.name) && $0.value == $1.value }
    }

    /// ASCII case-insensitive comparison, as field names are compared (RFC 9110 §5.1).
    static func sameName(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where p != q {
            guard HTTPSyntax.lowercased(p) == HTTPSyntax.lowercased(q) else { return false }
        }
        return true
    }

    static func cleanName(_ name: String) -> String {
        if name.utf8.allSatisfy(HTTPSyntax.isTokenCharacter) { return name }
        return String(decoding: name.utf8.filter(HTTPSyntax.isTokenCharacter), as: UTF8.self)
    }

    static func cleanValue(_ value: String) -> String {
        if !value.utf8.contains(where: HTTPSyntax.isForbiddenInFieldValue) {
            return HTTPSyntax.trimmingWhitespace(value)
        }
        let bytes = value.utf8.map { HTTPSyntax.isForbiddenInFieldValue($0) ? UInt8(ascii: " ") : $0 }
        return HTTPSyntax.trimmingWhitespace(String(decoding: bytes, as: UTF8.self))
    }
}
