/// Canonical composition of Latin letters with the combining marks
/// U+0300–U+036F, from the generated pair table.
enum CompositionTables {
    /// Canonical combining class of a mark of U+0300–U+036F (0 otherwise).
    @inline(__always)
    static func combiningClass(_ mark: UInt32) -> UInt8 {
        guard mark >= 0x300 && mark <= 0x36F else { return 0 }
        return combiningClassData[Int(mark - 0x300)]
    }

    /// (base << 8 | mark − 0x300) → composite.
    static let pairs: [UInt32: UInt32] = {
        var d: [UInt32: UInt32] = [:]
        let data = pairData
        var i = 0
        while i + 2 < data.count {
            d[data[i] << 8 | (data[i + 1] &- 0x300)] = data[i + 2]
            i += 3
        }
        return d
    }()

    /// The primary composite of `base` and `mark`, if Unicode defines one.
    static func compose(_ base: UInt32, _ mark: UInt32) -> UInt32? {
        guard mark >= 0x300 && mark <= 0x36F, base < 0x100_0000 else { return nil }
        return pairs[base << 8 | (mark - 0x300)]
    }

    /// Appends to `out` the NFC of one starter followed by marks of
    /// U+0300–U+036F: full decomposition, canonical (stable) reordering by
    /// combining class, then canonical composition where no kept mark of the
    /// same class blocks. Works in stack memory: no allocation per segment.
    static func composeSegment(starter: UInt32, marks extra: [UInt32], into out: inout ByteBuffer) {
        let decomposition = LatinTables.decompositionData
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: extra.count + 3) { marks in
            var n = 0
            var base = starter
            if let i = LatinTables.index(starter), i < decomposition.count, decomposition[i] != 0 {
                let packed = decomposition[i]
                base = UInt32(packed & 0xFF_FFFF)
                for k in 0..<min(Int((packed >> 24) & 0xFF), 3) {
                    marks[n] = 0x300 + UInt32((packed >> (32 + 8 * UInt64(k))) & 0xFF)
                    n += 1
                }
            }
            for m in extra { marks[n] = m; n += 1 }
            // Stable insertion sort by combining class (segments are tiny).
            if n > 1 {
                for i in 1..<n {
                    let m = marks[i], c = combiningClass(m)
                    var j = i
                    while j > 0 && combiningClass(marks[j - 1]) > c { marks[j] = marks[j - 1]; j -= 1 }
                    marks[j] = m
                }
            }
            var composed = base
            var kept = 0 // kept marks are compacted in place at the front
            var lastKeptClass: UInt8 = 0
            for k in 0..<n {
                let m = marks[k], c = combiningClass(m)
                if kept == 0 || lastKeptClass < c, let r = compose(composed, m) {
                    composed = r
                } else {
                    marks[kept] = m
                    kept += 1
                    lastKeptClass = c
                }
            }
            out.append(scalar: composed)
            for k in 0..<kept { out.append(scalar: marks[k]) }
        }
    }
}
