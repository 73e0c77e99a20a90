/// A small LZ77 compressor for stored records: fast to decode, bounds-checked,
/// no dependencies. Records are JSON, whose keys repeat from one plan to the
/// next, so a block of records shrinks several times.
///
/// Byte grammar of a compressed block:
///
///     block    := rawLength:varint sequence*
///     sequence := token:u8 literalExtra? literal* (offset:u16 matchExtra?)?
///     token    := literalCount:4 bits (15 = more in literalExtra) | matchLength-4:4 bits (15 = more in matchExtra)
///     extra    := u8* (each 255 adds 255 and continues; the first byte below 255 ends it)
///
/// The last sequence has literals only. `offset` counts back from the current
/// output position (1…65535). A block may be compressed against a dictionary,
/// bytes that writer and reader both hold (format 8 of a segment keeps one for
/// all its blocks): its output then follows the dictionary's bytes, and an
/// offset may reach back into them.
public enum BlockCompressor {
    static let minMatch = 4
    static let hashBits = 14
    /// How far back a match may point: `offset` is a u16.
    static let window = 65535
    /// Earlier places with the same four bytes tried for each match, the
    /// nearest first; the longest match wins. Trying only the nearest left the
    /// stored records of 20,000 generated plans at 9.85 MB (26% of their JSON).
    static let tries = 16
    /// A match this long ends the search for a longer one, and is taken
    /// without looking one byte further (zlib's nice_length and max_lazy):
    /// records repeat long runs of JSON, whose every place the 16 tries and
    /// the lazy step compared again.
    static let niceLength = 64

    /// `input` compressed, against `dictionary` when one is given (its last
    /// 64 KiB at most can be reached).
    public static func compress(_ input: [UInt8], dictionary: [UInt8] = []) -> [UInt8] {
        var out = ByteWriter(capacity: input.count / 2 + 16)
        out.varint(UInt64(input.count))
        guard !input.isEmpty else { return out.bytes }
        // The dictionary's bytes, then the input's: matches are found in both.
        let primed = dictionary.suffix(window)
        let all = primed.isEmpty ? input : Array(primed) + input
        let n = all.count
        func writeLength(_ extra: Int) {
            var e = extra
            while e >= 255 { out.u8(255); e -= 255 }
            out.u8(UInt8(e))
        }
        func emit(literalsFrom start: Int, to end: Int, match: (offset: Int, length: Int)?) {
            let lit = end - start
            let ml = match.map { $0.length - minMatch } ?? 0
            out.u8(UInt8(min(lit, 15) << 4 | min(ml, 15)))
            if lit >= 15 { writeLength(lit - 15) }
            out.append(all[start..<end])
            if let m = match {
                out.u8(UInt8(m.offset & 0xFF)); out.u8(UInt8(m.offset >> 8))
                if ml >= 15 { writeLength(ml - 15) }
            }
        }
        var finder = MatchFinder(count: n)
        all.withUnsafeBufferPointer { bytes in
            var anchor = primed.count
            var i = primed.count
            // Matches start where at least five bytes are left, as the decoder's
            // last sequence (literals only) expects nothing of them.
            // The next byte's match, when the one step lazy below found it longer.
            var carried: (offset: Int, length: Int)? = nil
            while i + minMatch <= n - 1 {
                let here = carried ?? finder.longestMatch(at: i, in: bytes)
                carried = nil
                guard here.length >= minMatch else { i += 1; continue }
                // One step lazy: a longer match from the next byte is worth a literal.
                if here.length < niceLength, i + 1 + minMatch <= n - 1 {
                    let next = finder.longestMatch(at: i + 1, in: bytes)
                    if next.length > here.length {
                        carried = next
                        i += 1
                        continue
                    }
                }
                emit(literalsFrom: anchor, to: i, match: here)
                i += here.length
                anchor = i
            }
            emit(literalsFrom: anchor, to: n, match: nil)
        }
        return out.bytes
    }

    /// Hash chains over the places of a block: `head` holds the latest place
    /// of each hash of four bytes, `previous` the one before each place.
    struct MatchFinder {
        var head = [Int32](repeating: -1, count: 1 << BlockCompressor.hashBits)
        var previous: [Int32]
        /// Places before this one are in the chains.
        var chained = 0

        init(count: Int) { previous = [Int32](repeating: -1, count: count) }

        static func hash(_ p: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let v = UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
            return Int((v &* 2_654_435_761) >> UInt32(32 - BlockCompressor.hashBits))
        }

