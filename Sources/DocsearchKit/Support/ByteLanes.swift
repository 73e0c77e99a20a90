/// Tests of the eight bytes of a 64-bit word at once, for the scans that pass
/// over text where few bytes matter (control bytes, line breaks, escapes,
/// digits). Each tells whether *some* byte of the word passes; which one is
/// left to a byte-by-byte look.
///
/// Every test keeps each byte's arithmetic within that byte (no carry or
/// borrow crosses into the next), or, where it may (`anyBelow`), only past a
/// byte that passes already: each answers true exactly when some byte passes.
enum ByteLanes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The word at `offset` of `base`, unaligned.
    @inline(__always) static func word(_ base: UnsafeRawPointer, at offset: Int) -> UInt64 {
        base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    /// Some byte has its high bit set (is not ASCII).
    @inline(__always) static func anyHigh(_ w: UInt64) -> Bool { w & highs != 0 }

    /// Some byte is below `limit` (at most 0x80): a byte below it turns its
    /// high bit on in `w - limit…` while the bit is off in `w`; a borrow
    /// reaches a higher byte only from a byte below the limit.
    @inline(__always) static func anyBelow(_ w: UInt64, _ limit: UInt8) -> Bool {
        (w &- UInt64(limit) &* ones) & ~w & highs != 0
    }

    /// Some byte equals `byte`: a zero byte of `w ^ byte…`.
    @inline(__always) static func anyEqual(_ w: UInt64, _ byte: UInt8) -> Bool {
        anyBelow(w ^ (UInt64(byte) &* ones), 1)
    }

    /// Some byte lies in `range` (ASCII): each byte's low seven bits plus
    /// 0x80 − lower reach the high bit from `lower` on, and 0x80 + upper less
    /// them keep it up to `upper`; bytes from 0x80 are left out.
    @inline(__always) static func anyIn(_ w: UInt64, _ range: ClosedRange<UInt8>) -> Bool {
        let low7 = w & ~highs
        let atLeast = (low7 &+ UInt64(0x80 - range.lowerBound) &* ones) & highs
        let atMost = (UInt64(0x80 + range.upperBound) &* ones &- low7) & highs
        return atLeast & atMost & ~w != 0
    }
}
