#if canImport(Glibc)
import Glibc
#endif

/// Encoding of one term's postings and positions.
///
/// Byte grammar (varints are LEB128):
///
///     postings   := plain | blocked
///     plain      := posting{docFreq}                              when docFreq <= blockSize
///     blocked    := blockCount:varint skip{blockCount} block{blockCount}
///     skip       := lastDoc:u32 blockEnd:u32 positionsStart:u32   (ends and starts relative to
///                       impact?                                    the first block / the term's positions)
///     impact     := maxTF:u32 minLength:u32                       layout .impacts (segment format 5): the
///                                                                  block's highest tf and shortest field
///                                                                  length, which bound its BM25 scores
///     block      := posting{<= blockSize}                         (first delta from the previous block's lastDoc)
///                 | packed                                        layout .packed (segment format 6), a block
///                                                                  of exactly blockSize postings
///     packed     := docBits:u8 tfBits:u8 BitPacking(docDelta){blockSize} BitPacking(tf - 1){blockSize}
///                                                                  (see BitPacking: 16 · bits bytes each);
///                                                                  also layout .packedPositions (format 7)
///     posting    := code:varint tf:varint?                        layout .flaggedTF (segment format 4):
///                                                                  code = docDelta << 1 | (tf == 1),
///                                                                  tf written only when it is not 1
///                                                                  (and .impacts, format 5)
///                 | docDelta:varint tf:varint                     layout .separateTF (segment format 3)
///     positions  := (posDelta:varint){tf} for each doc, in posting order
///                 | group{⌈S / 128⌉} for each block of docs       layout .packedPositions (segment format 7):
///                                                                  S = the block's positions (the sum of its
///                                                                  tfs), a plain list one block; each doc's
///                                                                  posDeltas in posting order, then cut in 128s
///     group      := width:u8 BitPacking(posDelta){n}               n = 128, or the block's last n < 128 in
///                                                                  ⌈n · width / 8⌉ bytes
///                 | 0xFF (posDelta:varint){n}                     where that takes fewer bytes
///
/// posDelta is a position less the doc's one before it (the first, itself).
/// docDelta of the very first doc is the doc id itself. Most words occur
/// once in a plan, so the flag spares most postings a byte (the postings
/// of 20,000 generated plans: 25.7 MB in format 3).
///
/// A full block is bit-packed in format 6: its deltas and frequencies are
/// unpacked without a branch per posting, where varints need one per byte.
/// Lists of one block, and the last block of a list when it is shorter,
/// stay varints: they are walked one posting at a time.
///
/// Positions are bit-packed in format 7, in groups of 128 of a block's: the
/// positions of a doc start at the sum of the tfs before it in its block, so
/// a doc's are found without reading those of the docs passed over, and a
/// group is unpacked without a branch per value. Varints needed a scan of
/// every byte passed over (two fifths of the phrase "nhân quyền", callgrind)
/// and took 25.0 MB for the 20,000 generated plans; groups take 21.5 MB.
///
/// A block's impact lets a query skip the whole block, undecoded, when no plan
/// in it can reach the top k (block-max pruning): tf is increasing and the
/// length norm decreasing in BM25, so tf(maxTF, minLength) bounds every plan
/// of the block. A list of one block has no skip table and no impact.
public enum PostingsCodec {
    public static let blockSize = 128

    /// How a posting's doc delta and term frequency are written.
    public enum Layout: Sendable {
        /// docDelta, then tf: segment format 3.
        case separateTF
        /// docDelta << 1 with a tf-is-one flag, tf only when above one: segment format 4.
        case flaggedTF
        /// As `flaggedTF`, with each block's impact in its skip entry: segment format 5.
        case impacts
        /// As `impacts`, with every full block of a list bit-packed: segment format 6.
        case packed
        /// As `packed`, with positions bit-packed in groups of 128 per block: segment format 7.
        case packedPositions

        var flagsTF: Bool { self != .separateTF }
        var hasImpacts: Bool { self == .impacts || packsBlocks }
        /// Full blocks of postings bit-packed.
        var packsBlocks: Bool { self == .packed || self == .packedPositions }
        var skipEntrySize: Int { hasImpacts ? 20 : 12 }
    }

    /// What new segments are written with.
    public static let currentLayout = Layout.packedPositions
    /// The width byte of a group of positions written as varints (format 7),
    /// where they take fewer bytes than packed: a rare word's few positions.
    static let varintGroup = 0xFF
    /// More occurrences of one word in one plan than this mean a damaged file.
    public static let maxTermFrequency = 1 << 26

