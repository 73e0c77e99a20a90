/// Bounds-checked reads from a byte region (usually a memory-mapped file).
/// Every read that would run past the end throws instead of trapping, so a
/// damaged file gives an error naming it, never a crash.
public struct ByteReader {
    public let base: UnsafeRawBufferPointer
    public var offset: Int
    public let path: String

    public init(_ base: UnsafeRawBufferPointer, offset: Int = 0, path: String) {
        self.base = base
        self.offset = offset
        self.path = path
    }

    public var remaining: Int { base.count - offset }

    @inline(__always) private func need(_ n: Int) throws {
        if n < 0 || offset < 0 || n > base.count - offset {
            throw StoreError.truncated(path: path, need: Self.saturatingSum(offset, n), have: base.count)
        }
    }

    /// `a + b`, or Int.max when that overflows: a damaged length is reported, never trapped on.
    @inline(__always) static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    public mutating func u8() throws -> UInt8 {
        try need(1); defer { offset += 1 }
        return base[offset]
    }
    public mutating func u16() throws -> UInt16 {
        try need(2); defer { offset += 2 }
        return UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }
    public mutating func u32() throws -> UInt32 {
        try need(4); defer { offset += 4 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
    public mutating func u64() throws -> UInt64 {
        try need(8); defer { offset += 8 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    public mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try u8()
            if shift >= 64 { throw StoreError.corrupt(path: path, reason: "varint too long at byte \(offset)") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }
    public mutating func varint32() throws -> UInt32 {
        let v = try varint()
        guard v <= UInt64(UInt32.max) else { throw StoreError.corrupt(path: path, reason: "value out of range at byte \(offset)") }
        return UInt32(v)
    }
    public mutating func bytes(_ n: Int) throws -> UnsafeRawBufferPointer {
        try need(n); defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: base[offset..<(offset + n)])
    }
    public mutating func string() throws -> String {
        let n = try varint()
        guard n <= UInt64(remaining) else { throw StoreError.truncated(path: path, need: Self.saturatingSum(offset, Int(clamping: n)), have: base.count) }
        let raw = try bytes(Int(n))
        return String(decoding: raw, as: UTF8.self)
    }

    /// A reader over `length` bytes at `start`, checked against this region.
    public func slice(_ start: Int, _ length: Int) throws -> ByteReader {
        guard start >= 0, length >= 0, start <= base.count, length <= base.count - start else {
            throw StoreError.corrupt(path: path, reason: "section \(start)+\(length) outside the file of \(base.count) bytes")
        }
        return ByteReader(UnsafeRawBufferPointer(rebasing: base[start..<(start + length)]), path: path)
    }
}
