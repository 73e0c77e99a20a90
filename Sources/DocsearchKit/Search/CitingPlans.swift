/// The exact set of plans that cite one document, as `docsearch cites X` gives it:
/// the reference parsed from the user's words, matched against what plans cite
/// (never against a plan's own number: a plan does not cite itself), every match
/// returned, best first.
public enum CitingPlans {
    /// All plans citing the document `text` names ("Chỉ thị 44-CT/TW", "1373/QĐ-TTg",
    /// "Quyết định 1373"); throws `SearchError.notAReference` when it names none.
    public static func find(_ text: String, in snapshot: IndexSnapshot) throws -> (query: Query, results: SearchResults) {
        guard let reference = Citation.parseReference(text) else { throw SearchError.notAReference(text) }
        var ref = QueryReferences.reference(reference, text: text)
        ref.keys = ref.keys.filter { $0.field != .ownNumber }
        var query = Query(text: text)
        query.references = [ref]
        let engine = SearchEngine(snapshot: snapshot)
        let page = 1000
        var request = SearchRequest(query: text, limit: page, wantFacets: false, exactTotal: true)
        var results = try engine.search(query, request: request)
        // Page through the rest: a much-cited directive has thousands of plans.
        while results.hits.count < results.total, request.offset + page <= 100_000 {
            request = SearchRequest(query: text, limit: page, offset: request.offset + page, wantFacets: false,
                                    exactTotal: true)
            let more = try engine.search(query, request: request)
            if more.hits.isEmpty { break }
            results.hits += more.hits
        }
        return (query, results)
    }
}
