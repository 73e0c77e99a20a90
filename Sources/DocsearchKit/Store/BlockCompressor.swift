/// A small LZ77 compressor for stored records: fast to decode, bounds-checked,
/// no dependencies. Records are JSON, whose keys repeat from one plan to the
/// next, so a block of records shrinks several times.
///
/// Byte grammar of a compressed block:
///
///     block    := rawLength:varint sequence*
///     sequence := token:u8 literalExtra? literal* (offset:u16 matchExtra?)?
///     token    := literalCount:4 bits (15 = more in literalExtra) | matchLength-4:4 bits (15 = more in matchExtra)
///     extra    := u8* (each 255 adds 255 and continues; the first byte below 255 ends it)
///
/// The last sequence has literals only. `offset` counts back from the current
/// output position (1…65535).
public enum BlockCompressor {
    static let minMatch = 4
    static let hashBits = 14

    public static func compress(_ input: [UInt8]) -> [UInt8] {
        var out = ByteWriter(capacity: input.count / 2 + 16)
        out.varint(UInt64(input.count))
        let n = input.count
        guard n > 0 else { return out.bytes }
        var table = [Int32](repeating: -1, count: 1 << hashBits)
        var anchor = 0
        var i = 0
        func hash(_ p: Int) -> Int {
            let v = UInt32(input[p]) | UInt32(input[p + 1]) << 8 | UInt32(input[p + 2]) << 16 | UInt32(input[p + 3]) << 24
            return Int((v &* 2_654_435_761) >> UInt32(32 - hashBits))
        }
        func writeLength(_ extra: Int) {
            var e = extra
            while e >= 255 { out.u8(255); e -= 255 }
            out.u8(UInt8(e))
        }
        func emit(literalsFrom start: Int, to end: Int, match: (offset: Int, length: Int)?) {
            let lit = end - start
            let ml = match.map { $0.length - minMatch } ?? 0
            out.u8(UInt8(min(lit, 15) << 4 | min(ml, 15)))
            if lit >= 15 { writeLength(lit - 15) }
            out.append(input[start..<end])
            if let m = match {
                out.u8(UInt8(m.offset & 0xFF)); out.u8(UInt8(m.offset >> 8))
                if ml >= 15 { writeLength(ml - 15) }
            }
        }
        while i + minMatch <= n - 1 {
            let h = hash(i)
            let candidate = Int(table[h])
            table[h] = Int32(i)
            if candidate >= 0, i - candidate <= 65535,
               input[candidate] == input[i], input[candidate + 1] == input[i + 1],
               input[candidate + 2] == input[i + 2], input[candidate + 3] == input[i + 3] {
                var length = minMatch
                while i + length < n && input[candidate + length] == input[i + length] { length += 1 }
                emit(literalsFrom: anchor, to: i, match: (i - candidate, length))
                i += length
                anchor = i
            } else {
                i += 1
            }
        }
        emit(literalsFrom: anchor, to: n, match: nil)
        return out.bytes
    }

    /// Decodes a block; throws on any inconsistency instead of reading or writing out of bounds.
    public static func decompress(_ block: UnsafeRawBufferPointer, path: String) throws -> [UInt8] {
        var r = ByteReader(block, path: path)
        let raw = try r.varint()
        // No sequence expands more than 255 times, so a larger claim is damage.
        guard raw <= 1 << 30, raw <= UInt64(block.count) * 256 else {
            throw StoreError.corrupt(path: path, reason: "compressed block claims \(raw) bytes")
        }
        let total = Int(raw)
        guard total > 0 else { return [] }
        var failure: StoreError? = nil
        let out = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let dst = buffer.baseAddress, let src = block.baseAddress else { return }
            var at = 0
            var i = r.offset
            let n = block.count
            func fail(_ reason: String) { failure = .corrupt(path: path, reason: reason) }
            func length(_ base: Int) -> Int? {
                var l = base
                guard base == 15 else { return l }
                while true {
                    guard i < n else { fail("length past the block"); return nil }
                    let b = Int(src.load(fromByteOffset: i, as: UInt8.self))
                    i += 1
                    l += b
                    if l > total { fail("length past the block"); return nil }
                    if b != 255 { return l }
                }
            }
            while at < total {
                guard i < n else { fail("block cut short"); break }
                let token = Int(src.load(fromByteOffset: i, as: UInt8.self))
                i += 1
                guard let lit = length(token >> 4) else { break }
                guard lit <= total - at, lit <= n - i else { fail("literals past the block"); break }
                (dst + at).update(from: src.advanced(by: i).assumingMemoryBound(to: UInt8.self), count: lit)
                at += lit
                i += lit
                if at == total { break }
                guard i + 2 <= n else { fail("match cut short"); break }
                let offset = Int(src.load(fromByteOffset: i, as: UInt8.self)) | Int(src.load(fromByteOffset: i + 1, as: UInt8.self)) << 8
                i += 2
                guard let extra = length(token & 0x0F) else { break }
                let matchLength = extra + minMatch
                guard offset > 0, offset <= at, matchLength <= total - at else { fail("match out of range"); break }
                if offset >= matchLength {
                    // Apart from the bytes it produces: one copy (the byte loop
                    // was nine tenths of decompressing a block, callgrind).
                    (dst + at).initialize(from: dst + (at - offset), count: matchLength)
                    at += matchLength
                } else {
                    // Byte by byte: the match overlaps the bytes it produces.
                    var from = at - offset
                    for _ in 0..<matchLength { dst[at] = dst[from]; at += 1; from += 1 }
                }
            }
            if failure != nil { at = 0 }
            initialized = at
        }
        if let failure { throw failure }
        return out
    }
}
