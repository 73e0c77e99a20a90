/// The JSON shapes of the metadata listings, one each, shared by the commands
/// (`docsearch citations|agencies|topics|related --json`) and the HTTP API
/// (`/api/citations`, `/api/agencies`, `/api/topics`, `/api/plans/{id}/related`).
public enum MetadataJSON {
    /// `{"plans", "total", "documents": [CitationGraph.Document]}`: `total` documents
    /// cited by `plans` plans, the first `limit` of them listed, most cited first.
    public struct Citations: Codable, Sendable {
        public var plans: Int
        public var total: Int
        public var documents: [CitationGraph.Document]

        public init(_ graph: CitationGraph, limit: Int = .max) {
            plans = graph.planCount
            total = graph.documents.count
            documents = Array(graph.documents.prefix(max(0, limit)))
        }
    }

    /// `{"total", "agencies": [AgencyDirectory.Entry]}`, the first `limit` listed, most plans first.
    public struct Agencies: Codable, Sendable {
        public var total: Int
        public var agencies: [AgencyDirectory.Entry]

        public init(_ directory: AgencyDirectory, limit: Int = .max) {
            total = directory.entries.count
            agencies = Array(directory.entries.prefix(max(0, limit)))
        }
    }

    /// `{"topics": [TopicDirectory.Entry]}`: every topic of the taxonomy, most plans first.
    public struct Topics: Codable, Sendable {
        public var topics: [TopicDirectory.Entry]

        public init(_ directory: TopicDirectory) { topics = directory.entries }
    }

    /// `{"id", "path", "title", "related": [RelatedPlan]}`: a plan and the plans related to it, best first.
    public struct Related: Codable, Sendable {
        public var id: String
        public var path: String
        public var title: String
        public var related: [RelatedPlan]

        public init(plan: PlanRecord, related: [RelatedPlan]) {
            id = plan.id; path = plan.path; title = plan.title
            self.related = related
        }
    }
}