    /// Whether two terms' encoded postings (`postings` of the grammar above,
    /// each of `docFreq` postings, in `layout`) hold the same docs and
    /// frequencies: the same bytes, but for the skip entries' positionsStart,
    /// which points into each term's own positions. A word's folded and exact
    /// lists hold the same when the exact form is the folded form's only one
    /// ("pháp", "luật", "hoạch" in 20,000 generated plans), and a search then
    /// need not read both.
    static func samePostings(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, docFreq: Int,
                             layout: Layout) -> Bool {
        guard a.count == b.count, let pa = a.baseAddress, let pb = b.baseAddress else { return a.count == b.count }
        func same(_ range: Range<Int>) -> Bool { range.isEmpty || memcmp(pa + range.lowerBound, pb + range.lowerBound, range.count) == 0 }
        guard docFreq > blockSize else { return same(0..<a.count) }
        // blockCount:varint, then the skip table.
        var o = 0
        while o < a.count && a[o] & 0x80 != 0 { o += 1 }
        let blocks = (docFreq + blockSize - 1) / blockSize, entry = layout.skipEntrySize
        let tableEnd = o + 1 + blocks * entry
        guard tableEnd <= a.count, same(0..<(o + 1)) else { return false }
        for k in 0..<blocks {
            let e = o + 1 + k * entry
            // lastDoc and blockEnd; positionsStart (e + 8 ..< e + 12) left out; the impact.
            guard same(e..<(e + 8)), same((e + 12)..<(e + entry)) else { return false }
        }
        return same(tableEnd..<a.count)
    }

    /// Appends a term's postings to `post` and positions to `pos`.
    /// `positions` holds each doc's positions back to back (tf of them per doc);
    /// it is ignored when `withPositions` is false. `lengths` holds the field's
    /// length of every doc of the segment, for the blocks' impacts (empty:
    /// the field has none, and minLength is 0).
    public static func encode(docs: [UInt32], tfs: [UInt32], positions: [UInt32], withPositions: Bool,
                              lengths: [UInt32] = [], post: inout ByteWriter, pos: inout ByteWriter,
                              layout: Layout = currentLayout) {
        func writePosting(_ delta: UInt32, _ tf: UInt32) {
            if layout.flagsTF {
                post.varint(UInt64(delta) << 1 | (tf == 1 ? 1 : 0))
                if tf != 1 { post.varint(tf) }
            } else {
                post.varint(delta)
                post.varint(tf)
            }
        }
        let n = docs.count
        let posBase = pos.count
        var p = 0
        /// The block's posDeltas, for `.packedPositions`, packed by `endBlockOfPositions`.
        var blockDeltas: [UInt32] = []
        func writePositions(_ i: Int) {
            guard withPositions else { return }
            var last: UInt32 = 0
            for k in 0..<Int(tfs[i]) {
                let v = positions[p + k]
                if layout == .packedPositions { blockDeltas.append(v &- last) } else { pos.varint(v &- last) }
                last = v
            }
            p += Int(tfs[i])
        }
        func endBlockOfPositions() {
            guard withPositions, layout == .packedPositions else { return }
            var start = 0
            while start < blockDeltas.count {
                let group = blockDeltas[start..<min(blockDeltas.count, start + BitPacking.count)]
                // The group's width and varint size in one pass over it.
                var all: UInt32 = 0, varintBytes = 0
                for v in group { all |= v; varintBytes += ByteWriter.varintSize(v) }
                let width = UInt32.bitWidth - all.leadingZeroBitCount
                if varintBytes < BitPacking.byteCount(group.count, width: width) {
                    pos.u8(UInt8(varintGroup))
                    for v in group { pos.varint(v) }
                } else {
                    pos.u8(UInt8(width))
                    BitPacking.pack(group, width: width, count: group.count, into: &pos)
                }
                start += BitPacking.count
            }
            blockDeltas.removeAll(keepingCapacity: true)
        }
        if n <= blockSize {
            var prev: UInt32 = 0
            for i in 0..<n {
                writePosting(docs[i] &- prev, tfs[i])
                prev = docs[i]
                writePositions(i)
            }
            endBlockOfPositions()
            return
        }
        let blockCount = (n + blockSize - 1) / blockSize
        post.varint(UInt64(blockCount))
        let skipAt = post.count
        let entrySize = layout.skipEntrySize
        for _ in 0..<(blockCount * entrySize / 4) { post.u32(0) }
        let dataStart = post.count
        var prev: UInt32 = 0
        for b in 0..<blockCount {
            let posStart = UInt32(pos.count - posBase)
            let lo = b * blockSize, hi = min(n, lo + blockSize)
            if layout.packsBlocks && hi - lo == blockSize {
                var deltas = docs[lo..<hi]
                for i in (lo + 1)..<hi { deltas[i] = docs[i] &- docs[i - 1] }
                deltas[lo] = docs[lo] &- prev
                let tfsLess1 = tfs[lo..<hi].map { $0 - 1 }[...]
                let docBits = BitPacking.width(of: deltas), tfBits = BitPacking.width(of: tfsLess1)
                post.u8(UInt8(docBits))
                post.u8(UInt8(tfBits))
                BitPacking.pack(deltas, width: docBits, into: &post)
                BitPacking.pack(tfsLess1, width: tfBits, into: &post)
                prev = docs[hi - 1]
                for i in lo..<hi { writePositions(i) }
            } else {
                for i in lo..<hi {
                    writePosting(docs[i] &- prev, tfs[i])
                    prev = docs[i]
                    writePositions(i)
                }
            }
            endBlockOfPositions()
            let entry = skipAt + b * entrySize
            post.patchU32(docs[hi - 1], at: entry)
            post.patchU32(UInt32(post.count - dataStart), at: entry + 4)
            post.patchU32(posStart, at: entry + 8)
            if layout.hasImpacts {
                var maxTF: UInt32 = 0, minLength = UInt32.max
                for i in lo..<hi {
                    maxTF = max(maxTF, tfs[i])
                    let d = Int(docs[i])
                    minLength = min(minLength, d < lengths.count ? lengths[d] : 0)
                }
                post.patchU32(maxTF, at: entry + 12)
                post.patchU32(minLength, at: entry + 16)
            }
        }
    }
}

