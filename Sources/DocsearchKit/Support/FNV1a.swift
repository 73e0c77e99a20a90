/// FNV-1a over 64 bits: a quick number for a short word, where building a
/// String and its Unicode-normalising hash would cost more than the work
/// around it (the snippet's marked words, a cached plan's word forms).
/// Two different words share a number about once in 2⁶⁴ pairs.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Mixes in one unit (a byte or a scalar).
    @inline(__always) mutating func add(_ unit: UInt64) {
        value = (value ^ unit) &* 0x100_0000_01b3
    }
}
