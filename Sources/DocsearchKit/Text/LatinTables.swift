/// Case, fold and decomposition of the Latin ranges the generated tables
/// cover: Latin-1 Supplement, Latin Extended-A/B (U+0080–U+024F) and Latin
/// Extended Additional (U+1E00–U+1EFF), where all Vietnamese letters live.
enum LatinTables {
    /// Index of `v` in the tables, or nil outside the covered ranges.
    @inline(__always)
    static func index(_ v: UInt32) -> Int? {
        if v >= 0x80 && v < 0x250 { return Int(v &- 0x80) }
        if v >= 0x1E00 && v < 0x1F00 { return 0x1D0 + Int(v &- 0x1E00) }
        return nil
    }

    static let lower: UnsafePointer<UInt32> = permanent(lowerData)
    static let fold: UnsafePointer<UInt32> = permanent(foldData)

    /// Canonical decomposition of a covered Latin scalar: base and up to three marks.
    static func decomposition(_ v: UInt32) -> (base: UInt32, marks: [UInt32]) {
        guard let i = index(v), i < decompositionData.count else { return (v, []) }
        let packed = decompositionData[i]
        if packed == 0 { return (v, []) }
        let count = Int((packed >> 24) & 0xFF)
        var marks: [UInt32] = []
        for k in 0..<min(count, 3) { marks.append(0x300 + UInt32((packed >> (32 + 8 * UInt64(k))) & 0xFF)) }
        return (UInt32(packed & 0xFF_FFFF), marks)
    }

    private static func permanent<T>(_ array: [T]) -> UnsafePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
        array.withUnsafeBufferPointer { p.initialize(from: $0.baseAddress!, count: $0.count) }
        return UnsafePointer(p)
    }
}
