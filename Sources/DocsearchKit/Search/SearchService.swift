import Foundation

/// Search with everything a person sees: hits, their snippets and the
/// citations matched. Shared by the CLI and the HTTP server.
public struct SearchService: Sendable {
    public let engine: SearchEngine
    public var snippetBuilder = SnippetBuilder()

    public init(snapshot: IndexSnapshot) { engine = SearchEngine(snapshot: snapshot) }

    public func search(_ request: SearchRequest) throws -> (SearchResults, [Snippet?]) {
        let results = try engine.search(request)
        let snippets = results.hits.map { snippet(for: $0, query: results.query) }
        return (results, snippets)
    }

    /// A snippet around the query's words and the matched citations, drawn
    /// from the start of the plan's text (`PlanLookup.shownText`), or nil
    /// when the file can no longer be read. The text is tokenised once for both.
    public func snippet(for hit: SearchResults.Hit, query: Query) -> Snippet? {
        guard let shown = PlanLookup.shownText(of: hit.record) else { return nil }
        let analyzed = AnalyzedText(shown.text)
        let marks = snippetBuilder.matches(in: analyzed, query: query)
            + CitationMarks.ranges(in: analyzed, matching: hit.matchedCitations)
        return snippetBuilder.snippet(of: analyzed.bytes, marks: marks)
    }
}

/// Where the matched cited documents are written in a plan's text.
enum CitationMarks {
    static func ranges(in text: AnalyzedText, matching citations: [CitationRecord]) -> [Range<Int>] {
        guard !citations.isEmpty else { return [] }
        let keys = Set(citations.map(\.key))
        return CitationExtractor().mentions(in: text).filter { keys.contains($0.citation.key) }.map(\.byteRange)
    }
}
