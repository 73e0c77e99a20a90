/// Appends little-endian integers, LEB128 varints and raw bytes to a buffer.
public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public var count: Int { bytes.count }

    public mutating func u8(_ v: UInt8) { bytes.append(v) }
    public mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    /// Bytes `varint(value)` writes.
    public static func varintSize(_ value: UInt32) -> Int { value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5 }

    public mutating func varint(_ value: UInt32) { varint(UInt64(value)) }
    public mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func append<S: Sequence>(_ raw: S) where S.Element == UInt8 { bytes.append(contentsOf: raw) }

    /// Appends `count` bytes that `body` writes, every one, in place: bit
    /// packing wrote a byte at a time through `u8`, and each append checked
    /// the array's uniqueness and capacity.
    public mutating func append(count: Int, writingWith body: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: count))
        bytes.withUnsafeMutableBufferPointer { body(UnsafeMutableBufferPointer(rebasing: $0[start...])) }
    }

    /// A varint length followed by the UTF-8 bytes.
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    /// `string(_:)` of text held as its UTF-8 bytes.
    public mutating func string<Bytes: Collection>(utf8: Bytes) where Bytes.Element == UInt8 {
        varint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Overwrites 4 bytes at `offset` (for lengths known only later).
    public mutating func patchU32(_ v: UInt32, at offset: Int) {
        withUnsafeBytes(of: v.littleEndian) { raw in
            for i in 0..<4 { bytes[offset + i] = raw[i] }
        }
    }
}