/// Reads one term's postings, doc by doc, with skipping and positions.
///
/// It holds raw pointers into the mapped segment and no references, so the
/// query loops copy and move it without reference counting; the segment
/// (kept alive by its snapshot) must outlive it. Every read is checked
/// against the region's end and throws `StoreError.corrupt` past it.
public struct PostingsCursor {
    private let post: UnsafeRawPointer?
    private let postCount: Int
    private var offset: Int
    private let pos: UnsafeRawPointer?
    private let posCount: Int
    private var posOffset: Int
    private let positionsStart: Int
    private let hasPositions: Bool
    public let docFreq: Int
    private let layout: PostingsCodec.Layout
    private var flagsTF: Bool { layout.flagsTF }
    private var skipEntrySize: Int { layout.skipEntrySize }
    private var read = 0
    private var inBlock = 0
    private var blockIndex = 0
    /// The block `blockImpact(from:)` last answered with (never behind `blockIndex`'s).
    private var shallowBlock = 0
    private var blockCount = 0
    private var skipStart = 0
    private var dataStart = 0
    private var pendingPositions = 0
    /// Where a cursor decodes a whole block at a time (`PostingsBlockBuffer`):
    /// docs at 0..<count, tfs at blockSize..<blockSize+count.
    private var buffer: UnsafeMutablePointer<UInt32>? = nil
    private var bufferCount = 0
    /// Index in the buffer of the current doc (-1 before the first).
    private var bufferIndex = -1
    /// Decoding block by block: the buffer index of the first doc whose
    /// positions start at `posOffset`. Positions of the docs passed over are
    /// skipped only when a later doc's are read, all at once.
    private var positionsFrom = 0
    /// The bit-packed block being walked posting by posting: where its deltas
    /// start, and the two widths (see `readPackedHeader`).
    private var packedAt = 0
    private var packedDocBits = 0
    private var packedTFBits = 0
    /// Format 7 (`.packedPositions`): the current block's groups of positions
    /// start at `posOffset`, and the next position to read is number
    /// `posIndex` of the block's. Group `hopGroup` starts at byte `hopAt`
    /// (later groups are found from there); the group unpacked into the
    /// buffer's third part is `cachedGroup` (-1: none).
    private var posIndex = 0
    private var hopGroup = 0
    private var hopAt = 0
    private var cachedGroup = -1
    /// In a group of varints: the byte where position `varintIndex` of the
    /// group starting at byte `varintGroupAt` starts (-1: none), so that
    /// the docs of one group are read on from where the one before ended.
    private var varintGroupAt = -1
    private var varintIndex = 0
    private var varintAt = 0
    private var packsPositions: Bool { layout == .packedPositions }

    public private(set) var doc: UInt32 = 0
    public private(set) var tf: UInt32 = 0
    /// True once `next` has run past the last doc.
    public private(set) var exhausted = false

    /// `post` starts at the term's postings; `pos`, when given, at its positions.
    public init(post: ByteReader, pos: ByteReader?, docFreq: Int,
                layout: PostingsCodec.Layout = PostingsCodec.currentLayout) throws {
        self.layout = layout
        self.post = post.base.baseAddress
        postCount = post.base.count
        offset = post.offset
        self.pos = pos?.base.baseAddress
        posCount = pos?.base.count ?? 0
        posOffset = pos?.offset ?? 0
        positionsStart = posOffset
        hopAt = posOffset
        hasPositions = pos != nil
        self.docFreq = docFreq
        if docFreq > PostingsCodec.blockSize {
            blockCount = Int(try readVarint())
            let expected = (docFreq + PostingsCodec.blockSize - 1) / PostingsCodec.blockSize
            guard blockCount == expected else { throw Self.corrupt("postings block count \(blockCount), expected \(expected)") }
            skipStart = offset
            dataStart = skipStart + blockCount * skipEntrySize
            guard dataStart <= postCount else { throw Self.corrupt("skip table past the end") }
            offset = dataStart
        }
    }

    /// A cursor over no postings (a word that has no title or exact-form list).
    public static let empty = PostingsCursor()

    private init() {
        post = nil; postCount = 0; offset = 0
        pos = nil; posCount = 0; posOffset = 0; positionsStart = 0
        hasPositions = false; docFreq = 0
        layout = PostingsCodec.currentLayout
        exhausted = true
    }

