import Foundation

/// Writes one immutable segment: a set of plans with their postings.
///
/// The payload of a segment file (inside `ContainerFile`, magic "DSEG"):
///
///     payload   := ChunkedSections of the sections below (a checksum per 64 KiB,
///                  so readers verify lazily what they read; see ChunkedSections)
///     "DOCS"    := count:u32 blockCount:u32 blockEnd:u32{blockCount} dictionary? block*
///     dictionary := length:u32 byte{length}   (format 8 on: records spread through the
///                  segment, which every block is compressed against)
///     block     := BlockCompressor((recordLength:varint recordJSON){<= recordsPerBlock})
///                  (PlanRecord as UTF-8 JSON; the block of doc d is d / recordsPerBlock;
///                  blockEnd counts from the first block)
///     "FILE"    := files | BlockCompressor(files)          (compressed from format 9 on)
///     files     := (path:string size:u64 modified:u64 hash:u64){count}
///     "NORM"    := bodyLength:u32{count} titleLength:u32{count}
///     "TDIC"    := termCount:u32 termEnd:u32{termCount} termBytes
///                  (docFreq:u32 postingsOffset:u32 positionsOffset:u32){termCount}
///                  (format 10 on, the terms include the pairs of `WordPairs` syllables
///                  standing side by side, `TermField.bodyPair`, without positions)
///     "POST"    := postings of each term (see PostingsCodec)
///     "POSI"    := positions of each term (see PostingsCodec)
///     "FACT"    := facetCount:u32 (name:string valueCount:u32 value:string{valueCount}
///                  ordinalsEnd:u32{count} ordinal:u32*){facetCount}
///
/// Terms are sorted by their bytes; each starts with its `TermField` byte.
/// Offsets in TDIC are relative to the start of POST and POSI. Strings are a
/// varint length and UTF-8 bytes. Integers are little-endian.
public struct SegmentWriter {
    public static let magic = "DSEG"
    /// 4: postings flag a term frequency of one in the doc delta (PostingsCodec.Layout).
    /// 5: skip entries carry each block's impact (max tf, min length), for block-max pruning.
    /// 6: full postings blocks are bit-packed (PostingsCodec, BitPacking).
    /// 7: positions are bit-packed in groups of 128 per block of postings.
    /// 8: record blocks are compressed against a dictionary of the segment's records.
    /// 9: the file table is compressed.
    /// 10: pairs of common words standing side by side are terms (`TermField.bodyPair`, `WordPairs`).
    public static let version: UInt16 = 10
    /// Formats 3 to 9 (written before) are still read, so an index need not be rebuilt.
    public static let readableVersions: ClosedRange<UInt16> = 3...10

    /// Whether a segment of format `version` holds every pair of `WordPairs`
    /// syllables standing side by side in its plans. A segment of an older
    /// format holds none, and its phrases are found from positions.
    static func hasWordPairs(version: UInt16) -> Bool { version >= 10 }
    /// What a merge writes when one of its segments lacks the pairs.
    static let lastVersionWithoutWordPairs: UInt16 = 9

    /// Whether a segment of format `version` keeps a dictionary for its record blocks.
    static func hasRecordDictionary(version: UInt16) -> Bool { version >= 8 }

    /// Whether a segment of format `version` compresses its file table, whose
    /// paths share their folders: 1.18 MB of the 20,000 generated plans' index
    /// written plain. It is read whole, by `index`, `show` and the server as it loads.
    static func compressesFileTable(version: UInt16) -> Bool { version >= 9 }

    /// How a segment of format `version` writes its postings.
    static func layout(ofVersion version: UInt16) -> PostingsCodec.Layout {
        switch version {
        case ...3: return .separateTF
        case 4: return .flaggedTF
        case 5: return .impacts
        case 6: return .packed
        default: return .packedPositions
        }
    }
    /// Records compressed together: more shrinks better, fewer decodes faster.
    public static let recordsPerBlock = 16
    /// Bytes of records every block is compressed against (format 8): the
    /// first records of a block then find the keys and values that recur from
    /// plan to plan. The records of 20,000 generated plans took 7.23 MB
    /// compressed block by block alone.
    static let recordDictionarySize = 16 << 10

    /// Records spread evenly through the segment, `recordDictionarySize`
    /// bytes of them at most (all of a small segment's).
    static func recordDictionary(_ records: [[UInt8]]) -> [UInt8] {
        let total = records.reduce(0) { $0 + $1.count }
        guard total > 0 else { return [] }
        // As many records as fill the dictionary, on average, one in `step`.
        let wanted = min(records.count, recordDictionarySize * records.count / total + 1)
        var out: [UInt8] = []
        for i in stride(from: 0, to: records.count, by: max(1, records.count / wanted)) where out.count < recordDictionarySize {
            out += records[i]
        }
        return Array(out.prefix(recordDictionarySize))
    }

    private let documentCount: Int
    private var docs = ByteWriter()
    private var files = ByteWriter()
    private var norms = ByteWriter()
    private var bodyLengths: [UInt32] = []
    private var titleLengths: [UInt32] = []
    private var facetBytes = ByteWriter()
    private var termBytes = ByteWriter()
    private var termEnds: [UInt32] = []
    private var termInfos = ByteWriter()
    private var post = ByteWriter()
    private var pos = ByteWriter()

    /// The format written: the current one, or an older one for the tests
    /// that old segments still read.
    let formatVersion: UInt16
    /// How postings are written in `formatVersion`.
    let postingsLayout: PostingsCodec.Layout

    public init(documentCount: Int) {
        self.init(documentCount: documentCount, version: Self.version)
    }

    init(documentCount: Int, version: UInt16) {
        precondition(Self.readableVersions.contains(version), "segment format \(version) is not written")
        self.documentCount = documentCount
        formatVersion = version
        postingsLayout = Self.layout(ofVersion: version)
    }

