import Foundation

/// Term statistics and postings locations of one term in one segment.
public struct TermInfo: Sendable {
    /// The term's number in its segment's dictionary.
    public var index: Int
    public var docFreq: Int
    public var postingsOffset: Int
    public var positionsOffset: Int? // nil for fields without positions
}

/// A read-only view of one segment file (see `SegmentWriter` for the grammar).
public final class SegmentReader: @unchecked Sendable {
    public let name: String
    public let documentCount: Int
    private let file: MappedFile
    private let docs: ByteReader
    /// The file table, checked when first read (only `index` reads it).
    private let filesSection: ChunkedSectionsReader.Section
    private let norms: ByteReader
    private let post: ByteReader
    private let pos: ByteReader
    private let termCount: Int
    private let termEnds: ByteReader
    private let termBytes: ByteReader
    private let termInfos: ByteReader
    /// The facet columns, checked when first read (searches without facets never read them).
    private let facetSection: ChunkedSectionsReader.Section
    public let totalBodyLength: UInt64
    public let totalTitleLength: UInt64
    private var facetCache: [String: FacetColumn]? = nil
    private var facetListCache: [(name: String, column: FacetColumn)]? = nil
    private let blockCache = BoundedCache<Int, [UInt8]>(capacity: 64)
    private let recordCache = BoundedCache<Int, PlanRecord>(capacity: 1024)
    private let chunked: ChunkedSectionsReader
    private let docsSection: ChunkedSectionsReader.Section
    private let postSection: ChunkedSectionsReader.Section
    private let posSection: ChunkedSectionsReader.Section
    private let lock = NSLock()

    /// How much of a segment is checked when it is opened.
    public enum Verification: Sendable {
        /// Every byte now (merging, `index`, tests of damage).
        case full
        /// The term dictionary and field lengths now; the file table and facet
        /// columns when first read; postings, positions and records chunk by
        /// chunk as they are first read (searches: opening costs nothing).
        case lazy
    }

    /// The segment's format (`SegmentWriter.version` when it was written).
    let formatVersion: UInt16
    /// Whether the segment holds the pairs of `WordPairs` syllables (format 10 on).
    var hasWordPairs: Bool { SegmentWriter.hasWordPairs(version: formatVersion) }

    /// What the segment keeps of the pair `first second` (folded words).
    enum WordPairList {
        /// Nothing: the segment holds no pairs, or not this one's words.
        case notKept
        /// No list where one would be: no plan holds the pair.
        case absent
        /// Its list.
        case listed(TermInfo)
    }

    func wordPairList(_ first: String, _ second: String) -> WordPairList {
        guard hasWordPairs, WordPairs.covers(first, second) else { return .notKept }
        return info(WordPairs.key(first, second)).map(WordPairList.listed) ?? .absent
    }
    /// How this segment's postings are written (by its format version).
    let postingsLayout: PostingsCodec.Layout

