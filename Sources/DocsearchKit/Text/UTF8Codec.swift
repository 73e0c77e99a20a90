/// Minimal UTF-8 decoding and encoding on raw bytes for the hot loops.
enum UTF8Codec {
    /// Decodes the scalar at `i` of valid UTF-8 (a String's bytes); returns the
    /// value and its length in bytes. Hot loops test for ASCII before calling.
    /// Truncated sequences at the end yield U+FFFD rather than reading past `count`.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> (UInt32, Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            guard i + 1 < count else { return (0xFFFD, 1) }
            return ((b0 & 0x1F) << 6 | UInt32(p[i + 1]) & 0x3F, 2)
        }
        if b0 < 0xF0 {
            guard i + 2 < count else { return (0xFFFD, count - i) }
            return ((b0 & 0x0F) << 12 | (UInt32(p[i + 1]) & 0x3F) << 6 | UInt32(p[i + 2]) & 0x3F, 3)
        }
        guard i + 3 < count else { return (0xFFFD, count - i) }
        return ((b0 & 0x07) << 18 | (UInt32(p[i + 1]) & 0x3F) << 12 | (UInt32(p[i + 2]) & 0x3F) << 6
                | UInt32(p[i + 3]) & 0x3F, 4)
    }

    /// Number of bytes of `v` in UTF-8.
    @inline(__always)
    static func width(_ v: UInt32) -> Int {
        v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
    }

    /// Writes `v` at `p` (room for 4 bytes needed); returns the bytes written.
    @inline(__always)
    static func encode(_ v: UInt32, to p: UnsafeMutablePointer<UInt8>) -> Int {
        if v < 0x80 { p[0] = UInt8(v); return 1 }
        if v < 0x800 {
            p[0] = UInt8(0xC0 | v >> 6); p[1] = UInt8(0x80 | v & 0x3F); return 2
        }
        if v < 0x10000 {
            p[0] = UInt8(0xE0 | v >> 12); p[1] = UInt8(0x80 | (v >> 6) & 0x3F); p[2] = UInt8(0x80 | v & 0x3F)
            return 3
        }
        p[0] = UInt8(0xF0 | v >> 18); p[1] = UInt8(0x80 | (v >> 12) & 0x3F)
        p[2] = UInt8(0x80 | (v >> 6) & 0x3F); p[3] = UInt8(0x80 | v & 0x3F)
        return 4
    }
}
