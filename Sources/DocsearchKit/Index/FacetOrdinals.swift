/// One numbering of the facet values of all a snapshot's segments: each
/// facet's values in UTF-8 byte order (which is `String` order for NFC text)
/// take consecutive slots, and each segment column maps its own ordinals to
/// those slots. Counting into slots needs no merging by text across segments
/// (a dictionary of values per search was a fifth of faceted search, perf),
/// and slot order within a facet is value order.
public struct FacetOrdinals: Sendable {
    public struct Facet: Sendable {
        public let name: String
        /// Distinct values, in byte order.
        public let values: [String]
        /// The slot of `values[0]`.
        public let base: Int
    }

    /// One segment's column and where its ordinals go.
    public struct Column: Sendable {
        /// Index into `facets`.
        public let facet: Int
        public let column: SegmentReader.FacetColumn
        /// Segment ordinal → slot.
        public let slots: [Int32]
    }

    /// In name order.
    public let facets: [Facet]
    /// Per segment, its columns in name order.
    public let columns: [[Column]]
    public let slotCount: Int

    public init(segments: [SegmentReader]) throws {
        let perSegment = try segments.map { try $0.facetColumnsByName() }
        let names = Set(perSegment.flatMap { $0.map(\.name) }).sorted()
        var facets: [Facet] = []
        var slotOf: [String: [String: Int32]] = [:]
        var base = 0
        for name in names {
            var distinct = Set<String>()
            for segment in perSegment { for c in segment where c.name == name { distinct.formUnion(c.column.values) } }
            let values = distinct.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            var slots: [String: Int32] = [:]
            for (i, v) in values.enumerated() { slots[v] = Int32(base + i) }
            slotOf[name] = slots
            facets.append(Facet(name: name, values: values, base: base))
            base += values.count
        }
        let facetIndex = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        columns = perSegment.map { segment in
            segment.map { c in
                let slots = slotOf[c.name]!
                return Column(facet: facetIndex[c.name]!, column: c.column, slots: c.column.values.map { slots[$0]! })
            }
        }
        self.facets = facets
        slotCount = base
    }
}
