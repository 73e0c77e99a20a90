/// An open-addressing hash table from term bytes (field byte + UTF-8) to a
/// dense term id, with the keys in one contiguous arena: the indexer looks up
/// every token here without allocating a String, and the extractors' word
/// tables (`WordTable`) are built on it.
struct TermTable {
    private(set) var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt32] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
    }

    var count: Int { starts.count }

    /// The key of term `id`, field byte first.
    func key(_ id: Int) -> ArraySlice<UInt8> {
        let s = Int(starts[id])
        return arena[s..<(s + Int(lengths[id]))]
    }

    /// Calls `body` with the bytes of term `id`'s key after its field byte.
    func withValueBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let s = Int(starts[id]) + 1, n = Int(lengths[id]) - 1
        return try arena.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[s..<(s + n)])) }
    }

    /// Every id, its key (field byte first) in byte order: a segment's
    /// dictionary order. Compared in place in the arena: through `key(_:)`,
    /// each comparison made and released two slices of it.
    func idsInKeyOrder() -> [Int] {
        arena.withUnsafeBufferPointer { arena in
            starts.withUnsafeBufferPointer { starts in
                lengths.withUnsafeBufferPointer { lengths in
                    (0..<starts.count).sorted { a, b in
                        let la = Int(lengths[a]), lb = Int(lengths[b])
                        let c = memcmp(arena.baseAddress! + Int(starts[a]), arena.baseAddress! + Int(starts[b]), min(la, lb))
                        return c < 0 || (c == 0 && la < lb)
                    }
                }
            }
        }
    }

    @inline(__always) static func hash(_ field: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261 ^ UInt32(field)
        h = h &* 16_777_619
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h ^ (h >> 15)
    }

    /// The id of `field`+`bytes`, or the empty slot where it would go.
    @inline(__always) private func probe(_ field: UInt8, _ bytes: UnsafeBufferPointer<UInt8>,
                                         hash h: UInt32) -> (id: Int?, slot: Int) {
        var slot = Int(h) & mask
        while true {
            let found = Int(slots[slot])
            if found < 0 { return (nil, slot) }
            if hashes[found] == h && Int(lengths[found]) == bytes.count + 1 && equals(found, field, bytes) { return (found, slot) }
            slot = (slot + 1) & mask
        }
    }

    /// The id of `field`+`bytes`, nil when absent.
    func find(field: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(field, bytes, hash: Self.hash(field, bytes)).id
    }

    func find(field: UInt8, _ text: String) -> Int? {
        var t = text
        return t.withUTF8 { find(field: field, $0) }
    }

    /// The id of `field`+`bytes`, added when new.
    mutating func id(field: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let h = Self.hash(field, bytes)
        let (found, slot) = probe(field, bytes, hash: h)
        if let found { return found }
        let id = starts.count
        starts.append(Int32(arena.count))
        lengths.append(Int32(bytes.count + 1))
        hashes.append(h)
        arena.append(field)
        arena.append(contentsOf: bytes)
        slots[slot] = Int32(id)
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    mutating func id(field: UInt8, _ text: String) -> Int {
        var t = text
        return t.withUTF8 { id(field: field, $0) }
    }

    @inline(__always) private func equals(_ id: Int, _ field: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = Int(starts[id])
        guard arena[s] == field else { return false }
        return arena.withUnsafeBufferPointer { a in
            guard !bytes.isEmpty else { return true }
            return memcmp(a.baseAddress! + s + 1, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for id in 0..<starts.count {
            var slot = Int(hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