        /// How many bytes from `a` equal those from `b` (`a` < `b`), up to the end.
        /// Eight at a time, the first that differs found in the XOR of
        /// the two words: byte by byte, this loop was 37% of compressing
        /// (callgrind, the records of 2,000 generated plans).
        static func commonPrefix(_ a: Int, _ b: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let limit = bytes.count - b
            var length = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while length + 8 <= limit {
                    let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: a + length, as: UInt64.self))
                        ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: b + length, as: UInt64.self))
                    if x != 0 { return length + x.trailingZeroBitCount >> 3 }
                    length += 8
                }
            }
            while length < limit, bytes[a + length] == bytes[b + length] { length += 1 }
            return length
        }

        /// The longest match of the bytes at `i` with bytes before it (length 0
        /// when none has four), after chaining every place up to `i`.
        mutating func longestMatch(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, length: Int) {
            let n = bytes.count
            while chained <= i {
                let h = Self.hash(chained, bytes)
                previous[chained] = head[h]
                head[h] = Int32(chained)
                chained += 1
            }
            var best = (offset: 0, length: 0)
            var candidate = Int(previous[i])
            var left = BlockCompressor.tries
            while candidate >= 0, i - candidate <= BlockCompressor.window, left > 0 {
                left -= 1
                // A longer match must also agree at the best length so far.
                if i + best.length < n, bytes[candidate + best.length] == bytes[i + best.length] {
                    let length = Self.commonPrefix(candidate, i, in: bytes)
                    if length > best.length {
                        best = (i - candidate, length)
                        if length >= BlockCompressor.niceLength { break }
                    }
                }
                candidate = Int(previous[candidate])
            }
            return best.length >= BlockCompressor.minMatch ? best : (0, 0)
        }
    }

    /// Decodes a block (compressed against `dictionary`, when given); throws on
    /// any inconsistency instead of reading or writing out of bounds.
    public static func decompress(_ block: UnsafeRawBufferPointer, dictionary: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
                                  path: String) throws -> [UInt8] {
        let primed = UnsafeRawBufferPointer(rebasing: dictionary.suffix(window))
        var r = ByteReader(block, path: path)
        let raw = try r.varint()
        // No sequence expands more than 255 times, so a larger claim is damage.
        guard raw <= 1 << 30, raw <= UInt64(block.count) * 256 else {
            throw StoreError.corrupt(path: path, reason: "compressed block claims \(raw) bytes")
        }
        let total = Int(raw)
        guard total > 0 else { return [] }
        var failure: StoreError? = nil
        let out = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let dst = buffer.baseAddress, let src = block.baseAddress else { return }
            var at = 0
            var i = r.offset
            let n = block.count
            func fail(_ reason: String) { failure = .corrupt(path: path, reason: reason) }
            func length(_ base: Int) -> Int? {
                var l = base
                guard base == 15 else { return l }
                while true {
                    guard i < n else { fail("length past the block"); return nil }
                    let b = Int(src.load(fromByteOffset: i, as: UInt8.self))
                    i += 1
                    l += b
                    if l > total { fail("length past the block"); return nil }
                    if b != 255 { return l }
                }
            }
            while at < total {
                guard i < n else { fail("block cut short"); break }
                let token = Int(src.load(fromByteOffset: i, as: UInt8.self))
                i += 1
                guard let lit = length(token >> 4) else { break }
                guard lit <= total - at, lit <= n - i else { fail("literals past the block"); break }
                (dst + at).update(from: src.advanced(by: i).assumingMemoryBound(to: UInt8.self), count: lit)
                at += lit
                i += lit
                if at == total { break }
                guard i + 2 <= n else { fail("match cut short"); break }
                let offset = Int(src.load(fromByteOffset: i, as: UInt8.self)) | Int(src.load(fromByteOffset: i + 1, as: UInt8.self)) << 8
                i += 2
                guard let extra = length(token & 0x0F) else { break }
                var matchLength = extra + minMatch
                guard offset > 0, offset <= at + primed.count, matchLength <= total - at else { fail("match out of range"); break }
                if offset > at, let dictionaryBase = primed.baseAddress {
                    // From the dictionary, up to its end; the rest from the output's start.
                    let fromDictionary = min(matchLength, offset - at)
                    (dst + at).initialize(from: dictionaryBase.advanced(by: primed.count - (offset - at)).assumingMemoryBound(to: UInt8.self),
                                          count: fromDictionary)
                    at += fromDictionary
                    matchLength -= fromDictionary
                    guard matchLength > 0 else { continue }
                }
                if offset >= matchLength {
                    // Apart from the bytes it produces: one copy (the byte loop
                    // was nine tenths of decompressing a block, callgrind).
                    (dst + at).initialize(from: dst + (at - offset), count: matchLength)
                    at += matchLength
                } else {
                    // Byte by byte: the match overlaps the bytes it produces.
                    var from = at - offset
                    for _ in 0..<matchLength { dst[at] = dst[from]; at += 1; from += 1 }
                }
            }
            if failure != nil { at = 0 }
            initialized = at
        }
        if let failure { throw failure }
        return out
    }
}
