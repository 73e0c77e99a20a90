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
        let query = (request.queryValue("q") ?? "").trimmingSpaces()
        let analyzed = index.analyzedPlans.plan(record)
        let text = analyzed?.text
        var marks: [Range<Int>] = []
        if let analyzed, !query.isEmpty {
            // The query's words, and the cited documents it names ("Chỉ thị 20"), as in its snippet.
            let parsed = QueryParser().parse(query)
            marks = analyzed.marks(for: parsed, citations: SearchEngine.matchedCitations(record, parsed.references))
        }
        let graph = try index.citationGraph()
        var cited: [String: CitationGraph.Document] = [:]
        for c in record.citations { cited[c.key] = graph.document(c.key) }
        let citedBy = record.numberKey.flatMap { graph.document($0) }?.plans.filter { $0.id != record.id } ?? []
        let model = PlanPage.Model(record: record, cited: cited, citedBy: citedBy,
                                   related: RelatedPlans.related(to: record.id, in: graph, limit: Self.relatedLimit),
                                   text: text, textIsCut: analyzed?.isCut ?? false, query: query, marks: marks)
        return .html(PlanPage.html(model))
    }

    /// A document of the citation graph by key or symbol ("44-CT/TW", "1373/QĐ-TTg"); else
    /// what the words name, as `docsearch cites` finds it ("Chỉ thị 44", "Quyết định 1373").
    func citationPage(key: String, index: LoadedIndex) throws -> HTTPResponse {
        if let document = try index.citationGraph().document(key) { return .html(CitationPage.html(document)) }
        guard Citation.parseReference(key) != nil else { throw WebError.notFound("no plan cites \(key)") }
        let (query, results) = try CitingPlans.find(key, in: index.snapshot)
        guard !results.hits.isEmpty else { throw WebError.notFound("no plan cites \(key)") }
        let citing = results.hits.map { hit in
            CitationGraph.CitingPlan(id: hit.record.id, path: hit.record.path, title: hit.record.title, number: hit.record.number,
                                     roles: Set(hit.matchedCitations.flatMap(\.allRoles)).compactMap(CitationRole.init).sorted().map(\.rawValue))
        }
        let label = query.references.map(\.text).joined(separator: ", ")
        let symbols = PageLayout.metaLine(Array(Set(results.hits.flatMap { $0.matchedCitations.map { $0.kind + " " + $0.symbol } })).sorted())
        return .html(CitationPage.html(label: label.isEmpty ? key : label, about: symbols, citing: citing))
    }
}
