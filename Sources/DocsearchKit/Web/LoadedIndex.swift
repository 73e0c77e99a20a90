import Foundation

/// One snapshot as the server uses it: the search service over it and what
/// the pages derive from it once (the plan ids, the facet totals, the cited
/// documents). Immutable apart from those caches, which fill on first use
/// under a lock; a request keeps the `LoadedIndex` it started with, so a
/// reload never changes the index under a request.
public final class LoadedIndex: @unchecked Sendable {
    public let snapshot: IndexSnapshot
    public let service: SearchService
    public let loadedAt: Date

    /// Recently shown plans, analysed once, for snippets and highlights.
    let analyzedPlans = AnalyzedPlanCache()

    private let lock = NSLock()
    private var planIDs: [String: (segment: Int, doc: Int)]?
    private var facetTotals: [String: [SearchResults.FacetCount]]?
    private var cited: [CitationCount]?

    public init(snapshot: IndexSnapshot) {
        self.snapshot = snapshot
        self.service = SearchService(snapshot: snapshot)
        self.loadedAt = Date()
    }

    public var generation: UInt64 { snapshot.manifest.generation }

    /// The live plan with this id, or nil.
    public func plan(id: String) throws -> (segment: Int, doc: Int, record: PlanRecord)? {
        let ids = try cached(\.planIDs) { snapshot in
            var map: [String: (segment: Int, doc: Int)] = [:]
            for (s, segment) in snapshot.segments.enumerated() {
                for (d, print) in try segment.fingerprints().enumerated() where !snapshot.isDeleted(segment: s, doc: d) {
                    map[PlanRecord.id(forPath: print.path)] = (s, d)
                }
            }
            return map
        }
        guard let at = ids[id] else { return nil }
        return (at.segment, at.doc, try snapshot.record(segment: at.segment, doc: at.doc))
    }

    /// Counts of every value of `facet` over all live plans, most frequent first.
    public func totals(of facet: String) throws -> [SearchResults.FacetCount] {
        try cached(\.facetTotals) { try FacetTotals.count(in: $0) }[facet] ?? []
    }

    /// Every cited document with its number of citing plans, most cited first.
    public func citedDocuments() throws -> [CitationCount] {
        try cached(\.cited) { try CitationCounts.citedDocuments(in: $0) }
    }

    /// The live plans citing the document `key`.
    public func citingPlans(_ key: String) throws -> [PlanRecord] {
        try CitationCounts.citingPlans(key, in: snapshot).map { try snapshot.record(segment: $0.segment, doc: $0.doc) }
    }

    /// Plans sharing the most cited documents with the plan at (segment, doc).
    public func relatedPlans(to record: PlanRecord, segment: Int, doc: Int, limit: Int = 5) throws -> [PlanRecord] {
        try CitationCounts.related(to: record, segment: segment, doc: doc, in: snapshot, limit: limit)
            .map { try snapshot.record(segment: $0.segment, doc: $0.doc) }
    }

    /// Search with snippets, as `SearchService.search` gives them, but with the
    /// plans' texts analysed once and kept (`AnalyzedPlanCache`).
    public func search(_ request: SearchRequest) throws -> (SearchResults, [Snippet?]) {
        let results = try service.engine.search(request)
        let builder = service.snippetBuilder
        let snippets: [Snippet?] = results.hits.map { hit in
            guard let plan = analyzedPlans.plan(hit.record) else { return nil }
            var marks = plan.marks(for: results.query)
            marks += CitationMarks.ranges(in: plan.text, matching: hit.matchedCitations)
            return builder.snippet(of: plan.text, marks: marks)
        }
        return (results, snippets)
    }

    /// The values of `facet` for one plan (its topics, say).
    public func values(of facet: String, segment: Int, doc: Int) -> [String] {
        FacetTotals.values(of: facet, segment: segment, doc: doc, in: snapshot)
    }

    /// The value in `slot`, computed once. Computed under the lock: concurrent
    /// first requests wait for one computation rather than each doing it.
    private func cached<T>(_ slot: ReferenceWritableKeyPath<LoadedIndex, T?>,
                           _ compute: (IndexSnapshot) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let value = self[keyPath: slot] { return value }
        let value = try compute(snapshot)
        self[keyPath: slot] = value
        return value
    }
}
