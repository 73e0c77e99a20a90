import Foundation

/// The JSON routes under /api.
extension WebApplication {
    func apiSearch(_ request: HTTPRequest, index: LoadedIndex) throws -> HTTPResponse {
        let parameters = try SearchParameters(request)
        let limit = try SearchParameters.integer("limit", in: request, default: 10, range: 0...SearchParameters.maxLimit)
        let offset = try SearchParameters.integer("offset", in: request, default: 0, range: 0...SearchParameters.maxOffset)
        let searchRequest = SearchRequest(query: parameters.query, limit: limit, offset: offset, filters: parameters.searchFilters)
        let (results, snippets) = try index.search(searchRequest)
        return .json(ResultsJSON(results, request: searchRequest, snippets: snippets, includeFacets: true).encoded())
    }

    func apiPlan(id: String, index: LoadedIndex) throws -> HTTPResponse {
        .json(JSONText.encode(try findPlan(id, index: index).record))
    }

    /// `{"total": documents, "citations": [{"key", "symbol", "kind", "plans"}]}`, most cited first.
    func apiCitations(_ request: HTTPRequest, index: LoadedIndex) throws -> HTTPResponse {
        struct Body: Encodable { var total: Int; var citations: [CitationCount] }
        let all = try index.citedDocuments()
        let limit = try SearchParameters.integer("limit", in: request, default: all.count, range: 0...Int(Int32.max))
        return .json(JSONText.encode(Body(total: all.count, citations: Array(all.prefix(limit)))))
    }

    /// `{"facet": name, "plans": live plans, "values": [{"value", "count"}]}`, most frequent first.
    func apiFacet(_ facet: FacetName, index: LoadedIndex) throws -> HTTPResponse {
        struct Body: Encodable { var facet: String; var plans: Int; var values: [SearchResults.FacetCount] }
        return .json(JSONText.encode(Body(facet: facet.rawValue, plans: index.snapshot.documentCount,
                                          values: try index.totals(of: facet.rawValue))))
    }
}
