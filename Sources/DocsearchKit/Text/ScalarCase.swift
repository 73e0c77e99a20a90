import Foundation

/// Lowercase and diacritic folding of single scalars: ASCII inline, the Latin
/// ranges (all Vietnamese letters) by generated table, anything else through
/// the slower Unicode property and Foundation path.
enum ScalarCase {
    /// Appends the lowercase of `v` (exact form) to `out`.
    @inline(__always)
    static func appendLower(_ v: UInt32, to out: inout ByteBuffer, lower: UnsafePointer<UInt32>) {
        if let i = LatinTables.index(v) {
            let l = lower[i]
            if l != 0 { out.append(scalar: l); return }
        } else if (0x300...0x36F).contains(v) {
            out.append(scalar: v); return
        }
        slowLower(v, to: &out)
    }

    /// Appends the folded form of `v` (lowercase, no diacritics, đ→d) to `out`.
    /// Combining marks of U+0300–U+036F fold to nothing.
    @inline(__always)
    static func appendFold(_ v: UInt32, to out: inout ByteBuffer, fold: UnsafePointer<UInt32>) {
        guard let f = tableFold(v, fold: fold) else { slowFold(v, to: &out); return }
        if f != 0 { out.append(scalar: f) }
    }

    /// The folded form of `v` as the table has it: one scalar, 0 for a
    /// combining mark of U+0300–U+036F (folds to nothing), nil when only
    /// `slowFold` knows.
    @inline(__always)
    static func tableFold(_ v: UInt32, fold: UnsafePointer<UInt32>) -> UInt32? {
        if let i = LatinTables.index(v) {
            let f = fold[i]
            return f != 0 ? f : nil
        }
        return (0x300...0x36F).contains(v) ? 0 : nil
    }

    static func slowLower(_ v: UInt32, to out: inout ByteBuffer) {
        guard let s = Unicode.Scalar(v) else { out.append(scalar: 0xFFFD); return }
        if !s.properties.changesWhenLowercased { out.append(scalar: v); return }
        for l in s.properties.lowercaseMapping.unicodeScalars { out.append(scalar: l.value) }
    }

    /// Lowercase, canonical decomposition, marks U+0300–U+036F dropped, then
    /// recomposed (so scripts like Hangul stay composed).
    static func slowFold(_ v: UInt32, to out: inout ByteBuffer) {
        guard let s = Unicode.Scalar(v) else { out.append(scalar: 0xFFFD); return }
        var kept = String.UnicodeScalarView()
        for d in s.properties.lowercaseMapping.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch d.value {
            case 0x300...0x36F: continue
            case 0x111: kept.append("d")
            default: kept.append(d)
            }
        }
        for r in String(kept).precomposedStringWithCanonicalMapping.unicodeScalars { out.append(scalar: r.value) }
    }
}
