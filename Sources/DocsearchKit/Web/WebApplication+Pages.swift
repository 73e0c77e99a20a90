import Foundation

/// The HTML routes.
extension WebApplication {
    func searchPage(_ request: HTTPRequest, index: LoadedIndex) throws -> HTTPResponse {
        let parameters = try SearchParameters(request)
        let page = try SearchParameters.integer("page", in: request, default: 1, range: 1...SearchPage.maxPage)
        let searchRequest = SearchRequest(query: parameters.query, limit: SearchPage.pageSize,
                                          offset: (page - 1) * SearchPage.pageSize, filters: parameters.searchFilters)
        let (results, snippets) = try index.search(searchRequest)
        let model = SearchPage.Model(parameters: parameters, page: page, results: results, snippets: snippets,
                                     choices: SearchForm.choices(from: index))
        return .html(SearchPage.html(model))
    }

    func planPage(id: String, request: HTTPRequest, index: LoadedIndex) throws -> HTTPResponse {
        let found = try findPlan(id, index: index)
        let record = found.record
        let query = (request.queryValue("q") ?? "").trimmingCharacters(in: .whitespaces)
        let analyzed = index.analyzedPlans.plan(record)
        let text = analyzed?.text
        var marks: [Range<Int>] = []
        if let analyzed, !query.isEmpty { marks = analyzed.marks(for: QueryParser().parse(query)) }
        var counts: [String: Int] = [:]
        if !record.citations.isEmpty {
            let keys = Set(record.citations.map(\.key))
            for c in try index.citedDocuments() where keys.contains(c.key) { counts[c.key] = c.plans }
        }
        var citedBy: [PlanRecord] = []
        if let own = record.numberKey, !own.isEmpty { citedBy = try index.citingPlans(own).filter { $0.id != record.id } }
        let model = PlanPage.Model(record: record, topics: index.values(of: FacetName.topic.rawValue, segment: found.segment, doc: found.doc),
                                   citingCounts: counts, citedBy: citedBy,
                                   related: try index.relatedPlans(to: record, segment: found.segment, doc: found.doc),
                                   text: text, query: query, marks: marks)
        return .html(PlanPage.html(model))
    }

    func citationPage(key: String, index: LoadedIndex) throws -> HTTPResponse {
        let citing = try index.citingPlans(key)
        guard !citing.isEmpty else { throw WebError.notFound("no plan cites \(key)") }
        let known = try index.citedDocuments().first { $0.key == key }
        return .html(CitationPage.html(key: key, label: known?.label ?? key, citing: citing))
    }
}
