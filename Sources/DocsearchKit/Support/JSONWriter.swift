/// Writes compact JSON text straight into UTF-8 bytes, for the answers the
/// server sends most (search results). Foundation's `JSONEncoder` took about
/// a third of the server's time per search answer (perf, Benchmarks/http).
///
/// The caller writes keys in the order it wants them; `ResultsJSON` writes
/// them sorted, as `JSONText` (`.sortedKeys`) does, so both give the same
/// shape. Strings escape `"`, `\` and control characters; `/` and non-ASCII
/// text are written as they are, as `JSONText` does (`.withoutEscapingSlashes`).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open object or array: whether a value was written in it yet.
    private var hasValue: [Bool] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Structure

    mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); hasValue.append(false) }
    mutating func endObject() { hasValue.removeLast(); bytes.append(UInt8(ascii: "}")) }
    mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); hasValue.append(false) }
    mutating func endArray() { hasValue.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// Writes `"name":`; the next value written is its value.
    mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// True between a key and its value, which takes no comma.
    private var afterKey = false

    /// A comma before every member of an object or array but the first.
    private mutating func separate() {
        if afterKey { afterKey = false; return }
        guard let last = hasValue.indices.last else { return }
        if hasValue[last] { bytes.append(UInt8(ascii: ",")) }
        hasValue[last] = true
    }

    // MARK: Values

    mutating func string(_ s: String) { separate(); writeString(s) }
    mutating func int(_ n: Int) { separate(); bytes.append(contentsOf: String(n).utf8) }
    mutating func bool(_ b: Bool) { separate(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    mutating func null() { separate(); bytes.append(contentsOf: "null".utf8) }

    /// A finite number as JSONEncoder writes it ("2.5", "3" for 3.0); null
    /// for NaN and infinities, which JSON cannot hold.
    mutating func double(_ d: Double) {
        guard d.isFinite else { null(); return }
        separate()
        var s = d.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        bytes.append(contentsOf: s.utf8)
    }

    mutating func string(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key); string(value)
    }

    mutating func int(_ key: String, _ value: Int?) {
        guard let value else { return }
        self.key(key); int(value)
    }

    mutating func strings(_ key: String, _ values: [String]?) {
        array(key, values) { w, v in w.string(v) }
    }

    /// `"key":[…]`, each element written by `element`; nothing when `items` is nil.
    mutating func array<T>(_ key: String, _ items: [T]?, _ element: (inout JSONWriter, T) -> Void) {
        guard let items else { return }
        self.key(key)
        beginArray()
        for item in items { element(&self, item) }
        endArray()
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Whether one of the eight bytes of `w` is a control byte, a quote or
    /// a backslash.
    static func mayNeedEscape(_ w: UInt64) -> Bool {
        ByteLanes.anyBelow(w, 0x20) || ByteLanes.anyEqual(w, UInt8(ascii: "\"")) || ByteLanes.anyEqual(w, UInt8(ascii: "\\"))
    }

    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            let n = utf8.count
            while i < n {
                // Eight bytes at a time where none needs escaping: a plan's
                // text, stored in its record, is mostly such runs between its
                // line breaks (byte by byte, 120 M of the 2,000 plans' build,
                // callgrind).
                if i + 8 <= n, !Self.mayNeedEscape(ByteLanes.word(UnsafeRawPointer(utf8.baseAddress!), at: i)) {
                    i += 8
                    continue
                }
                let b = utf8[i]
                i += 1
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<(i - 1)]))
                runStart = i
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(b)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(contentsOf: "u00".utf8)
                    bytes.append(Self.hex[Int(b >> 4)])
                    bytes.append(Self.hex[Int(b & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
