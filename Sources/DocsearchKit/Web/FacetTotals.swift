/// Facet value counts over every live plan of a snapshot (not one search):
/// the choices of the search form and of `/api/agencies`, `/api/topics`.
enum FacetTotals {
    static func count(in snapshot: IndexSnapshot) throws -> [String: [SearchResults.FacetCount]] {
        var counts: [String: [String: Int]] = [:]
        for (s, segment) in snapshot.segments.enumerated() {
            let columns = try segment.facetColumns()
            for (name, column) in columns where !name.contains(".") {
                var perOrdinal = [Int](repeating: 0, count: column.values.count)
                for d in 0..<segment.documentCount where !snapshot.isDeleted(segment: s, doc: d) {
                    for o in column.ordinals(of: d) where Int(o) < perOrdinal.count { perOrdinal[Int(o)] += 1 }
                }
                for (o, n) in perOrdinal.enumerated() where n > 0 { counts[name, default: [:]][column.values[o], default: 0] += n }
            }
        }
        return counts.mapValues { values in
            values.map { SearchResults.FacetCount(value: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
    }

    /// The values of `facet` for one plan.
    static func values(of facet: String, segment: Int, doc: Int, in snapshot: IndexSnapshot) -> [String] {
        guard segment < snapshot.segments.count, let column = try? snapshot.segments[segment].facetColumns()[facet] else { return [] }
        return column.values(of: doc)
    }
}
