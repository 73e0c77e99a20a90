/// Reads JSON text (RFC 8259) from UTF-8 bytes, value by value, for the
/// records the index stores (`PlanRecord+JSON`). `JSONDecoder` finds its way
/// through generic containers and protocol lookups; for the ten records a
/// search shows that was a tenth of a cold `docsearch "Chỉ thị 20"` (perf).
///
/// The caller says what it expects next (`string()`, `object { … }`); a value
/// of another kind, or text that is not JSON, throws `JSONReader.Malformed`
/// with the byte offset. Object keys are handed over as they come, in any
/// order; unknown ones are skipped with `skipValue()`.
struct JSONReader {
    struct Malformed: Error, Equatable, CustomStringConvertible {
        let offset: Int
        let expected: String
        var description: String { "not JSON at byte \(offset): expected \(expected)" }
    }

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Throws unless only white space is left.
    mutating func end() throws {
        skipSpace()
        guard offset == bytes.count else { throw fail("the end of the text") }
    }

    // MARK: Structure

    /// Reads an object, calling `member` with each key; `member` must read the value.
    mutating func object(_ member: (inout JSONReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"), "an object")
        skipSpace()
        if peek() == UInt8(ascii: "}") { offset += 1; return }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"), "a colon")
            try member(&self, key)
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"): offset += 1; return
            default: throw fail("a comma or the end of an object")
            }
        }
    }

    /// Reads an array, calling `element` for each element; `element` must read it.
    mutating func array(_ element: (inout JSONReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["), "an array")
        skipSpace()
        if peek() == UInt8(ascii: "]") { offset += 1; return }
        while true {
            try element(&self)
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"): offset += 1; return
            default: throw fail("a comma or the end of an array")
            }
        }
    }

    /// Reads `null` and returns true, or reads nothing and returns false.
    mutating func null() -> Bool {
        skipSpace()
        guard bytes.count - offset >= 4, bytes[offset] == UInt8(ascii: "n"), bytes[offset + 1] == UInt8(ascii: "u"),
              bytes[offset + 2] == UInt8(ascii: "l"), bytes[offset + 3] == UInt8(ascii: "l") else { return false }
        offset += 4
        return true
    }

    // MARK: Values

    /// An array whose elements `read` reads, one value each.
    mutating func elements<T>(_ read: (inout JSONReader) throws -> T) throws -> [T] {
        var out: [T] = []
        try array { out.append(try read(&$0)) }
        return out
    }

    mutating func strings() throws -> [String] { try elements { try $0.string() } }

    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""), "a string")
        let start = offset
        // Fast path: no escapes, the bytes as they are.
        while offset < bytes.count {
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") {
                defer { offset += 1 }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") { break }
            guard b >= 0x20 else { throw fail("no control character in a string") }
            offset += 1
        }
        var out = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
        while offset < bytes.count {
            let b = bytes[offset]
            offset += 1
            switch b {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try unescape(into: &out)
            case ..<0x20:
                offset -= 1
                throw fail("no control character in a string")
            default:
                out.append(b)
            }
        }
        throw fail("the end of a string")
    }

    mutating func int() throws -> Int {
        skipSpace()
        let start = offset
        if peek() == UInt8(ascii: "-") { offset += 1 }
        var value = 0
        var digits = 0
        while let b = peek(), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(b - UInt8(ascii: "0")))
            guard !o1 && !o2 else { offset = start; throw fail("an integer that fits") }
            value = plus
            digits += 1
            offset += 1
        }
        guard digits > 0 else { offset = start; throw fail("an integer") }
        if let b = peek(), b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            offset = start
            throw fail("an integer")
        }
        return bytes[start] == UInt8(ascii: "-") ? -value : value
    }

    mutating func double() throws -> Double {
        skipSpace()
        let start = offset
        while let b = peek(), (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            offset += 1
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { offset = start; throw fail("a number") }
        return value
    }

    mutating func optionalString() throws -> String? { null() ? nil : try string() }
    mutating func optionalInt() throws -> Int? { null() ? nil : try int() }

    /// Values nested deeper than this are refused rather than followed (the
    /// stack of a search thread is not spent on damaged text).
    static let maxDepth = 64

    /// Reads any one value and forgets it (a key this reader does not know).
    mutating func skipValue(depth: Int = 0) throws {
        skipSpace()
        guard depth < Self.maxDepth else { throw fail("at most \(Self.maxDepth) nested values") }
        switch peek() {
        case UInt8(ascii: "{"): try object { r, _ in try r.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): try array { try $0.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "n"): guard null() else { throw fail("a value") }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        default: _ = try double()
        }
    }

    // MARK: Bytes

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard bytes.count - offset >= n else { throw fail("\(word)") }
        for i in 0..<n where bytes[offset + i] != word.utf8Start[i] { throw fail("\(word)") }
        offset += n
    }

    /// After a backslash: appends the escaped character's UTF-8.
    private mutating func unescape(into out: inout [UInt8]) throws {
        guard let e = peek() else { throw fail("an escape") }
        offset += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate takes the low one that must follow.
                guard bytes.count - offset >= 2, bytes[offset] == UInt8(ascii: "\\"),
                      bytes[offset + 1] == UInt8(ascii: "u") else { throw fail("a low surrogate") }
                offset += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw fail("a low surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let s = Unicode.Scalar(scalar) else { throw fail("a Unicode scalar") }
            out.append(contentsOf: UTF8.encode(s)!)
        default:
            offset -= 1
            throw fail("an escape")
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard bytes.count - offset >= 4 else { throw fail("four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[offset]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw fail("four hex digits")
            }
            v = v << 4 | UInt32(d)
            offset += 1
        }
        return v
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws {
        skipSpace()
        guard peek() == byte else { throw fail(what) }
        offset += 1
    }

    private func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private func fail(_ expected: String) -> Malformed { Malformed(offset: offset, expected: expected) }
}