    /// The JSON form in which a record is stored (sorted keys; `PlanRecord+JSON`).
    public static func encodeRecord(_ record: PlanRecord) -> [UInt8] { record.jsonBytes() }

    public mutating func setDocuments(records: [[UInt8]], fingerprints: [FileFingerprint],
                                      bodyLengths: [UInt32], titleLengths: [UInt32], facets: [String: [[String]]]) {
        let hasDictionary = Self.hasRecordDictionary(version: formatVersion)
        let dictionary = hasDictionary ? Self.recordDictionary(records) : []
        var blocks = ByteWriter()
        var ends: [UInt32] = []
        var start = 0
        while start < records.count {
            var raw = ByteWriter()
            for r in records[start..<min(records.count, start + Self.recordsPerBlock)] {
                raw.varint(UInt64(r.count))
                raw.append(r)
            }
            blocks.append(BlockCompressor.compress(raw.bytes, dictionary: dictionary))
            ends.append(UInt32(blocks.count))
            start += Self.recordsPerBlock
        }
        docs.u32(UInt32(records.count))
        docs.u32(UInt32(ends.count))
        for e in ends { docs.u32(e) }
        if hasDictionary {
            docs.u32(UInt32(dictionary.count))
            docs.append(dictionary)
        }
        docs.append(blocks.bytes)
        for f in fingerprints {
            files.string(f.path); files.u64(f.size); files.u64(UInt64(bitPattern: f.modified)); files.u64(f.contentHash)
        }
        for l in bodyLengths { norms.u32(l) }
        for l in titleLengths { norms.u32(l) }
        self.bodyLengths = bodyLengths
        self.titleLengths = titleLengths
        facetBytes.u32(UInt32(facets.count))
        for name in facets.keys.sorted() { writeFacetColumn(name, facets[name]!, documentCount: records.count) }
    }

    /// One facet column: its distinct values in order, then each plan's
    /// values as their numbers (ordinals) in that order, ascending, each once.
    ///
    /// The values are numbered by their UTF-8 bytes in a `TermTable` and
    /// sorted by those bytes: hashing and sorting them as Strings normalised
    /// each one again, 2.6% of a build's instructions (callgrind, 2,000
    /// plans). The text is NFC (normalised as it is read), and for NFC the
    /// order of the bytes is the order of the Unicode scalars, which
    /// `String.<` sorts by: the bytes written are those of before.
    /// Plans past the end of `column` have no value.
    private mutating func writeFacetColumn(_ name: String, _ column: [[String]], documentCount: Int) {
        var table = TermTable(capacity: 1 << 10)
        var ids: [Int32] = []
        var ends: [Int] = []
        ends.reserveCapacity(documentCount)
        for docValues in column {
            for v in docValues { ids.append(Int32(table.id(field: 0, v))) }
            ends.append(ids.count)
        }
        let byBytes = table.idsInKeyOrder()
        var ordinal = [UInt32](repeating: 0, count: table.count)
        for (rank, id) in byBytes.enumerated() { ordinal[id] = UInt32(rank) }
        facetBytes.string(name)
        facetBytes.u32(UInt32(table.count))
        for id in byBytes { facetBytes.string(utf8: table.key(id).dropFirst()) }
        var ords: [UInt32] = []
        ords.reserveCapacity(ids.count)
        var docOrds: [UInt32] = []
        var start = 0
        for doc in 0..<documentCount {
            if doc < ends.count {
                docOrds.removeAll(keepingCapacity: true)
                for i in start..<ends[doc] { docOrds.append(ordinal[Int(ids[i])]) }
                start = ends[doc]
                docOrds.sort()
                for (i, o) in docOrds.enumerated() where i == 0 || o != docOrds[i - 1] { ords.append(o) }
            }
            facetBytes.u32(UInt32(ords.count))
        }
        for o in ords { facetBytes.u32(o) }
    }

    /// Adds a term; terms must come in byte order.
    public mutating func addTerm(_ key: [UInt8], docs: [UInt32], tfs: [UInt32], positions: [UInt32], withPositions: Bool) {
        termBytes.append(key)
        termEnds.append(UInt32(termBytes.count))
        termInfos.u32(UInt32(docs.count))
        termInfos.u32(UInt32(post.count))
        termInfos.u32(withPositions ? UInt32(pos.count) : UInt32.max)
        let lengths: [UInt32]
        switch TermField(rawValue: key.first ?? 0) {
        case .bodyFolded?, .bodyExact?, .bodyPair?: lengths = bodyLengths
        case .titleFolded?, .titleExact?: lengths = titleLengths
        default: lengths = []
        }
        PostingsCodec.encode(docs: docs, tfs: tfs, positions: positions, withPositions: withPositions, lengths: lengths,
                             post: &post, pos: &pos, layout: postingsLayout)
    }

    public mutating func finish() -> [UInt8] {
        var dict = ByteWriter(capacity: termBytes.count + termEnds.count * 16 + 4)
        dict.u32(UInt32(termEnds.count))
        for e in termEnds { dict.u32(e) }
        dict.append(termBytes.bytes)
        dict.append(termInfos.bytes)
        let fileTable = Self.compressesFileTable(version: formatVersion) ? BlockCompressor.compress(files.bytes) : files.bytes
        let payload = ChunkedSections.encode([("DOCS", docs.bytes), ("FILE", fileTable), ("NORM", norms.bytes),
                                              ("TDIC", dict.bytes), ("POST", post.bytes), ("POSI", pos.bytes),
                                              ("FACT", facetBytes.bytes)])
        return ContainerFile.encode(magic: Self.magic, version: formatVersion, payload: payload)
    }
}
