/// Per-scalar class used by the normaliser and the tokeniser, from the
/// generated runs in `Tables/UnicodeClassRuns.swift`.
///
/// A class byte holds the normalisation class (bits 0–2, see `NormClass`) and
/// whether the scalar belongs to a word (bit 3: letters, digits, marks). The
/// Basic Multilingual Plane is expanded once into a 64 KiB table; the other
/// planes are looked up by binary search over the runs (rare in our text).
enum UnicodeClassTable {
    /// Normalisation classes (bits 0–2 of a class byte).
    enum NormClass {
        /// Starter that never changes under NFC and takes no part in our composition.
        static let inert: UInt8 = 0
        /// Latin starter (U+0080–U+024F, U+1E00–U+1EFF) the generated tables compose and decompose.
        static let composable: UInt8 = 1
        /// Combining mark of U+0300–U+036F the generated tables handle.
        static let mark: UInt8 = 2
        /// Anything our tables cannot normalise: Foundation's NFC is used for the text.
        static let fallback: UInt8 = 3
        /// Odd space (NBSP, thin space…) that becomes " ".
        static let space: UInt8 = 4
        /// Removed: BOM, zero-width characters, soft hyphen.
        static let removed: UInt8 = 5
        /// Line or paragraph separator that becomes "\n".
        static let lineBreak: UInt8 = 6
    }
    static let normMask: UInt8 = 0x07
    static let wordBit: UInt8 = 0x08

    /// Class bytes of U+0000–U+FFFF, allocated once for the process lifetime.
    static let bmp: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
        let runs = UnicodeClassTable.runs
        for (k, run) in runs.enumerated() {
            let start = Int(run >> 8)
            if start >= 0x10000 { break }
            let end = k + 1 < runs.count ? min(Int(runs[k + 1] >> 8), 0x10000) : 0x10000
            (table + start).initialize(repeating: UInt8(truncatingIfNeeded: run), count: end - start)
        }
        return UnsafePointer(table)
    }()

    /// Class byte of any scalar value (BMP through the table, others by search).
    @inline(__always)
    static func classOf(_ v: UInt32, bmp: UnsafePointer<UInt8>) -> UInt8 {
        v < 0x10000 ? bmp[Int(v)] : supplementaryClass(v)
    }

    static func supplementaryClass(_ v: UInt32) -> UInt8 {
        let runs = UnicodeClassTable.runs
        var lo = 0, hi = runs.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if runs[mid] >> 8 <= v { lo = mid } else { hi = mid - 1 }
        }
        return runs.isEmpty ? NormClass.fallback : UInt8(truncatingIfNeeded: runs[lo])
    }
}
