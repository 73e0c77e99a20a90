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
    static func byteCount(width: Int) -> Int { count * width / 8 }

    /// The fewest bits that hold every value.
    static func width(of values: ArraySlice<UInt32>) -> Int {
        UInt32.bitWidth - values.reduce(0, |).leadingZeroBitCount
    }

    /// Appends `count` values (fewer are padded with zeros) in `width` bits each.
    static func pack(_ values: ArraySlice<UInt32>, width: Int, into out: inout ByteWriter) {
        precondition(values.count <= count && (0...32).contains(width))
        var accumulator: UInt64 = 0
        var bits = 0
        var written = 0
        for i in 0..<count {
            let v = i < values.count ? UInt64(values[values.startIndex + i]) : 0
            accumulator |= v << UInt64(bits)
            bits += width
            while bits >= 8 {
                out.u8(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
                written += 1
            }
        }
        assert(bits == 0 && written == byteCount(width: width))
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
            let mask = UInt64(1) << UInt64(width) - 1
            for i in 0..<count {
                let bit = i * width
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start + bit >> 3, as: UInt64.self))
                out[i] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            }
        } else {
            for i in 0..<count { out[i] = value(at: i, base, from: start, width: width) }
        }
    }
}
