/// The answer to a `SearchRequest`.
public struct SearchResults: Sendable {
    public struct Hit: Sendable {
        public var record: PlanRecord
        public var score: Double
        /// The cited documents of this plan that the query's references matched.
        public var matchedCitations: [CitationRecord]
        public var segment: Int
        public var doc: Int
    }

    public struct FacetCount: Sendable, Equatable, Codable {
        public var value: String
        public var count: Int
    }

    public var query: Query
    /// Plans that match, before `limit` and `offset`.
    public var total: Int
    /// False when plans that could not reach the top were skipped uncounted:
    /// `total` is then a lower bound.
    public var totalIsExact: Bool
    public var hits: [Hit]
    /// True when no plan had all the words and plans with some of them are shown.
    public var relaxed: Bool
    /// Counts per facet over all matching plans, most frequent first.
    public var facets: [String: [FacetCount]]

    public init(query: Query, total: Int, totalIsExact: Bool = true, hits: [Hit], relaxed: Bool,
                facets: [String: [FacetCount]]) {
        self.query = query; self.total = total; self.totalIsExact = totalIsExact; self.hits = hits
        self.relaxed = relaxed; self.facets = facets
    }
}
