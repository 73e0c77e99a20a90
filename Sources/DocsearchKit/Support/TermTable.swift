/// An open-addressing hash table from term bytes (field byte + UTF-8) to a
/// dense term id, with the keys in one contiguous arena: the indexer looks up
/// every token here without allocating a String, and the extractors' word
/// tables (`WordTable`) are built on it.
struct TermTable {
    private(set) var arena: [UInt8] = []
    /// Each id's key: its start in `arena` (high 32 bits) and its length
    /// (low 32 bits), in one word.
    private var entries: [UInt64] = []
    /// Open addressing: the key's hash (high 32 bits) and its id + 1 (low
    /// 32 bits); 0 is an empty slot. A lookup reads its slot, the entry and
    /// the arena, three places in memory, where the hash and the key's start
    /// and length were each an array of their own (five: the indexer's lookup
    /// of every word missed the cache on each, 7% of the 20,000 plans' build
    /// in time against 5% of its instructions, perf and callgrind).
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
    }

    var count: Int { entries.count }

    @inline(__always) private static func start(_ entry: UInt64) -> Int { Int(entry >> 32) }
    @inline(__always) private static func length(_ entry: UInt64) -> Int { Int(entry & 0xFFFF_FFFF) }

    /// The key of term `id`, field byte first.
    func key(_ id: Int) -> ArraySlice<UInt8> {
        let e = entries[id]
        return arena[Self.start(e)..<(Self.start(e) + Self.length(e))]
    }

    /// Calls `body` with the bytes of term `id`'s key after its field byte.
    func withValueBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let e = entries[id]
        let s = Self.start(e) + 1, n = Self.length(e) - 1
        return try arena.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[s..<(s + n)])) }
    }

    /// Every id, its key (field byte first) in byte order: a segment's
    /// dictionary order. Compared in place in the arena: through `key(_:)`,
    /// each comparison made and released two slices of it.
    func idsInKeyOrder() -> [Int] {
        arena.withUnsafeBufferPointer { arena in
            entries.withUnsafeBufferPointer { entries in
                (0..<entries.count).sorted { a, b in
                    let ea = entries[a], eb = entries[b]
                    let la = Self.length(ea), lb = Self.length(eb)
                    let c = memcmp(arena.baseAddress! + Self.start(ea), arena.baseAddress! + Self.start(eb), min(la, lb))
                    return c < 0 || (c == 0 && la < lb)
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
        let tag = UInt64(h) << 32
        while true {
            let found = slots[slot]
            if found == 0 { return (nil, slot) }
            if found & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(found & 0xFFFF_FFFF) - 1
                if Self.length(entries[id]) == bytes.count + 1 && equals(id, field, bytes) { return (id, slot) }
            }
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
        let id = entries.count
        precondition(arena.count < 1 << 32 && id < 0xFFFF_FFFF, "a term table holds under 4 GiB of keys")
        entries.append(UInt64(arena.count) << 32 | UInt64(bytes.count + 1))
        arena.append(field)
        arena.append(contentsOf: bytes)
        slots[slot] = UInt64(h) << 32 | UInt64(id + 1)
        if entries.count * 2 > slots.count { grow() }
        return id
    }

    mutating func id(field: UInt8, _ text: String) -> Int {
        var t = text
        return t.withUTF8 { id(field: field, $0) }
    }

    @inline(__always) private func equals(_ id: Int, _ field: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = Self.start(entries[id])
        guard arena[s] == field else { return false }
        return arena.withUnsafeBufferPointer { a in
            guard !bytes.isEmpty else { return true }
            return memcmp(a.baseAddress! + s + 1, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Int(entry >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
