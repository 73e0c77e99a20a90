import Foundation

/// The one analyzer for documents and queries.
///
/// Tokens are maximal runs of word scalars: Unicode letters, digits (any
/// scalar with a numeric type) and combining marks; everything else separates.
/// Word-internal punctuation is not special: "GD&ĐT" gives "gd" and "đt",
/// "20-CT/TW" gives "20", "ct", "tw", "1.000" gives "1" and "000". Each token
/// has an exact form (lowercased, one tone-mark placement, see
/// `TonePlacement`) and a folded form (no diacritics, đ→d).
///
/// The text must already be NFC (see `TextNormalizer`). The work is done on
/// the UTF-8 bytes: ASCII inline, Latin letters through generated tables, other
/// scripts through a slower Unicode-property path.
public struct Analyzer: Sendable {
    public init() {}

    /// Tokens of `text`, which must already be NFC (see `TextNormalizer`).
    public func tokens(in text: String) -> [Token] {
        var out: [Token] = []
        // At most one token per two bytes (a letter and a separator): reserved
        // at once, the array is never copied to grow. Pages not written are
        // not resident, so a large text holds only the tokens it has, where
        // growing by doubling held the old array and the new at the last copy.
        out.reserveCapacity(text.utf8.count / 2 + 1)
        forEachToken(in: text) { out.append($0.makeToken()) }
        return out
    }

    /// Calls `body` for each token of `text` (NFC) in order, without allocating
    /// per token: the token's byte buffers are reused and valid only during the
    /// call. This is the indexer's entry point; `tokens(in:)` is built on it.
    public func forEachToken(in text: String, _ body: (borrowing RawToken) throws -> Void) rethrows {
        var text = text
        try text.withUTF8 { try forEachToken(inUTF8: $0, body) }
    }

    /// Same as `forEachToken(in:_:)` on the UTF-8 bytes of NFC text; byte
    /// ranges are offsets into `utf8`. Invalid UTF-8 never traps (it is read
    /// as U+FFFD-like scalars), but only valid UTF-8 gives meaningful tokens.
    public func forEachToken(inUTF8 utf8: UnsafeBufferPointer<UInt8>, _ body: (borrowing RawToken) throws -> Void) rethrows {
        guard let p = utf8.baseAddress, utf8.count > 0 else { return }
        let n = utf8.count
        let bmp = UnicodeClassTable.bmp
        let lowerTable = LatinTables.lower, foldTable = LatinTables.fold
        let wordBit = UnicodeClassTable.wordBit
        var exact = ByteBuffer(capacity: 256), folded = ByteBuffer(capacity: 256)
        defer { exact.free(); folded.free() }
        var position = 0
        var i = 0
        while i < n {
            // Skip separators.
            let b0 = p[i]
            if b0 < 0x80 {
                if bmp[Int(b0)] & wordBit == 0 { i += 1; continue }
            } else {
                let (v, len) = UTF8Codec.decode(p, i, n)
                if UnicodeClassTable.classOf(v, bmp: bmp) & wordBit == 0 { i += len; continue }
            }
            // One token: lowercase into `exact`, fold into `folded`.
            let start = i
            exact.count = 0
            folded.count = 0
            var differs = false
            var s3: UInt32 = 0, s2: UInt32 = 0, s1: UInt32 = 0 // last three lowercase scalars
            var at2 = 0, at1 = 0                             // their offsets in `exact`
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    if bmp[Int(b)] & wordBit == 0 { break }
                    let l = b | ((b &- 0x41) < 26 ? 0x20 : 0)
                    exact.reserve(1); folded.reserve(1)
                    s3 = s2; s2 = s1; s1 = UInt32(l); at2 = at1; at1 = exact.count
                    exact.appendUnchecked(l)
                    folded.appendUnchecked(l)
                    i += 1
                    continue
                }
                let (v, len) = UTF8Codec.decode(p, i, n)
                if UnicodeClassTable.classOf(v, bmp: bmp) & wordBit == 0 { break }
                exact.reserve(4); folded.reserve(4)
                at2 = at1; at1 = exact.count
                s3 = s2; s2 = s1
                if let li = LatinTables.index(v), lowerTable[li] != 0, foldTable[li] != 0 {
                    // Table path: every Vietnamese letter.
                    let l = lowerTable[li], f = foldTable[li]
                    exact.count += UTF8Codec.encode(l, to: exact.base + exact.count)
                    folded.count += UTF8Codec.encode(f, to: folded.base + folded.count)
                    s1 = l
                    differs = differs || l != f
                } else {
                    let foldedBefore = folded.count
                    ScalarCase.appendLower(v, to: &exact, lower: lowerTable)
                    ScalarCase.appendFold(v, to: &folded, fold: foldTable)
                    let (lowered, width) = UTF8Codec.decode(exact.base, at1, exact.count)
                    s1 = width == exact.count - at1 ? lowered : 0 // 0: several scalars, no tone rule
                    if !differs {
                        differs = exact.count - at1 != folded.count - foldedBefore
                            || memcmp(exact.base + at1, folded.base + foldedBefore, folded.count - foldedBefore) != 0
                    }
                }
                i += len
            }
            if let (first, second) = TonePlacement.canonicalEnding(beforePrevious: s3, previous: s2, last: s1) {
                exact.count = at2
                exact.append(scalar: first)
                exact.append(scalar: second)
            }
            let token = RawToken(exactUTF8: exact.bytes, foldedUTF8: folded.bytes, position: position,
                                 byteRange: start..<i, hasDiacritics: differs)
            try body(token)
            position += 1
        }
    }

    /// Calls `body` with the byte range and position of each token of `utf8`
    /// (NFC), as `forEachToken(inUTF8:_:)` finds them, without working out
    /// their forms: for `TokenInterner`, which knows most words by their
    /// bytes as written and analyses only those it has not seen.
    func forEachWordRange(inUTF8 utf8: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Int) throws -> Void) rethrows {
        guard let p = utf8.baseAddress, utf8.count > 0 else { return }
        let n = utf8.count
        let bmp = UnicodeClassTable.bmp, wordBit = UnicodeClassTable.wordBit
        /// Whether the scalar at `i` is part of a word, and its length.
        @inline(__always) func scalar(at i: Int) -> (isWord: Bool, length: Int) {
            let b = p[i]
            if b < 0x80 { return (bmp[Int(b)] & wordBit != 0, 1) }
            // The letters Vietnamese is written with, told by their bytes
            // (the bytes are a String's, so a sequence is whole): U+00C0–U+00FF
            // but × and ÷ (C3 97, C3 B7), U+0100–U+01BF (C4–C6), U+1E80–U+1EFF
            // (E1 BA, E1 BB). A test checks each against the table.
            if b &- 0xC4 < 3 || b == 0xC3 && p[i + 1] != 0x97 && p[i + 1] != 0xB7 { return (true, 2) }
            if b == 0xE1 && p[i + 1] &- 0xBA < 2 { return (true, 3) }
            let (v, length) = UTF8Codec.decode(p, i, n)
            return (UnicodeClassTable.classOf(v, bmp: bmp) & wordBit != 0, length)
        }
        var i = 0, position = 0
        while i < n {
            let first = scalar(at: i)
            guard first.isWord else { i += first.length; continue }
            let start = i
            i += first.length
            while i < n {
                let next = scalar(at: i)
                guard next.isWord else { break }
                i += next.length
            }
            try body(start..<i, position)
            position += 1
        }
    }
}
