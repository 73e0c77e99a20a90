import Foundation

/// The input boundary: bytes of a file or a query become NFC text, once.
///
/// After it: no BOM, line ends are "\n" (CRLF, lone CR, U+0085, U+2028 and
/// U+2029 included), NBSP and the other odd spaces (U+1680, U+2000–U+200A,
/// U+202F, U+205F, U+3000) are plain spaces, zero-width characters
/// (U+200B–U+200D, U+2060, U+FEFF, U+180E) and soft hyphens are gone. Tabs stay.
///
/// It works on UTF-8 bytes with generated tables. Text that is ASCII, or NFC
/// with nothing to clean, is returned untouched (same storage, no copy).
/// Decomposed Latin text (Vietnamese pasted from Word: "e" U+0323 U+0302) is
/// composed by the tables, marks in any order (canonical reordering applies).
/// Only text holding something outside the tables (another script with
/// combining marks, Hangul jamo…) goes through Foundation's
/// `precomposedStringWithCanonicalMapping`.
public enum TextNormalizer {
    /// NFC form of `s` with spaces and line ends unified; `s` itself when
    /// nothing changes.
    public static func normalize(_ s: String) -> String {
        var text = s
        enum Outcome { case unchanged, rewritten([UInt8]?), fallback }
        let outcome: Outcome = text.withUTF8 { buf in
            guard let p = buf.baseAddress, needsWork(p, buf.count) else { return .unchanged }
            guard let out = rewrite(p, buf.count, compose: true) else { return .fallback }
            return .rewritten(out.elementsEqual(buf) ? nil : out)
        }
        switch outcome {
        case .unchanged, .rewritten(nil):
            return s
        case .rewritten(let bytes?):
            return String(decoding: bytes, as: UTF8.self)
        case .fallback:
            let cleaned: [UInt8] = text.withUTF8 { buf in
                guard let p = buf.baseAddress else { return [] }
                return rewrite(p, buf.count, compose: false) ?? Array(buf)
            }
            return String(decoding: cleaned, as: UTF8.self).precomposedStringWithCanonicalMapping
        }
    }

    /// Decodes UTF-8 bytes (with or without a BOM) and normalises them. Invalid
    /// sequences become U+FFFD.
    public static func normalize(utf8 bytes: [UInt8]) -> String {
        normalize(String(decoding: bytes, as: UTF8.self))
    }

    // MARK: - Scanning

    /// True when some byte of valid UTF-8 `p[0..<n]` needs rewriting: a CR, a
    /// combining mark, a special space, a removed or unknown scalar.
    static func needsWork(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let bmp = UnicodeClassTable.bmp
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i < n {
            // Eight ASCII bytes without CR at a time.
            if i + 8 <= n {
                let w = ByteLanes.word(raw, at: i)
                if !ByteLanes.anyHigh(w) && !ByteLanes.anyEqual(w, 0x0D) { i += 8; continue }
            }
            let b = p[i]
            if b < 0x80 {
                if b == 0x0D { return true }
                i += 1
                continue
            }
            // The Latin letters Vietnamese is written with, precomposed
            // (U+00C0–U+01BF: lead bytes C3–C6; U+1E80–U+1EFF: E1 BA, E1 BB),
            // need no work (a test checks every one against the table): told
            // by their bytes, without decoding and looking up each scalar of
            // a plan (needsWork was 148 M of the 2,000 plans' build, callgrind).
            // The bytes are valid UTF-8, so the sequence is whole.
            if b &- 0xC3 < 4 { i += 2; continue }
            if b == 0xE1 && p[i + 1] &- 0xBA < 2 { i += 3; continue }
            let (v, len) = UTF8Codec.decode(p, i, n)
            if UnicodeClassTable.classOf(v, bmp: bmp) & UnicodeClassTable.normMask > UnicodeClassTable.NormClass.composable {
                return true
            }
            i += len
        }
        return false
    }

    // MARK: - Rewriting

    /// The cleaned (and, with `compose`, NFC) bytes of `p[0..<n]`, or nil when
    /// composing meets something the tables cannot handle.
    static func rewrite(_ p: UnsafePointer<UInt8>, _ n: Int, compose: Bool) -> [UInt8]? {
        typealias C = UnicodeClassTable.NormClass
        let bmp = UnicodeClassTable.bmp
        var out = ByteBuffer(capacity: n + 16)
        defer { out.free() }
        var starterAt = -1            // offset in `out` of the last starter
        var starter: UInt32 = 0
        var starterComposable = false
        var marks: [UInt32] = []
        var previousCR = false

        func flushMarks() {
            guard !marks.isEmpty else { return }
            out.count = starterAt
            CompositionTables.composeSegment(starter: starter, marks: marks, into: &out)
            marks.removeAll(keepingCapacity: true)
        }
        func appendStarter(_ v: UInt32, composable: Bool) {
            flushMarks()
            starterAt = out.count
            starter = v
            starterComposable = composable
            out.append(scalar: v)
        }

        var i = 0
        while i < n {
            let b = p[i]
            if b < 0x80 {
                i += 1
                if b == 0x0D { appendStarter(0x0A, composable: true); previousCR = true; continue }
                if b == 0x0A && previousCR { previousCR = false; continue }
                appendStarter(UInt32(b), composable: true)
                previousCR = false
                continue
            }
            let (v, len) = UTF8Codec.decode(p, i, n)
            i += len
            switch UnicodeClassTable.classOf(v, bmp: bmp) & UnicodeClassTable.normMask {
            case C.removed:
                continue
            case C.space:
                appendStarter(0x20, composable: true)
            case C.lineBreak:
                appendStarter(0x0A, composable: true)
            case C.mark:
                if !compose {
                    out.append(scalar: v)
                } else if starterAt < 0 || !starterComposable {
                    return nil
                } else {
                    marks.append(v)
                }
            case C.fallback:
                if compose { return nil }
                out.append(scalar: v)
            case C.composable:
                appendStarter(v, composable: true)
            default:
                appendStarter(v, composable: false)
            }
            previousCR = false
        }
        flushMarks()
        return Array(out.bytes)
    }
}
