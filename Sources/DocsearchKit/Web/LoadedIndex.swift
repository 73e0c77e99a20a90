import Foundation

/// One snapshot as the server uses it: the search service over it and what
/// the pages derive from it once (the plan ids, the facet totals, the
/// citation graph and the agency and topic directories). Immutable apart from
/// those caches, which fill on first use; a request keeps the `LoadedIndex`
/// it started with, so a reload never changes the index under a request, and
/// a reload starts with empty caches.
public final class LoadedIndex: @unchecked Sendable {
    public let snapshot: IndexSnapshot
    public let service: SearchService
    public let loadedAt: Date

    /// Recently shown plans, analysed once, for snippets and highlights.
    let analyzedPlans = AnalyzedPlanCache()

    /// What reading every live record once gives: the same types the
    /// `citations`, `agencies` and `topics` commands print.
    struct Directories {
        var citations: CitationGraph
        var agencies: AgencyDirectory
        var topics: TopicDirectory
    }

    private let planIDs = OnceValue<[String: (segment: Int, doc: Int)]>()
    private let facetTotals = OnceValue<[String: [SearchResults.FacetCount]]>()
    private let directories = OnceValue<Directories>()

    public init(snapshot: IndexSnapshot) {
        self.snapshot = snapshot
        self.service = SearchService(snapshot: snapshot)
        service.engine.termScores = TermScoreCache()
        self.loadedAt = Date()
    }

    public var generation: UInt64 { snapshot.manifest.generation }

    /// The live plan with this id, or nil.
    public func plan(id: String) throws -> (segment: Int, doc: Int, record: PlanRecord)? {
        let ids = try planIDs.get {
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
        try facetTotals.get { try FacetCounter.countAll(in: snapshot) }[facet] ?? []
    }

    /// Every cited document with its citing plans, as `docsearch citations` has it.
    public func citationGraph() throws -> CitationGraph { try loadDirectories().citations }

    /// Every agency the plans name, with its roles, as `docsearch agencies` has it.
    public func agencyDirectory() throws -> AgencyDirectory { try loadDirectories().agencies }

    /// The taxonomy's topics with their plan counts, as `docsearch topics` has it.
    public func topicDirectory() throws -> TopicDirectory { try loadDirectories().topics }

    /// Plans resting on the same documents as the plan `id`, as `docsearch related` ranks them.
    public func related(to id: String, limit: Int) throws -> [RelatedPlan] {
        RelatedPlans.related(to: id, in: try citationGraph(), limit: limit)
    }

    /// Search with snippets, as `SearchService.search` gives them, but with the
    /// plans' texts analysed once and kept (`AnalyzedPlanCache`).
    public func search(_ request: SearchRequest) throws -> (SearchResults, [Snippet?]) {
        // A server answers many faceted searches: the facet values are worth
        // numbering from the first one on (FacetCounter.fewMatches).
        if request.wantFacets { _ = try snapshot.facetOrdinals() }
        let results = try service.engine.search(request)
        let snippets: [Snippet?] = results.hits.map { hit in
            guard let plan = analyzedPlans.plan(hit.record) else { return nil }
            return service.snippetBuilder.snippet(of: plan.bytes,
                                                  marks: plan.marks(for: results.query, citations: hit.matchedCitations))
        }
        return (results, snippets)
    }

    /// The graph and directories, from one read of every live record.
    private func loadDirectories() throws -> Directories {
        try directories.get {
            let records = try snapshot.liveRecords()
            return Directories(citations: CitationGraph(records: records), agencies: AgencyDirectory(records: records),
                               topics: TopicDirectory(records: records))
        }
    }
}
