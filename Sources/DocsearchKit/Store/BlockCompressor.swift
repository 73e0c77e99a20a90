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
        guard raw <= 1 << 30, raw <= UInt64(block.count) * 256 else { throw StoreError.corrupt(path: path, reason: "compressed block claims \(raw) bytes") }
        let total = Int(raw)
        var out = [UInt8]()
        out.reserveCapacity(total)
        func readLength(_ base: Int) throws -> Int {
            var l = base
            guard base == 15 else { return l }
            while true {
                let b = try r.u8()
                l += Int(b)
                if l > total { throw StoreError.corrupt(path: path, reason: "length past the block") }
                if b != 255 { return l }
            }
        }
        while out.count < total {
            let token = try r.u8()
            let lit = try readLength(Int(token >> 4))
            guard lit <= total - out.count else { throw StoreError.corrupt(path: path, reason: "literals past the block") }
            out.append(contentsOf: try r.bytes(lit))
            if out.count == total { break }
            let offset = Int(try r.u8()) | Int(try r.u8()) << 8
            let length = try readLength(Int(token & 0x0F)) + minMatch
            guard offset > 0, offset <= out.count, length <= total - out.count else {
                throw StoreError.corrupt(path: path, reason: "match out of range")
            }
            let start = out.count - offset
            for k in 0..<length { out.append(out[start + k]) }
        }
        return out
    }
}
