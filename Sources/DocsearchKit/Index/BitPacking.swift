/// Fixed-width packing of a block of `PostingsCodec.blockSize` (128)
/// unsigned values, as tantivy and Lucene pack their postings blocks.
///
/// Byte grammar:
///
///     packed := bits{128 · width}, padded to whole bytes (always 16 · width bytes)
///
/// Value i takes bits [i·width, (i+1)·width), least significant bit first
/// (byte k holds bits 8k … 8k+7). `width` (0…32) is the fewest bits that hold
/// the block's largest value; width 0 packs 128 zeros into no bytes.
///
/// Unpacking a whole block needs no branch per value (one unaligned 64-bit
/// load, a shift and a mask), which varints cannot do: decoding varint
/// blocks was 29% of the query mix (perf).
enum BitPacking {
    static let count = PostingsCodec.blockSize

    /// Bytes of a block of `width`-bit values.
    static func byteCount(width: Int) -> Int { byteCount(count, width: width) }

    /// Bytes of `n` values of `width` bits: ⌈n · width / 8⌉ (a block's last
    /// group of positions holds fewer than `count`).
    static func byteCount(_ n: Int, width: Int) -> Int { (n * width + 7) / 8 }

    /// The fewest bits that hold every value.
    static func width(of values: ArraySlice<UInt32>) -> Int {
        UInt32.bitWidth - values.reduce(0, |).leadingZeroBitCount
    }

    /// Appends `n` values (`count` unless told; fewer given are padded with
    /// zeros) in `width` bits each: `byteCount(n, width:)` bytes.
    static func pack(_ values: ArraySlice<UInt32>, width: Int, count n: Int = count, into out: inout ByteWriter) {
        precondition(values.count <= n && n <= count && (0...32).contains(width))
        out.append(count: byteCount(n, width: width)) { bytes in
            var accumulator: UInt64 = 0
            var bits = 0
            var written = 0
            // Four bytes stored at once, once 32 bits are held (fewer than 32
            // held, a value of at most 32 bits more fits the 64): a byte at a
            // time was most of writing a segment's positions (callgrind).
            let raw = UnsafeMutableRawPointer(bytes.baseAddress)
            values.withUnsafeBufferPointer { values in
                for i in 0..<n {
                    accumulator |= UInt64(i < values.count ? values[i] : 0) << UInt64(bits)
                    bits += width
                    if bits >= 32 {
                        raw!.storeBytes(of: UInt32(truncatingIfNeeded: accumulator).littleEndian, toByteOffset: written, as: UInt32.self)
                        accumulator >>= 32
                        bits -= 32
                        written += 4
                    }
                }
            }
            while bits > 0 {
                bytes[written] = UInt8(truncatingIfNeeded: accumulator)
                accumulator >>= 8
                bits -= 8
                written += 1
            }
            assert(written == bytes.count)
        }
    }