    public init(path: String, name: String, verification: Verification = .lazy) throws {
        self.name = name
        file = try MappedFile(path: path)
        let (payload, version) = try ContainerFile.payload(of: file.bytes, magic: SegmentWriter.magic,
                                                           versions: SegmentWriter.readableVersions, path: path,
                                                           verifyChecksum: false)
        formatVersion = version
        postingsLayout = SegmentWriter.layout(ofVersion: version)
        let chunked = try ChunkedSectionsReader(payload, path: path)
        self.chunked = chunked
        if verification == .full { try chunked.verifyEverything() }
        func section(_ tag: String, verifyNow: Bool) throws -> ByteReader {
            let s = try chunked.section(tag)
            if verifyNow { try chunked.verifyAll(s) }
            return s.reader
        }
        func section(_ tag: String) throws -> ByteReader { try section(tag, verifyNow: true) }
        docsSection = try chunked.section("DOCS")
        postSection = try chunked.section("POST")
        posSection = try chunked.section("POSI")
        docs = try section("DOCS", verifyNow: false)
        filesSection = try chunked.section("FILE")
        norms = try section("NORM")
        post = try section("POST", verifyNow: false)
        pos = try section("POSI", verifyNow: false)
        facetSection = try chunked.section("FACT")
        try chunked.verify(docsSection, 0..<8)
        var d = docs
        documentCount = Int(try d.u32())
        guard documentCount <= docs.base.count * 64, documentCount * 8 <= norms.base.count else {
            throw StoreError.corrupt(path: path, reason: "document count \(documentCount) does not fit")
        }
        var dict = try section("TDIC")
        termCount = Int(try dict.u32())
        guard termCount >= 0, termCount * 16 <= dict.remaining else {
            throw StoreError.corrupt(path: path, reason: "term count \(termCount) does not fit")
        }
        termEnds = try dict.slice(dict.offset, termCount * 4)
        var endReader = termEnds
        var lastEnd = 0
        if termCount > 0 { endReader.offset = (termCount - 1) * 4; lastEnd = Int(try endReader.u32()) }
        termBytes = try dict.slice(dict.offset + termCount * 4, lastEnd)
        termInfos = try dict.slice(dict.offset + termCount * 4 + lastEnd, termCount * 12)
        var total: UInt64 = 0, titles: UInt64 = 0
        var n = norms
        for _ in 0..<documentCount { total += UInt64(try n.u32()) }
        for _ in 0..<documentCount { titles += UInt64(try n.u32()) }
        totalBodyLength = total
        totalTitleLength = titles
    }

    // MARK: documents

    public func record(_ doc: Int) throws -> PlanRecord {
        if let cached = recordCache.value(for: doc) { return cached }
        let raw = try rawRecord(doc)
        do {
            let record = try raw.withUnsafeBytes { try PlanRecord(json: $0) }
            recordCache.store(record, for: doc)
            return record
        } catch {
            throw StoreError.corrupt(path: file.path, reason: "record \(doc) does not decode (\(error))")
        }
    }

    /// The stored JSON bytes of a record.
    public func rawRecord(_ doc: Int) throws -> [UInt8] {
        guard doc >= 0 && doc < documentCount else { throw StoreError.corrupt(path: file.path, reason: "doc \(doc) out of range") }
        let per = SegmentWriter.recordsPerBlock
        let block = try recordBlock(doc / per)
        return try block.withUnsafeBytes { raw -> [UInt8] in
            var r = ByteReader(raw, path: file.path)
            for _ in 0..<(doc % per) {
                let n = try r.varint()
                guard n <= UInt64(r.remaining) else { throw StoreError.corrupt(path: file.path, reason: "record length") }
                r.offset += Int(n)
            }
            let n = try r.varint()
            guard n <= UInt64(r.remaining) else { throw StoreError.corrupt(path: file.path, reason: "record length") }
            return Array(try r.bytes(Int(n)))
        }
    }

    /// The decompressed records of one block (recently used blocks are kept).
    private func recordBlock(_ index: Int) throws -> [UInt8] {
        if let cached = blockCache.value(for: index) { return cached }
        var r = docs
        r.offset = 4
        let blockCount = Int(try r.u32())
        guard index < blockCount, blockCount * 4 <= r.remaining else {
            throw StoreError.corrupt(path: file.path, reason: "record block \(index) of \(blockCount)")
        }
        let tableStart = 8
        try chunked.verify(docsSection, 0..<(tableStart + blockCount * 4))
        var t = docs
        t.offset = tableStart + index * 4
        let end = Int(try t.u32())
        var start = 0
        if index > 0 { t.offset = tableStart + (index - 1) * 4; start = Int(try t.u32()) }
        guard end >= start else { throw StoreError.corrupt(path: file.path, reason: "record block bounds") }
        // Format 8 on: the dictionary (its length, its bytes) between the table and the blocks.
        var blocksStart = tableStart + blockCount * 4
        var dictionary = try docs.slice(blocksStart, 0)
        if SegmentWriter.hasRecordDictionary(version: formatVersion) {
            try chunked.verify(docsSection, blocksStart..<(blocksStart + 4))
            t.offset = blocksStart
            let length = Int(try t.u32())
            try chunked.verify(docsSection, (blocksStart + 4)..<(blocksStart + 4 + length))
            dictionary = try docs.slice(blocksStart + 4, length)
            blocksStart += 4 + length
        }
        let regionStart = blocksStart + start
        try chunked.verify(docsSection, regionStart..<(regionStart + end - start))
        let region = try docs.slice(regionStart, end - start)
        let bytes = try BlockCompressor.decompress(region.base, dictionary: dictionary.base, path: file.path)
        blockCache.store(bytes, for: index)
        return bytes
    }

