/// Encoding of one term's postings and positions.
///
/// Byte grammar (varints are LEB128):
///
///     postings   := plain | blocked
///     plain      := (docDelta:varint tf:varint){docFreq}          when docFreq <= blockSize
///     blocked    := blockCount:varint skip{blockCount} block{blockCount}
///     skip       := lastDoc:u32 blockEnd:u32 positionsStart:u32   (ends and starts relative to
///                                                                  the first block / the term's positions)
///     block      := (docDelta:varint tf:varint){<= blockSize}     (first delta from the previous block's lastDoc)
///     positions  := (posDelta:varint){tf} for each doc, in posting order
///
/// docDelta of the very first doc is the doc id itself.
public enum PostingsCodec {
    public static let blockSize = 128
    /// More occurrences of one word in one plan than this mean a damaged file.
    public static let maxTermFrequency = 1 << 26

    /// Appends a term's postings to `post` and positions to `pos`.
    /// `positions` holds each doc's positions back to back (tf of them per doc);
    /// it is ignored when `withPositions` is false.
    public static func encode(docs: [UInt32], tfs: [UInt32], positions: [UInt32], withPositions: Bool,
                              post: inout ByteWriter, pos: inout ByteWriter) {
        let n = docs.count
        let posBase = pos.count
        var p = 0
        func writePositions(_ i: Int) {
            guard withPositions else { return }
            var last: UInt32 = 0
            for k in 0..<Int(tfs[i]) {
                let v = positions[p + k]
                pos.varint(v &- last)
                last = v
            }
            p += Int(tfs[i])
        }
        if n <= blockSize {
            var prev: UInt32 = 0
            for i in 0..<n {
                post.varint(docs[i] &- prev)
                post.varint(tfs[i])
                prev = docs[i]
                writePositions(i)
            }
            return
        }
        let blockCount = (n + blockSize - 1) / blockSize
        post.varint(UInt64(blockCount))
        let skipAt = post.count
        for _ in 0..<(blockCount * 3) { post.u32(0) }
        let dataStart = post.count
        var prev: UInt32 = 0
        for b in 0..<blockCount {
            let posStart = UInt32(pos.count - posBase)
            let lo = b * blockSize, hi = min(n, lo + blockSize)
            for i in lo..<hi {
                post.varint(docs[i] &- prev)
                post.varint(tfs[i])
                prev = docs[i]
                writePositions(i)
            }
            post.patchU32(docs[hi - 1], at: skipAt + b * 12)
            post.patchU32(UInt32(post.count - dataStart), at: skipAt + b * 12 + 4)
            post.patchU32(posStart, at: skipAt + b * 12 + 8)
        }
    }
}

/// Reads one term's postings, doc by doc, with skipping and positions.
public struct PostingsCursor {
    private var post: ByteReader
    private var pos: ByteReader?
    public let docFreq: Int
    private var read = 0
    private var inBlock = 0
    private var blockIndex = 0
    private var blockCount = 0
    private var skipStart = 0
    private var dataStart = 0
    private var posStartOffset = 0
    private var pendingPositions = 0

    public private(set) var doc: UInt32 = 0
    public private(set) var tf: UInt32 = 0
    /// True once `next` has run past the last doc.
    public private(set) var exhausted = false

    /// `post` starts at the term's postings; `pos`, when given, at its positions.
    public init(post: ByteReader, pos: ByteReader?, docFreq: Int) throws {
        self.post = post
        self.pos = pos
        self.docFreq = docFreq
        self.posStartOffset = pos?.offset ?? 0
        if docFreq > PostingsCodec.blockSize {
            blockCount = Int(clamping: try self.post.varint())  // a damaged count above Int.max must not trap
            let expected = (docFreq + PostingsCodec.blockSize - 1) / PostingsCodec.blockSize
            guard blockCount == expected else {
                throw StoreError.corrupt(path: post.path, reason: "postings block count \(blockCount), expected \(expected)")
            }
            skipStart = self.post.offset
            dataStart = skipStart + blockCount * 12
            self.post.offset = dataStart
        }
    }

    /// Moves to the next doc; false when there is none.
    public mutating func next() throws -> Bool {
        if exhausted { return false }
        guard read < docFreq else { exhausted = true; return false }
        try skipPendingPositions()
        if blockCount > 0 && inBlock == PostingsCodec.blockSize {
            inBlock = 0
            blockIndex += 1
        }
        let delta = try post.varint32()
        tf = try post.varint32()
        guard tf >= 1, Int(tf) <= PostingsCodec.maxTermFrequency else {
            throw StoreError.corrupt(path: post.path, reason: "term frequency \(tf) out of range")
        }
        let (sum, overflow) = doc.addingReportingOverflow(delta)
        if overflow || (read > 0 && delta == 0) { throw StoreError.corrupt(path: post.path, reason: "postings out of order") }
        doc = sum
        read += 1
        inBlock += 1
        pendingPositions = Int(tf)
        return true
    }

    /// Moves to the first doc >= `target`; false when there is none.
    public mutating func advance(to target: UInt32) throws -> Bool {
        if read > 0 && !exhausted && doc >= target { return true }
        if blockCount > 0 {
            // Skip whole blocks whose last doc is below the target.
            var b = blockIndex
            while b < blockCount - 1 {
                var s = try post.slice(skipStart + b * 12, 12)
                let last = try s.u32()
                if last >= target { break }
                b += 1
            }
            if b > blockIndex {
                var prevSkip = try post.slice(skipStart + (b - 1) * 12, 12)
                let prevLast = try prevSkip.u32()
                let prevEnd = try prevSkip.u32()
                var skip = try post.slice(skipStart + b * 12 + 8, 4)
                let blockPositions = try skip.u32()
                post.offset = dataStart + Int(prevEnd)
                if pos != nil { pos!.offset = posStartOffset + Int(blockPositions) }
                pendingPositions = 0
                doc = prevLast
                read = b * PostingsCodec.blockSize
                blockIndex = b
                inBlock = 0
            }
        }
        while try next() {
            if doc >= target { return true }
        }
        return false
    }

    /// The positions of the current doc (call at most once per doc).
    public mutating func positions() throws -> [UInt32] {
        guard pos != nil else { return [] }
        var out: [UInt32] = []
        out.reserveCapacity(min(pendingPositions, pos!.remaining))
        var last: UInt32 = 0
        for _ in 0..<pendingPositions {
            last &+= try pos!.varint32()
            out.append(last)
        }
        pendingPositions = 0
        return out
    }

    private mutating func skipPendingPositions() throws {
        guard pos != nil, pendingPositions > 0 else { pendingPositions = 0; return }
        for _ in 0..<pendingPositions { _ = try pos!.varint() }
        pendingPositions = 0
    }
}