    /// Value `i` of the block at `start`, reading only the block's bytes.
    @inline(__always)
    static func value(at i: Int, _ base: UnsafeRawPointer, from start: Int, width: Int) -> UInt32 {
        guard width > 0 else { return 0 }
        let bit = i * width
        let first = start + bit >> 3
        let last = start + (bit + width - 1) >> 3
        var word: UInt64 = 0
        for k in first...last { word |= UInt64(base.load(fromByteOffset: k, as: UInt8.self)) << UInt64(8 * (k - first)) }
        return UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & (1 << UInt64(width) - 1))
    }

    /// Unpacks the block at `start` into `out[0..<count]`. The block's bytes
    /// must lie before `end`; when 8 more bytes do, each value is one 64-bit
    /// load (a value spans at most 5 bytes from the byte it starts in).
    static func unpack(_ base: UnsafeRawPointer, from start: Int, width: Int, end: Int,
                       into out: UnsafeMutablePointer<UInt32>) {
        guard width > 0 else {
            out.update(repeating: 0, count: count)
            return
        }
        if start + byteCount(width: width) + 8 <= end {
            // One copy of the loop per width, each with its shifts and mask
            // known to the compiler, which unrolls and vectorises it.
            switch width {
            case 1: unpack(base + start, constantWidth: 1, into: out)
            case 2: unpack(base + start, constantWidth: 2, into: out)
            case 3: unpack(base + start, constantWidth: 3, into: out)
            case 4: unpack(base + start, constantWidth: 4, into: out)
            case 5: unpack(base + start, constantWidth: 5, into: out)
            case 6: unpack(base + start, constantWidth: 6, into: out)
            case 7: unpack(base + start, constantWidth: 7, into: out)
            case 8: unpack(base + start, constantWidth: 8, into: out)
            case 9: unpack(base + start, constantWidth: 9, into: out)
            case 10: unpack(base + start, constantWidth: 10, into: out)
            case 11: unpack(base + start, constantWidth: 11, into: out)
            case 12: unpack(base + start, constantWidth: 12, into: out)
            case 13: unpack(base + start, constantWidth: 13, into: out)
            case 14: unpack(base + start, constantWidth: 14, into: out)
            case 15: unpack(base + start, constantWidth: 15, into: out)
            case 16: unpack(base + start, constantWidth: 16, into: out)
            case 17: unpack(base + start, constantWidth: 17, into: out)
            case 18: unpack(base + start, constantWidth: 18, into: out)
            case 19: unpack(base + start, constantWidth: 19, into: out)
            case 20: unpack(base + start, constantWidth: 20, into: out)
            case 21: unpack(base + start, constantWidth: 21, into: out)
            case 22: unpack(base + start, constantWidth: 22, into: out)
            case 23: unpack(base + start, constantWidth: 23, into: out)
            case 24: unpack(base + start, constantWidth: 24, into: out)
            case 25: unpack(base + start, constantWidth: 25, into: out)
            case 26: unpack(base + start, constantWidth: 26, into: out)
            case 27: unpack(base + start, constantWidth: 27, into: out)
            case 28: unpack(base + start, constantWidth: 28, into: out)
            case 29: unpack(base + start, constantWidth: 29, into: out)
            case 30: unpack(base + start, constantWidth: 30, into: out)
            case 31: unpack(base + start, constantWidth: 31, into: out)
            case 32: unpack(base + start, constantWidth: 32, into: out)
            default: preconditionFailure("width \(width)")
            }
        } else {
            for i in 0..<count { out[i] = value(at: i, base, from: start, width: width) }
        }
    }

    /// Replaces `n` deltas at `values` (a multiple of 8), each of at most
    /// `width` bits, by their running sums from `start`. Returns whether each
    /// sum stands above the one before it and the first above `start` (or
    /// equal to it, when `firstMayEqual`): false when a delta past the first
    /// is 0 (plans out of order) or a sum passes 2^32 − 1.
    ///
    /// When no sum can pass 2^32 − 1 (`start` plus `n` of the widest deltas
    /// does not: a segment's plan numbers are far below it), eight sums are
    /// worked out at a time, in vector lanes: each lane adds the lanes 1, 2
    /// and 4 before it, then the last sum of the eight before, and a lane
    /// holding a zero delta is looked for in the same pass (the query mix
    /// on 20,000 plans: 4.79 → 4.63 M instructions a search, against one sum
    /// after another, each waiting on the one before, and a loop of its own
    /// for the zero deltas; four lanes at a time, 4.65 M; callgrind).
    static func runningSums(_ values: UnsafeMutablePointer<UInt32>, count n: Int, from start: UInt32, width: Int,
                            firstMayEqual: Bool) -> Bool {
        precondition(n % 8 == 0 && n > 0 && (0...32).contains(width))
        let widest = (UInt64(1) << UInt64(width)) - 1
        guard UInt64(start) + UInt64(n) * widest <= UInt64(UInt32.max) else {
            var sum = UInt64(start)
            for i in 0..<n {
                if values[i] == 0 && (i > 0 || !firstMayEqual) { return false }
                sum += UInt64(values[i])
                values[i] = UInt32(truncatingIfNeeded: sum)
            }
            return sum <= UInt64(UInt32.max)
        }
        let raw = UnsafeMutableRawPointer(values)
        var carry = SIMD8<UInt32>(repeating: start)
        // The top bit of (x − 1) & ~x is set when x is 0 only: integer lanes,
        // where a comparison's mask was worked out lane by lane (callgrind).
        var zero = SIMD8<UInt32>(repeating: 0)
        for g in stride(from: 0, to: n * 4, by: 32) {
            var v = raw.loadUnaligned(fromByteOffset: g, as: SIMD8<UInt32>.self)
            zero |= (v &- 1) & ~v
            v &+= SIMD8(0, v[0], v[1], v[2], v[3], v[4], v[5], v[6])
            v &+= SIMD8(0, 0, v[0], v[1], v[2], v[3], v[4], v[5])
            v &+= SIMD8(0, 0, 0, 0, v[0], v[1], v[2], v[3])
            v &+= carry
            raw.storeBytes(of: v, toByteOffset: g, as: SIMD8<UInt32>.self)
            carry = SIMD8(repeating: v[7])
        }
        // A zero delta is allowed first in a list's first block only (plan 0).
        var lanes: UInt32 = 0
        for i in 0..<8 { lanes |= zero[i] }
        guard lanes & 0x8000_0000 != 0 else { return true }
        if values[0] == start && !firstMayEqual { return false }
        for i in 1..<n where values[i] == values[i - 1] { return false }
        return true
    }

    /// The fast loop, inlined into each case of `unpack` with a constant width.
    /// Eight values take exactly `width` bytes, so within a group of eight
    /// each value's byte and shift are constants: a load, a shift, a mask
    /// and a store per value, where computing them per value took twice as
    /// many instructions (callgrind).
    @inline(__always)
    private static func unpack(_ block: UnsafeRawPointer, constantWidth width: Int, into out: UnsafeMutablePointer<UInt32>) {
        let mask = UInt64(1) << UInt64(width) - 1
        for g in 0..<(count / 8) {
            let group = block + g * width
            let values = out + g * 8
            for k in 0..<8 {
                let bit = k * width
                let word = UInt64(littleEndian: group.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                values[k] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            }
        }
    }
}