    static func corrupt(_ reason: String) -> StoreError { .corrupt(path: "postings", reason: reason) }

    /// A LEB128 varint of at most 32 bits at `offset` in `base` (`count` bytes long).
    @inline(__always) private static func varint(_ base: UnsafeRawPointer?, _ count: Int, _ offset: inout Int) throws -> UInt32 {
        guard let p = base else { throw corrupt("empty postings") }
        // Most deltas and frequencies take one byte.
        if offset < count {
            let b = p.load(fromByteOffset: offset, as: UInt8.self)
            if b < 0x80 { offset += 1; return UInt32(b) }
        }
        return try longVarint(p, count, &offset)
    }

    private static func longVarint(_ p: UnsafeRawPointer, _ count: Int, _ offset: inout Int) throws -> UInt32 {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            guard offset < count else { throw corrupt("postings cut short") }
            let b = p.load(fromByteOffset: offset, as: UInt8.self)
            offset += 1
            if shift == 28 && b > 0x0F { throw corrupt("varint overflow") }
            result |= UInt32(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    @inline(__always) private mutating func readVarint() throws -> UInt32 {
        try Self.varint(post, postCount, &offset)
    }

    @inline(__always) private mutating func readPositionVarint() throws -> UInt32 {
        try Self.varint(pos, posCount, &posOffset)
    }

    @inline(__always) private func skipEntry(_ block: Int, _ field: Int) throws -> UInt32 {
        let at = skipStart + block * skipEntrySize + field * 4
        guard let p = post, at + 4 <= postCount else { throw Self.corrupt("skip entry past the end") }
        return UInt32(littleEndian: p.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    /// Moves to the next doc; false when there is none.
    public mutating func next() throws -> Bool {
        if exhausted { return false }
        if buffer != nil { return try scanBuffered(to: read == 0 ? 0 : doc &+ 1) }
        guard read < docFreq else { exhausted = true; return false }
        if pendingPositions > 0 { try skipPendingPositions() }
        if blockCount > 0 && inBlock == PostingsCodec.blockSize {
            inBlock = 0
            blockIndex += 1
            // Varint positions run on from block to block; groups start again.
            if hasPositions && packsPositions { try startPositionBlock(blockIndex) }
        }
        let delta: UInt32
        if isPacked(blockIndex), let p = post {
            if inBlock == 0 { try readPackedHeader() }
            delta = BitPacking.value(at: inBlock, p, from: packedAt, width: packedDocBits)
            tf = BitPacking.value(at: inBlock, p, from: packedAt + BitPacking.byteCount(width: packedDocBits),
                                  width: packedTFBits) + 1
        } else if flagsTF {
            let code = try readVarint()
            delta = code >> 1
            tf = code & 1 == 1 ? 1 : try readVarint()
        } else {
            delta = try readVarint()
            tf = try readVarint()
        }
        guard tf >= 1, Int(tf) <= PostingsCodec.maxTermFrequency else {
            throw Self.corrupt("term frequency \(tf) out of range")
        }
        let (sum, overflow) = doc.addingReportingOverflow(delta)
        if overflow || (read > 0 && delta == 0) { throw Self.corrupt("postings out of order") }
        doc = sum
        read += 1
        inBlock += 1
        pendingPositions = hasPositions ? Int(tf) : 0
        return true
    }

    /// Moves to the first doc >= `target`; false when there is none.
    ///
    /// Inlined into the query loops: most calls stay on the current doc or
    /// step to the next decoded one, and the call itself was a sixth of
    /// `advance`'s time (perf); the rest is `advanceFurther`.
    @inline(__always)
    public mutating func advance(to target: UInt32) throws -> Bool {
        if read > 0 && !exhausted && doc >= target { return true }
        if let buffer, !exhausted, bufferIndex + 1 < bufferCount, buffer[bufferIndex + 1] >= target {
            standOnBuffered(bufferIndex + 1, buffer)
            return true
        }
        return try advanceFurther(to: target)
    }

    /// Makes decoded doc `i` of `buffer` (the cursor's) the current doc.
    @inline(__always) private mutating func standOnBuffered(_ i: Int, _ buffer: UnsafeMutablePointer<UInt32>) {
        bufferIndex = i
        doc = buffer[i]
        tf = buffer[PostingsCodec.blockSize + i]
    }

    /// `advance` past the next decoded doc: the skip table, a scan of the
    /// block, or the next block.
    private mutating func advanceFurther(to target: UInt32) throws -> Bool {
        if exhausted { return false }
        // Within the decoded block: no need to look at the skip table.
        if standWithinBuffer(reaching: target) { return true }
        if blockCount > 0 {
            // Skip whole blocks whose last doc is below the target.
            // The first block from here whose last doc reaches the target
            // (the last block when none does): most targets lie in this block
            // or the next, so gallop ahead, then bisect.
            var b = blockIndex
            if b < blockCount - 1, try skipEntry(b, 0) < target {
                var lo = b + 1, step = 1, hi = lo
                while hi < blockCount - 1, try skipEntry(hi, 0) < target {
                    lo = hi + 1
                    step *= 2
                    hi = min(blockCount - 1, hi + step)
                }
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if try skipEntry(mid, 0) < target { lo = mid + 1 } else { hi = mid }
                }
                b = lo
            }
            if b > blockIndex {
                let previousLast = try skipEntry(b - 1, 0)
                let previousEnd = try skipEntry(b - 1, 1)
                offset = dataStart + Int(previousEnd)
                if hasPositions { try startPositionBlock(b) }
                pendingPositions = 0
                doc = previousLast
                read = b * PostingsCodec.blockSize
                blockIndex = b
                inBlock = 0
                bufferCount = 0
                bufferIndex = -1
            }
        }
        if buffer != nil { return try scanBuffered(to: target) }
        while try next() {
            if doc >= target { return true }
        }
        return false
    }

    /// Decodes whole blocks into `storage` from now on (a list not yet
    /// read): `advance` then scans an array, and positions are found from the
    /// block's start in the skip table. The storage must hold 2 × blockSize
    /// values and outlive the cursor's use.
    public mutating func decodeBlocks(into storage: PostingsBlockBuffer) {
        guard read == 0, !exhausted else { return }
        buffer = storage.pointer
    }

    /// `advance` for a cursor that decodes block by block: a scan of the
    /// decoded docs, the next block decoded in one loop when they run out.
    private mutating func scanBuffered(to target: UInt32) throws -> Bool {
        guard buffer != nil else { return false }
        while true {
            if standWithinBuffer(reaching: target) { return true }
            guard try refill() else { exhausted = true; return false }
        }
    }

    /// Stands on the first decoded doc after the current one that reaches
    /// `target`, when the decoded block's last doc does; false otherwise.
    @inline(__always) private mutating func standWithinBuffer(reaching target: UInt32) -> Bool {
        guard let buffer, bufferIndex + 1 < bufferCount, target <= buffer[bufferCount - 1] else { return false }
        standOnBuffered(Self.firstReaching(target, buffer, from: bufferIndex + 1, count: bufferCount), buffer)
        return true
    }

    /// The index of the first of the `count` decoded docs, from `from` on,
    /// that reaches `target`, which the last one does: the last doc stops the
    /// scan, which then needs no bound, four docs at a time, then one (the
    /// scan was 7% of the query mix, callgrind).
    @inline(__always)
    private static func firstReaching(_ target: UInt32, _ docs: UnsafeMutablePointer<UInt32>, from: Int, count: Int) -> Int {
        var i = from
        while docs[i + 3 < count ? i + 3 : count - 1] < target { i += 4 }
        while docs[i] < target { i += 1 }
        return i
    }

    /// Decodes the next block into the buffer; false when no posting is left.
    /// `read` counts the postings decoded, `doc` stays the last doc decoded
    /// until a doc of the new block is chosen.
    private mutating func refill() throws -> Bool {
        guard let buffer, let p = post, read < docFreq else { return false }
        if bufferCount > 0 && blockCount > 0 {
            blockIndex += 1
            // The positions of the block left behind are never walked.
            if hasPositions { try startPositionBlock(blockIndex) }
        }
        // (A first block, or one `advance` jumped to: posOffset is its start already.)
        positionsFrom = 0
        let count = min(PostingsCodec.blockSize, docFreq - read)
        var o = offset
        var d = bufferCount > 0 ? buffer[bufferCount - 1] : doc
        var first = read == 0
        if isPacked(blockIndex) {
            try readPackedHeader()
            BitPacking.unpack(p, from: packedAt, width: packedDocBits, end: postCount, into: buffer)
            BitPacking.unpack(p, from: packedAt + BitPacking.byteCount(width: packedDocBits), width: packedTFBits,
                              end: postCount, into: buffer + PostingsCodec.blockSize)
            // A packed block is full (`isPacked`).
            guard BitPacking.runningSums(buffer, count: count, from: d, width: packedDocBits, firstMayEqual: first) else {
                throw Self.corrupt("packed postings block out of order")
            }
            for i in 0..<count { buffer[PostingsCodec.blockSize + i] &+= 1 }
            o = offset
        } else if flagsTF && postCount - o >= count * 10 {
            // No posting takes more than two five-byte varints: with that many
            // bytes left, the block is read without a bounds check per byte, and
            // damage is reported once, after the loop.
            var bad = false
            for i in 0..<count {
                let code = Self.uncheckedVarint(p, &o, &bad)
                let t = code & 1 == 1 ? 1 : Self.uncheckedVarint(p, &o, &bad)
                let delta = code >> 1
                let (sum, overflow) = d.addingReportingOverflow(delta)
                if t == 0 || Int(t) > PostingsCodec.maxTermFrequency || overflow || (!first && delta == 0) { bad = true }
                first = false
                d = sum
                buffer[i] = d
                buffer[PostingsCodec.blockSize + i] = t
            }
            if bad { throw Self.corrupt("postings block out of order or out of range") }
        } else {
            try refillChecked(count: count, from: &o, doc: &d, first: first, into: buffer, p)
        }
        offset = o
        read += count
        inBlock = count
        bufferCount = count
        bufferIndex = -1
        return true
    }

    /// A varint of at most five bytes, which the caller knows are there;
    /// `bad` is set for a longer one or one past 32 bits.
    @inline(__always) private static func uncheckedVarint(_ p: UnsafeRawPointer, _ o: inout Int, _ bad: inout Bool) -> UInt32 {
        var b = p.load(fromByteOffset: o, as: UInt8.self)
        o += 1
        if b < 0x80 { return UInt32(b) }
        var v = UInt32(b & 0x7F)
        var shift: UInt32 = 7
        repeat {
            b = p.load(fromByteOffset: o, as: UInt8.self)
            o += 1
            if shift == 28 && b > 0x0F { bad = true }
            v |= UInt32(b & 0x7F) << shift
            shift += 7
        } while b >= 0x80 && shift < 35
        if b >= 0x80 { bad = true }
        return v
    }

    /// `refill`'s loop near the end of the postings, every byte checked.
    private func refillChecked(count: Int, from o: inout Int, doc d: inout UInt32, first isFirst: Bool,
                               into buffer: UnsafeMutablePointer<UInt32>, _ p: UnsafeRawPointer) throws {
        var first = isFirst
        for i in 0..<count {
            let code = try Self.varint(p, postCount, &o)
            var t: UInt32 = 1
            let delta: UInt32
            if flagsTF {
                delta = code >> 1
                if code & 1 == 0 { t = try Self.varint(p, postCount, &o) }
            } else {
                delta = code
                t = try Self.varint(p, postCount, &o)
            }
            guard t >= 1, Int(t) <= PostingsCodec.maxTermFrequency else {
                throw Self.corrupt("term frequency \(t) out of range")
            }
            let (sum, overflow) = d.addingReportingOverflow(delta)
            if overflow || (!first && delta == 0) { throw Self.corrupt("postings out of order") }
            first = false
            d = sum
            buffer[i] = d
            buffer[PostingsCodec.blockSize + i] = t
        }
    }

    /// Whether block `b` is bit-packed: a full block of a list of several, in formats 6 and 7.
    @inline(__always) private func isPacked(_ b: Int) -> Bool {
        layout.packsBlocks && blockCount > 0 && docFreq - b * PostingsCodec.blockSize >= PostingsCodec.blockSize
    }

    /// Reads a packed block's widths at `offset`, checks that the block lies
    /// in the postings, and moves `offset` past it (its size is fixed).
    private mutating func readPackedHeader() throws {
        guard let p = post, offset + 2 <= postCount else { throw Self.corrupt("packed block past the end") }
        packedDocBits = Int(p.load(fromByteOffset: offset, as: UInt8.self))
        packedTFBits = Int(p.load(fromByteOffset: offset + 1, as: UInt8.self))
        guard packedDocBits <= 32, packedTFBits <= 26 else {
            throw Self.corrupt("packed block widths \(packedDocBits) and \(packedTFBits)")
        }
        packedAt = offset + 2
        let end = packedAt + BitPacking.byteCount(width: packedDocBits) + BitPacking.byteCount(width: packedTFBits)
        guard end <= postCount else { throw Self.corrupt("packed block past the end") }
        offset = end
    }

    /// What bounds the scores of a block of postings.
    public struct BlockImpact: Equatable {
        /// The block's last doc.
        public var lastDoc: UInt32
        /// The highest tf in the block.
        public var maxTF: UInt32
        /// The shortest field length of the block's docs.
        public var minLength: UInt32

        /// What is known of a list without impacts: nothing, to its end.
        static let unknown = BlockImpact(lastDoc: UInt32.max - 1, maxTF: UInt32.max, minLength: 0)
    }

    /// The impact of the block holding the first doc >= `target`, read from
    /// the skip table without decoding the block or moving the cursor. Nil
    /// when no doc >= `target` is left. Lists without impacts (one block, or a
    /// segment before format 5) answer `BlockImpact.unknown`. Targets must not
    /// go backwards.
    public mutating func blockImpact(from target: UInt32) throws -> BlockImpact? {
        if exhausted { return nil }
        guard blockCount > 0, layout.hasImpacts else { return .unknown }
        var b = max(shallowBlock, blockIndex)
        while b < blockCount, try skipEntry(b, 0) < target { b += 1 }
        shallowBlock = b
        guard b < blockCount else { return nil }
        return BlockImpact(lastDoc: try skipEntry(b, 0), maxTF: try skipEntry(b, 3), minLength: try skipEntry(b, 4))
    }

    /// The positions of the current doc (call at most once per doc).
    public mutating func positions() throws -> [UInt32] {
        var out: [UInt32] = []
        try positions(into: &out)
        return out
    }

    /// The positions of the current doc, ascending, into `out` (replacing its
    /// contents but keeping its storage, so query loops allocate once).
    public mutating func positions(into out: inout [UInt32]) throws {
        out.removeAll(keepingCapacity: true)
        try appendPositions(to: &out)
    }

    /// The positions of the current doc, ascending, after what `out` holds.
    public mutating func appendPositions(to out: inout [UInt32]) throws {
        let n = try pendingPositionCount()
        guard n > 0 else { return }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: n))
        _ = try out.withUnsafeMutableBufferPointer { try readPositions(into: $0.baseAddress! + start) }
    }

    /// How many positions of the current doc are left to read (by
    /// `readPositions`); those of the docs passed over are skipped here.
    /// At most one per byte left, or the positions are damaged.
    public mutating func pendingPositionCount() throws -> Int {
        guard hasPositions else { return 0 }
        if let buffer, bufferIndex >= positionsFrom {
            var passed = 0
            for k in positionsFrom..<bufferIndex { passed += Int(buffer[PostingsCodec.blockSize + k]) }
            if passed > 0 { try skipPositions(passed) }
            pendingPositions = Int(buffer[PostingsCodec.blockSize + bufferIndex])
            positionsFrom = bufferIndex + 1
        }
        // A varint takes a byte at least, a group of 128 positions one.
        let bytesLeft = posCount - posOffset
        guard pendingPositions <= (packsPositions ? BitPacking.count * (bytesLeft + 1) : bytesLeft) else {
            throw Self.corrupt("positions cut short")
        }
        return pendingPositions
    }

    /// Decodes the current doc's positions, ascending, into `out`, which has
    /// room for `pendingPositionCount()` of them; returns how many.
    ///
    /// A phrase reads positions this way into storage of its own: appending
    /// to an array, value by value or in one run, cost more than decoding
    /// (callgrind).
    public mutating func readPositions(into out: UnsafeMutablePointer<UInt32>) throws -> Int {
        let n = try pendingPositionCount()
        pendingPositions = 0
        guard n > 0, let p = pos else { return 0 }
        if packsPositions {
            try readPackedPositions(n, into: out)
            return n
        }
        var last: UInt32 = 0
        if posCount - posOffset >= n * 5 {
            // Every varint's five bytes at most are there: no check per byte,
            // damage reported once after the loop.
            var o = posOffset, bad = false
            for k in 0..<n {
                last &+= Self.uncheckedVarint(p, &o, &bad)
                out[k] = last
            }
            if bad { throw Self.corrupt("position past 32 bits") }
            posOffset = o
        } else {
            for k in 0..<n {
                last &+= try readPositionVarint()
                out[k] = last
            }
        }
        return n
    }

    /// Moves to block `b`'s positions (its skip entry's positionsStart).
    private mutating func startPositionBlock(_ b: Int) throws {
        posOffset = positionsStart + Int(try skipEntry(b, 2))
        posIndex = 0
        hopGroup = 0
        hopAt = posOffset
        cachedGroup = -1
        varintGroupAt = -1
    }

    /// Format 7: the `n` positions from number `posIndex` of the block's,
    /// summed from their deltas, into `out`. A cursor that decodes whole
    /// blocks unpacks a packed group at a time into its buffer, and keeps it
    /// for the next doc's; one that does not (a short list) reads value by
    /// value. A group of varints is read on from the doc before.
    private mutating func readPackedPositions(_ n: Int, into out: UnsafeMutablePointer<UInt32>) throws {
        guard let p = pos else { throw Self.corrupt("empty positions") }
        var last: UInt32 = 0
        var k = 0
        while k < n {
            let index = posIndex + k
            let group = index / BitPacking.count, within = index % BitPacking.count
            let take = min(n - k, BitPacking.count - within)
            if let buffer, let values = try packedGroup(group, into: buffer + 2 * PostingsCodec.blockSize) {
                for j in 0..<take {
                    last &+= values[within + j]
                    out[k + j] = last
                }
            } else {
                let (at, width) = try locateGroup(group)
                if width == PostingsCodec.varintGroup {
                    let resume = varintGroupAt == at && varintIndex <= within
                    var o = try Self.skippingVarints(within - (resume ? varintIndex : 0), p, from: resume ? varintAt : at + 1,
                                                     end: posCount)
                    for j in 0..<take {
                        last &+= try Self.varint(p, posCount, &o)
                        out[k + j] = last
                    }
                    (varintGroupAt, varintIndex, varintAt) = (at, within + take, o)
                } else {
                    guard at + 1 + BitPacking.byteCount(within + take, width: width) <= posCount else {
                        throw Self.corrupt("positions cut short")
                    }
                    for j in 0..<take {
                        last &+= BitPacking.value(at: within + j, p, from: at + 1, width: width)
                        out[k + j] = last
                    }
                }
            }
            k += take
        }
        posIndex += n
    }

    /// Where group `g` of the current block's positions starts, and its
    /// width (`PostingsCodec.varintGroup` for varints): found from the last
    /// group found, or the block's first.
    private mutating func locateGroup(_ g: Int) throws -> (at: Int, width: Int) {
        guard let p = pos else { throw Self.corrupt("empty positions") }
        if g < hopGroup {
            hopGroup = 0
            hopAt = posOffset
        }
        while true {
            guard hopAt >= 0, hopAt < posCount else { throw Self.corrupt("positions cut short") }
            let width = Int(p.load(fromByteOffset: hopAt, as: UInt8.self))
            guard width <= 32 || width == PostingsCodec.varintGroup else {
                throw Self.corrupt("positions group of width \(width)")
            }
            if hopGroup == g { return (hopAt, width) }
            // Every group before a block's last holds 128 positions.
            hopAt = width == PostingsCodec.varintGroup
                ? try Self.skippingVarints(BitPacking.count, p, from: hopAt + 1, end: posCount)
                : hopAt + 1 + BitPacking.byteCount(width: width)
            hopGroup += 1
        }
    }

    /// Group `g` of the current block's positions unpacked into `storage`,
    /// which holds it until another is (most docs' positions lie in the
    /// group the doc before read); nil for a group of varints. A block's
    /// last group may hold fewer than 128: only what its bytes can hold is
    /// read, the rest left as it was.
    @inline(__always)
    private mutating func packedGroup(_ g: Int, into storage: UnsafeMutablePointer<UInt32>) throws
        -> UnsafeMutablePointer<UInt32>? {
        if cachedGroup == g { return storage }
        let (at, width) = try locateGroup(g)
        guard width != PostingsCodec.varintGroup else { return nil }
        guard let p = pos else { throw Self.corrupt("empty positions") }
        let available = posCount - at - 1
        if available >= BitPacking.byteCount(width: width) {
            BitPacking.unpack(p, from: at + 1, width: width, end: posCount, into: storage)
        } else {
            let n = min(BitPacking.count, available * 8 / max(width, 1))
            for i in 0..<n { storage[i] = BitPacking.value(at: i, p, from: at + 1, width: width) }
        }
        cachedGroup = g
        return storage
    }

    /// Skips the current doc's positions without decoding them.
    private mutating func skipPendingPositions() throws {
        try skipPositions(pendingPositions)
        pendingPositions = 0
    }

    /// Skips `count` positions without decoding them: in format 7 by moving
    /// the index into the block's, before by scanning their varints.
    private mutating func skipPositions(_ count: Int) throws {
        if packsPositions {
            posIndex += count
            return
        }
        guard let p = pos else { throw Self.corrupt("empty positions") }
        posOffset = try Self.skippingVarints(count, p, from: posOffset, end: posCount)
    }

    /// Where `count` varints from byte `o` end: a varint ends at each byte
    /// below 0x80, counted eight bytes at a time.
    private static func skippingVarints(_ count: Int, _ p: UnsafeRawPointer, from start: Int, end: Int) throws -> Int {
        var remaining = count
        var o = start
        while remaining >= 8 && o + 8 <= end {
            let word = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: o, as: UInt64.self))
            let ends = (~word & 0x8080_8080_8080_8080).nonzeroBitCount
            // A word is taken whole only while it ends fewer varints than remain,
            // so it cannot reach into the next doc's positions.
            if ends >= remaining { break }
            remaining -= ends
            o += 8
        }
        while remaining > 0 {
            guard o < end else { throw corrupt("positions cut short") }
            if p.load(fromByteOffset: o, as: UInt8.self) < 0x80 { remaining -= 1 }
            o += 1
        }
        return o
    }
}

