import Foundation

/// The JSON routes under /api. The listings answer in the shapes the
/// commands print with `--json` (`MetadataJSON`).
extension WebApplication {
    /// Most related plans `/api/plans/{id}/related` and the plan page give by default.
    static let relatedLimit = 10

    func apiSearch(_ request: HTTPRequest, index: LoadedIndex) throws -> HTTPResponse {
        let parameters = try SearchParameters(request)
        let limit = try SearchParameters.integer("limit", in: request, default: 10, range: 0...SearchParameters.maxLimit)
        let offset = try SearchParameters.integer("offset", in: request, default: 0, range: 0...SearchParameters.maxOffset)
        let searchRequest = SearchRequest(query: parameters.query, limit: limit, offset: offset, filters: parameters.searchFilters)
        let (results, snippets) = try index.search(searchRequest)
        return .json(bytes: ResultsJSON(results, request: searchRequest, snippets: snippets, includeFacets: true).encodedBytes())
    }

    /// The plan's record without its absolute path.
    func apiPlan(id: String, index: LoadedIndex) throws -> HTTPResponse {
        .json(JSONText.encode(PlanJSON(try findPlan(id, index: index).record)))
    }

    /// As `docsearch related PLAN --json`.
    func apiRelated(id: String, _ request: HTTPRequest, index: LoadedIndex) throws -> HTTPResponse {
        let plan = try findPlan(id, index: index).record
        let limit = try SearchParameters.integer("limit", in: request, default: Self.relatedLimit, range: 0...SearchParameters.maxLimit)
        return .json(JSONText.encode(MetadataJSON.Related(plan: plan, related: try index.related(to: plan.id, limit: limit))))
    }

    /// As `docsearch citations --json`.
    func apiCitations(_ request: HTTPRequest, index: LoadedIndex) throws -> HTTPResponse {
        let graph = try index.citationGraph()
        let limit = try SearchParameters.integer("limit", in: request, default: graph.documents.count, range: 0...Int(Int32.max))
        return .json(JSONText.encode(MetadataJSON.Citations(graph, limit: limit)))
    }

    /// As `docsearch agencies --json`.
    func apiAgencies(_ request: HTTPRequest, index: LoadedIndex) throws -> HTTPResponse {
        let directory = try index.agencyDirectory()
        let limit = try SearchParameters.integer("limit", in: request, default: directory.entries.count, range: 0...Int(Int32.max))
        return .json(JSONText.encode(MetadataJSON.Agencies(directory, limit: limit)))
    }

    /// As `docsearch topics --json`.
    func apiTopics(index: LoadedIndex) throws -> HTTPResponse {
        .json(JSONText.encode(MetadataJSON.Topics(try index.topicDirectory())))
    }
}
