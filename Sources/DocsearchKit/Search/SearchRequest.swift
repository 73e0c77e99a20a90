/// What to search for, how many hits, and which filters apply.
public struct SearchRequest: Sendable {
    public var query: String
    public var limit: Int
    public var offset: Int
    public var filters: [SearchFilter]
    public var wantFacets: Bool
    /// Count every match, however many. Without it (and without facets, which
    /// visit every match anyway), a total past `SearchEngine.totalLimit` is a
    /// lower bound, and the query skips what cannot reach the top.
    public var exactTotal: Bool

    public init(query: String, limit: Int = 10, offset: Int = 0, filters: [SearchFilter] = [], wantFacets: Bool = true,
                exactTotal: Bool = false) {
        self.query = query
        self.limit = max(0, min(limit, 1000))
        self.offset = max(0, min(offset, 100_000))
        self.filters = filters
        self.wantFacets = wantFacets
        self.exactTotal = exactTotal
    }
}

/// A restriction on a facet ("agency", "topic", "year", "type", "cites", "place").
/// Text values match the way queries do: folded, every word present, any order
/// ("so gddt long an" finds "Sở GD&ĐT tỉnh Long An").
public struct SearchFilter: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case range(Int, Int)
    }

    public var facet: String
    public var value: Value

    public init(facet: String, value: Value) { self.facet = facet; self.value = value }

    /// Parses "2023" or "2021-2023" for the year facet.
    public static func years(_ text: String) -> SearchFilter? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        if parts.count == 1, let y = Int(parts[0]) { return SearchFilter(facet: "year", value: .range(y, y)) }
        if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a <= b {
            return SearchFilter(facet: "year", value: .range(a, b))
        }
        return nil
    }
}

import Foundation
