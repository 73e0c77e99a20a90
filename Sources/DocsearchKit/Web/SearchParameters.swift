/// The search a request asks for: its query text and filters, read from
/// `q`, `agency`, `topic`, `year`, `type`, `cites` and `place`, plus the
/// paging the route reads (`limit`/`offset` for the API, `page` for pages).
public struct SearchParameters: Sendable, Equatable {
    public var query: String
    /// Filters as given, in facet order, to echo them in forms and links.
    public var filters: [(facet: FacetName, value: String)]

    public static let maxLimit = 1000
    public static let maxOffset = 100_000

    public init(query: String, filters: [(facet: FacetName, value: String)]) {
        self.query = query
        self.filters = filters
    }

    /// Reads the parameters; a `year` that is not "2023" or "2021-2023" is a bad parameter.
    public init(_ request: HTTPRequest) throws {
        query = request.queryValue("q") ?? ""
        filters = []
        for facet in FacetName.allCases {
            for value in request.queryValues(facet.rawValue) {
                let trimmed = value.trimmingSpaces()
                guard !trimmed.isEmpty else { continue }
                if facet == .year, SearchFilter.years(trimmed) == nil {
                    throw WebError.badParameter(name: "year", value: value, expected: "a year (2023) or a range of years (2021-2023)")
                }
                filters.append((facet, trimmed))
            }
        }
    }

    /// The filters as the engine takes them.
    public var searchFilters: [SearchFilter] {
        filters.compactMap { f in
            f.facet == .year ? SearchFilter.years(f.value) : SearchFilter(facet: f.facet.rawValue, value: .text(f.value))
        }
    }

    /// The first value given for `facet`, or "".
    public func value(of facet: FacetName) -> String {
        filters.first { $0.facet == facet }?.value ?? ""
    }

    public func has(_ facet: FacetName, _ value: String) -> Bool {
        filters.contains { $0.facet == facet && $0.value == value }
    }

    /// The query-string pairs that repeat this search (without paging).
    public var items: [(String, String)] {
        [("q", query)] + filters.map { ($0.facet.rawValue, $0.value) }
    }

    public var isEmpty: Bool { query.trimmingSpaces().isEmpty && filters.isEmpty }

    /// This search with `facet` set to `value` (replacing its previous values), or cleared when `value` is nil.
    public func setting(_ facet: FacetName, to value: String?) -> SearchParameters {
        var copy = self
        copy.filters.removeAll { $0.facet == facet }
        if let value { copy.filters.append((facet, value)) }
        let order = { (f: FacetName) in FacetName.allCases.firstIndex(of: f) ?? 0 }
        copy.filters.sort { order($0.facet) < order($1.facet) }
        return copy
    }

    public static func == (a: SearchParameters, b: SearchParameters) -> Bool {
        a.query == b.query && a.filters.map(\.facet) == b.filters.map(\.facet) && a.filters.map(\.value) == b.filters.map(\.value)
    }

    /// An integer parameter in `range`, `defaultValue` when absent or empty.
    public static func integer(_ name: String, in request: HTTPRequest, default defaultValue: Int,
                               range: ClosedRange<Int>) throws -> Int {
        guard let text = request.queryValue(name), !text.isEmpty else { return defaultValue }
        guard let n = Int(text), range.contains(n) else {
            throw WebError.badParameter(name: name, value: text,
                                        expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
