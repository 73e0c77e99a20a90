import Foundation

/// A growable byte buffer on manually managed memory, reused across tokens
/// so the hot loops allocate nothing per token. The owner calls `free()`.
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    func free() { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        p.initialize(from: base, count: count)
        base.deallocate()
        base = p
        capacity = newCapacity
    }

    /// Appends one byte; room must have been reserved.
    @inline(__always)
    mutating func appendUnchecked(_ b: UInt8) { base[count] = b; count += 1 }

    /// Appends the UTF-8 of `v`, making room for it.
    @inline(__always)
    mutating func append(scalar v: UInt32) {
        reserve(4)
        count += UTF8Codec.encode(v, to: base + count)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let src = bytes.baseAddress { (base + count).initialize(from: src, count: bytes.count) }
        count += bytes.count
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    func equals(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard other.count == count else { return false }
        guard count > 0, let o = other.baseAddress else { return true }
        return memcmp(base, o, count) == 0
    }

    func makeString() -> String { String(decoding: bytes, as: UTF8.self) }
}