/// Storage for a cursor that decodes a block at a time (`decodeBlocks(into:)`):
/// owned by whoever holds the cursor, freed with it.
public final class PostingsBlockBuffer {
    let pointer: UnsafeMutablePointer<UInt32>

    public init() {
        // Docs, tfs, and a group of positions (format 7).
        pointer = .allocate(capacity: 3 * PostingsCodec.blockSize)
    }

    deinit { pointer.deallocate() }
}

extension PostingsCursor {
    /// Walks the whole list, not yet read, a block at a time: `body` gets
    /// each block's docs and tfs, `count` of each. A term-at-a-time query
    /// reads lists this way, with no call per posting. The cursor ends
    /// exhausted.
    public mutating func forEachBlock(
        _ body: (_ docs: UnsafePointer<UInt32>, _ tfs: UnsafePointer<UInt32>, _ count: Int) throws -> Void
    ) throws {
        guard read == 0, !exhausted else { return }
        // The storage a long list's cursor decodes into already
        // (`decodeBlocksIfLong`), else storage of the walk's own.
        let own = buffer == nil ? PostingsBlockBuffer() : nil
        if let own { decodeBlocks(into: own) }
        guard let docs = buffer else { return }
        let tfs = docs + PostingsCodec.blockSize
        try withExtendedLifetime(own) {
            while try refill() { try body(docs, tfs, bufferCount) }
        }
        exhausted = true
        buffer = nil
    }

    /// Decodes a list of several blocks a block at a time, into a buffer
    /// appended to `buffers`, which must outlive the cursor's use. A short
    /// list is walked as it is: a buffer would cost more than it saves.
    public mutating func decodeBlocksIfLong(keepingBufferIn buffers: inout [PostingsBlockBuffer]) {
        guard docFreq > PostingsCodec.blockSize else { return }
        let buffer = PostingsBlockBuffer()
        buffers.append(buffer)
        decodeBlocks(into: buffer)
    }
}
