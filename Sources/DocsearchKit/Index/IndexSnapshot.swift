import Foundation

/// One consistent, read-only view of an index: the segments named by one
/// manifest. A writer committing meanwhile never changes it; `reopen`
/// gives the newer view.
public final class IndexSnapshot: @unchecked Sendable {
    public let directory: String
    public let manifest: IndexManifest
    public let segments: [SegmentReader]
    /// Per segment, a bitmap of deleted docs (empty when none).
    public let deleted: [[Bool]]
    /// Live plans across all segments.
    public let documentCount: Int
    /// Plans in all segments, deleted ones included: the population that
    /// document frequencies count, so statistics use it (as Lucene's maxDoc).
    public let statisticsDocumentCount: Int
    public let averageBodyLength: Double
    public let averageTitleLength: Double

    /// Opens the index in `directory`. Throws `IndexError.noIndex` when there
    /// is none, `IndexError.corrupt` when a file fails its checks.
    public static func open(directory: String, verification: SegmentReader.Verification = .lazy) throws -> IndexSnapshot {
        // A writer may remove old segments between our reading the manifest and
        // opening them: read the manifest again and retry.
        var attempt = 0
        while true {
            attempt += 1
            do {
                guard let manifest = try IndexManifest.read(directory: directory) else {
                    throw IndexError.noIndex(directory: directory)
                }
                return try IndexSnapshot(directory: directory, manifest: manifest, verification: verification)
            } catch let e as StoreError {
                if case let .cannotOpen(_, code) = e, code == ENOENT, attempt < 5 { continue }
                if e.isCorruption { throw IndexError.corrupt(directory: directory, cause: e) }
                throw IndexError.store(e)
            }
        }
    }

    init(directory: String, manifest: IndexManifest, verification: SegmentReader.Verification) throws {
        self.directory = directory
        self.manifest = manifest
        var segments: [SegmentReader] = []
        var deleted: [[Bool]] = []
        var live = 0, body: UInt64 = 0, title: UInt64 = 0, all = 0
        for s in manifest.segments {
            let r = try SegmentReader(path: directory + "/" + s.name, name: s.name, verification: verification)
            guard r.documentCount == s.documentCount else {
                throw StoreError.corrupt(path: directory + "/" + s.name, reason: "holds \(r.documentCount) plans, manifest says \(s.documentCount)")
            }
            var bits: [Bool] = []
            if !s.deleted.isEmpty {
                bits = Array(repeating: false, count: r.documentCount)
                for d in s.deleted where Int(d) < bits.count { bits[Int(d)] = true }
            }
            segments.append(r)
            deleted.append(bits)
            live += s.liveCount
            all += r.documentCount
            body += r.totalBodyLength
            title += r.totalTitleLength
        }
        self.segments = segments
        self.deleted = deleted
        documentCount = live
        statisticsDocumentCount = all
        averageBodyLength = all > 0 ? Double(body) / Double(all) : 1
        averageTitleLength = all > 0 ? max(1, Double(title) / Double(all)) : 1
    }

    private let facetOrdinalsOnce = OnceValue<FacetOrdinals>()

    /// The counted facet values of every segment numbered as one, built on first use.
    public func facetOrdinals() throws -> FacetOrdinals {
        try facetOrdinalsOnce.get { try FacetOrdinals(segments: segments, deleted: deleted) }
    }

    /// True once `facetOrdinals()` has been built.
    public var hasFacetOrdinals: Bool { facetOrdinalsOnce.ifComputed != nil }

    @inline(__always) public func isDeleted(segment: Int, doc: Int) -> Bool {
        let bits = deleted[segment]
        return !bits.isEmpty && doc < bits.count && bits[doc]
    }

    /// Number of live plans containing the term, over all segments.
    public func documentFrequency(_ key: [UInt8]) -> Int {
        segments.reduce(0) { $0 + ($1.info(key)?.docFreq ?? 0) }
    }

    /// All live plans, as (segment, doc).
    public func forEachLiveDocument(_ body: (Int, Int) throws -> Void) rethrows {
        for (s, r) in segments.enumerated() {
            for d in 0..<r.documentCount where !isDeleted(segment: s, doc: d) { try body(s, d) }
        }
    }

    public func record(segment: Int, doc: Int) throws -> PlanRecord {
        do { return try segments[segment].record(doc) } catch let e as StoreError {
            throw IndexError.corrupt(directory: directory, cause: e)
        }
    }
}
