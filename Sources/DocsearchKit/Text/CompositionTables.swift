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

    /// NFC of one starter followed by marks of U+0300–U+036F: full
    /// decomposition, canonical (stable) reordering by combining class, then
    /// canonical composition where no mark of the same class blocks.
    static func composeSegment(starter: UInt32, marks extra: [UInt32]) -> [UInt32] {
        let (base, own) = LatinTables.decomposition(starter)
        var marks = own + extra
        // Stable insertion sort by combining class (segments are tiny).
        if marks.count > 1 {
            for i in 1..<marks.count {
                let m = marks[i], c = combiningClass(m)
                var j = i
                while j > 0 && combiningClass(marks[j - 1]) > c { marks[j] = marks[j - 1]; j -= 1 }
                marks[j] = m
            }
        }
        var composed = base
        var kept: [UInt32] = []
        var lastKeptClass: UInt8 = 0
        for m in marks {
            let c = combiningClass(m)
            if kept.isEmpty || lastKeptClass < c, let r = compose(composed, m) {
                composed = r
            } else {
                kept.append(m)
                lastKeptClass = c
            }
        }
        return [composed] + kept
    }
}
