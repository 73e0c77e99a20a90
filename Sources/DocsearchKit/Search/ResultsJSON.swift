import Foundation

/// The JSON shape of search results, shared by `docsearch --json` and the HTTP API:
/// `{"query", "total", "hits": [{"id", "path", "score", "title", "number",
/// "issuer", "date", "citations", "snippet"}], "facets"}`.
public struct ResultsJSON: Codable, Sendable {
    public struct Hit: Codable, Sendable {
        public var id: String
        public var path: String
        public var score: Double
        public var title: String
        public var number: String?
        public var issuer: String?
        public var date: String?
        public var place: String?
        /// The cited documents that the query's references matched.
        public var citations: [CitationRecord]
        public var snippet: String?
        /// Highlighted parts of the snippet: UTF-16 offset and length.
        public var highlights: [[Int]]?
    }

    public var query: String
    public var total: Int
    /// False when `total` is a lower bound (plans that could not rank were skipped uncounted).
    public var totalIsExact: Bool
    public var offset: Int
    public var relaxed: Bool
    public var hits: [Hit]
    public var facets: [String: [SearchResults.FacetCount]]?

    public init(_ results: SearchResults, request: SearchRequest, snippets: [Snippet?], includeFacets: Bool) {
        query = request.query
        total = results.total
        totalIsExact = results.totalIsExact
        offset = request.offset
        relaxed = results.relaxed
        hits = zip(results.hits, snippets + Array(repeating: nil, count: max(0, results.hits.count - snippets.count))).map { hit, snippet in
            Hit(id: hit.record.id, path: hit.record.path, score: (hit.score * 1000).rounded() / 1000, title: hit.record.title,
                number: hit.record.number, issuer: hit.record.issuer, date: hit.record.date, place: hit.record.place,
                citations: hit.matchedCitations, snippet: snippet?.text,
                highlights: snippet.map { $0.utf16Highlights.map { [$0.start, $0.length] } })
        }
        facets = includeFacets ? results.facets : nil
    }

    /// The compact JSON text, keys sorted: what `JSONText.encode(self)` gives,
    /// written by hand (`JSONWriter`) because it is the server's hottest answer.
    public func encoded() -> String { String(decoding: encodedBytes(), as: UTF8.self) }

    /// `encoded()` as UTF-8 bytes, as the server sends them.
    public func encodedBytes() -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        if let facets {
            w.key("facets")
            w.beginObject()
            for name in facets.keys.sorted() {
                w.array(name, facets[name]) { w, f in
                    w.beginObject()
                    w.key("count"); w.int(f.count)
                    w.key("value"); w.string(f.value)
                    w.endObject()
                }
            }
            w.endObject()
        }
        w.array("hits", hits) { w, h in h.write(to: &w) }
        w.key("offset"); w.int(offset)
        w.key("query"); w.string(query)
        w.key("relaxed"); w.bool(relaxed)
        w.key("total"); w.int(total)
        w.key("totalIsExact"); w.bool(totalIsExact)
        w.endObject()
        return w.bytes
    }
}

extension ResultsJSON.Hit {
    fileprivate func write(to w: inout JSONWriter) {
        w.beginObject()
        w.array("citations", citations) { w, c in c.write(to: &w) }
        w.string("date", date)
        w.array("highlights", highlights) { w, pair in
            w.beginArray()
            for n in pair { w.int(n) }
            w.endArray()
        }
        w.string("id", id)
        w.string("issuer", issuer)
        w.string("number", number)
        w.string("path", path)
        w.string("place", place)
        w.key("score"); w.double(score)
        w.string("snippet", snippet)
        w.string("title", title)
        w.endObject()
    }
}

extension CitationRecord {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.string("date", date)
        w.string("issuer", issuer)
        w.string("issuerAgency", issuerAgency)
        w.string("key", key)
        w.string("kind", kind)
        w.strings("lookupKeys", lookupKeys)
        w.int("mentions", mentions)
        w.int("number", number)
        w.string("role", role)
        w.strings("roles", roles)
        w.string("symbol", symbol)
        w.int("year", year)
        w.endObject()
    }
}

/// Encodes values as JSON text with stable key order and readable Unicode.
public enum JSONText {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) -> String {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? e.encode(value) else { return "{\"error\":\"could not encode the result\"}" }
        return String(decoding: data, as: UTF8.self)
    }
}