    public func fingerprints() throws -> [FileFingerprint] {
        try chunked.verifyAll(filesSection)
        func read(_ r: ByteReader) throws -> [FileFingerprint] {
            var r = r
            var out: [FileFingerprint] = []
            out.reserveCapacity(documentCount)
            for _ in 0..<documentCount {
                let path = try r.string()
                out.append(FileFingerprint(path: path, size: try r.u64(), modified: Int64(bitPattern: try r.u64()), contentHash: try r.u64()))
            }
            return out
        }
        guard SegmentWriter.compressesFileTable(version: formatVersion) else { return try read(filesSection.reader) }
        let table = try BlockCompressor.decompress(filesSection.reader.base, path: file.path)
        return try table.withUnsafeBytes { try read(ByteReader($0, path: file.path)) }
    }

    /// The field lengths: `documentCount` body lengths then as many title lengths (u32 each).
    public var lengthTable: UnsafeRawPointer? { norms.base.baseAddress }

    @inline(__always) public func bodyLength(_ doc: Int) -> UInt32 {
        norms.base.loadUnaligned(fromByteOffset: doc * 4, as: UInt32.self).littleEndian
    }
    @inline(__always) public func titleLength(_ doc: Int) -> UInt32 {
        norms.base.loadUnaligned(fromByteOffset: (documentCount + doc) * 4, as: UInt32.self).littleEndian
    }

    // MARK: terms

    public var termCountValue: Int { termCount }

    private func termRange(_ i: Int) -> Range<Int> {
        let end = Int(termEnds.base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self).littleEndian)
        let start = i == 0 ? 0 : Int(termEnds.base.loadUnaligned(fromByteOffset: (i - 1) * 4, as: UInt32.self).littleEndian)
        return start..<max(start, min(end, termBytes.base.count))
    }

    /// The bytes of term number `i` (for merging).
    public func termKey(_ i: Int) -> [UInt8] { Array(termBytes.base[termRange(i)]) }

    private func compare(term i: Int, with key: [UInt8]) -> Int {
        let r = termRange(i)
        let n = min(r.count, key.count)
        let c = key.withUnsafeBytes { k -> Int32 in
            guard n > 0 else { return 0 }
            return memcmp(termBytes.base.baseAddress! + r.lowerBound, k.baseAddress!, n)
        }
        if c != 0 { return Int(c) }
        return r.count - key.count
    }

    /// Index of the term, or nil.
    public func find(_ key: [UInt8]) -> Int? {
        var lo = 0, hi = termCount - 1
        while lo <= hi {
            let mid = (lo + hi) >> 1
            let c = compare(term: mid, with: key)
            if c == 0 { return mid }
            if c < 0 { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    /// The indexes of all terms starting with `prefix`.
    public func terms(withPrefix prefix: [UInt8]) -> Range<Int> {
        var lo = 0, hi = termCount
        while lo < hi {
            let mid = (lo + hi) >> 1
            if compare(term: mid, with: prefix) < 0 { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < termCount && termKey(end).starts(with: prefix) { end += 1 }
        return lo..<end
    }

    public func info(_ term: Int) -> TermInfo {
        let base = termInfos.base
        let df = base.loadUnaligned(fromByteOffset: term * 12, as: UInt32.self).littleEndian
        let po = base.loadUnaligned(fromByteOffset: term * 12 + 4, as: UInt32.self).littleEndian
        let pp = base.loadUnaligned(fromByteOffset: term * 12 + 8, as: UInt32.self).littleEndian
        return TermInfo(index: term, docFreq: Int(df), postingsOffset: Int(po), positionsOffset: pp == UInt32.max ? nil : Int(pp))
    }

    public func info(_ key: [UInt8]) -> TermInfo? {
        find(key).map { info($0) }
    }

    /// Where term `i`'s postings (and positions) end: where the next term's begin.
    private func ends(of info: TermInfo) -> (postings: Int, positions: Int) {
        let postingsEnd = info.index + 1 < termCount ? self.info(info.index + 1).postingsOffset : post.base.count
        var positionsEnd = pos.base.count
        if info.positionsOffset != nil {
            var j = info.index + 1
            while j < termCount {
                if let p = self.info(j).positionsOffset { positionsEnd = p; break }
                j += 1
            }
        }
        return (postingsEnd, positionsEnd)
    }

    /// Whether two terms' postings hold the same plans and counts, read from
    /// their bytes (`PostingsCodec.samePostings`), not decoded: a word's
    /// exact form is often its folded form's only one (in 20,000 generated
    /// plans, 93% of the postings of title lists of exact forms, and "pháp",
    /// "luật", "hoạch" in the body), and a search then reads one list for both.
    public func haveSamePostings(_ a: TermInfo, _ b: TermInfo) throws -> Bool {
        guard a.docFreq == b.docFreq else { return false }
        let ea = ends(of: a).postings, eb = ends(of: b).postings
        guard a.postingsOffset <= ea, b.postingsOffset <= eb, ea <= post.base.count, eb <= post.base.count,
              ea - a.postingsOffset == eb - b.postingsOffset else { return false }
        try chunked.verify(postSection, a.postingsOffset..<ea)
        try chunked.verify(postSection, b.postingsOffset..<eb)
        return PostingsCodec.samePostings(UnsafeRawBufferPointer(rebasing: post.base[a.postingsOffset..<ea]),
                                          UnsafeRawBufferPointer(rebasing: post.base[b.postingsOffset..<eb]),
                                          docFreq: a.docFreq, layout: postingsLayout)
    }

    public func cursor(_ info: TermInfo, positions: Bool) throws -> PostingsCursor {
        guard info.postingsOffset <= post.base.count else {
            throw StoreError.corrupt(path: file.path, reason: "postings offset out of range")
        }
        let end = ends(of: info)
        try chunked.verify(postSection, info.postingsOffset..<max(info.postingsOffset, end.postings))
        if positions, let po = info.positionsOffset {
            try chunked.verify(posSection, po..<max(po, end.positions))
        }
        let p = try post.slice(info.postingsOffset, max(0, end.postings - info.postingsOffset))
        var q: ByteReader? = nil
        if positions, let po = info.positionsOffset {
            guard po <= pos.base.count else { throw StoreError.corrupt(path: file.path, reason: "positions offset out of range") }
            q = try pos.slice(po, max(0, end.positions - po))
        }
        return try PostingsCursor(post: p, pos: q, docFreq: info.docFreq, layout: postingsLayout)
    }

    // MARK: facets

    public struct FacetColumn: Sendable {
        public let values: MappedStrings
        /// Per plan, where its ordinals end in `ordinals`.
        public let ends: MappedUInt32s
        public let ordinals: MappedUInt32s
        /// Whether every plan has exactly one value (in the 20,000 generated
        /// plans: agency, type and year; place has a few plans with two), so
        /// that plan d's ordinal is `ordinals[d]` and counting need not read
        /// `ends`. Found on the first walk over many plans, not when the
        /// columns are read: a cold `docsearch "Chỉ thị 20"` read every end of
        /// those columns for it (1.4% of its instructions) to count 188 plans.
        private let singleValued = OnceValue<Bool>()

        init(values: MappedStrings, ends: MappedUInt32s, ordinals: MappedUInt32s) {
            self.values = values
            self.ends = ends
            self.ordinals = ordinals
        }

        private var isSingleValued: Bool {
            singleValued.get {
                ordinals.count == ends.count && ends.withUnsafeBytes { bytes in
                    (0..<ends.count).allSatisfy {
                        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) == UInt32($0 + 1)
                    }
                }
            }
        }

        public func ordinals(of doc: Int) -> Slice<MappedUInt32s> {
            guard doc >= 0 && doc < ends.count else { return ordinals[0..<0] }
            let start = doc == 0 ? 0 : Int(ends[doc - 1])
            let end = Int(ends[doc])
            guard start <= end, end <= ordinals.count else { return ordinals[0..<0] }
            return ordinals[start..<end]
        }

        public func values(of doc: Int) -> [String] {
            ordinals(of: doc).compactMap { Int($0) < values.count ? values[Int($0)] : nil }
        }

        /// Calls `body(d, o)` with every ordinal o of every plan d of `docs`, in
        /// their order, read from the mapping with one bounds check per plan
        /// rather than per value (facet counting over thousands of plans,
        /// perf). Plans out of range have none; a plan's ordinals stop at the
        /// column's end.
        @inline(__always)
        func forEachOrdinal<Plans: Collection>(of docs: Plans, _ body: (_ plan: Int, _ ordinal: Int) -> Void)
            where Plans.Element == Int {
            ends.withUnsafeBytes { ends in
                ordinals.withUnsafeBytes { ordinals in
                    func value(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Int {
                        Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)))
                    }
                    let docCount = ends.count / 4, ordinalCount = ordinals.count / 4
                    // Finding out reads every plan's end once: worth it for a
                    // walk over an eighth of the plans or more, and then kept.
                    if docs.count * 8 >= docCount && isSingleValued {
                        for d in docs where d >= 0 && d < docCount { body(d, value(ordinals, d)) }
                        return
                    }
                    for d in docs where d >= 0 && d < docCount {
                        let start = d == 0 ? 0 : value(ends, d - 1), end = min(value(ends, d), ordinalCount)
                        guard start < end else { continue }
                        for k in start..<end { body(d, value(ordinals, k)) }
                    }
                }
            }
        }
    }

    /// The facet columns in name order (kept: facet counting asks per search).
    public func facetColumnsByName() throws -> [(name: String, column: FacetColumn)] {
        let columns = try facetColumns()
        lock.lock(); defer { lock.unlock() }
        if let facetListCache { return facetListCache }
        let list = columns.map { (name: $0.key, column: $0.value) }.sorted { $0.name < $1.name }
        facetListCache = list
        return list
    }

    public func facetColumns() throws -> [String: FacetColumn] {
        lock.lock(); defer { lock.unlock() }
        if let facetCache { return facetCache }
        try chunked.verifyAll(facetSection)
        var r = facetSection.reader
        var out: [String: FacetColumn] = [:]
        let count = Int(try r.u32())
        for _ in 0..<count {
            let name = try r.string()
            let n = Int(try r.u32())
            let values = try MappedStrings(reading: n, from: &r, owner: file)
            let ends = MappedUInt32s(try r.bytes(documentCount * 4), owner: file)
            let total = Int(ends.last ?? 0)
            guard total * 4 <= r.remaining else { throw StoreError.corrupt(path: file.path, reason: "facet \(name) ordinals") }
            let ords = MappedUInt32s(try r.bytes(total * 4), owner: file)
            out[name] = FacetColumn(values: values, ends: ends, ordinals: ords)
        }
        facetCache = out
        return out
    }
}
