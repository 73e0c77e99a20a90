/// Filters resolved against each segment's facet columns: per segment and
/// filter, the ordinals of the values that pass. A plan passes when, for
/// every filter, one of its values passes.
struct FilterSet {
    private typealias Passing = (column: SegmentReader.FacetColumn, ordinals: Set<UInt32>)
    /// Per segment, per filter: the columns consulted and their passing values.
    private var accepted: [[[Passing]]] = []
    private let active: Bool

    /// No filter: every plan passes.
    var isEmpty: Bool { !active }

    init(_ filters: [SearchFilter], snapshot: IndexSnapshot) throws {
        active = !filters.isEmpty
        guard active else { return }
        let analyzer = Analyzer()
        for segment in snapshot.segments {
            let columns = try segment.facetColumns()
            var perFilter: [[Passing]] = []
            for f in filters {
                // A facet "agency" also matches its aliases in "agency.alias".
                let names = columns.keys.filter { $0 == f.facet || $0.hasPrefix(f.facet + ".") }
                perFilter.append(names.compactMap { name in
                    columns[name].map { (column: $0, ordinals: Self.passingValues($0.values, f.value, analyzer: analyzer)) }
                })
            }
            accepted.append(perFilter)
        }
    }

    static func passingValues(_ values: SegmentReader.MappedStrings, _ filter: SearchFilter.Value, analyzer: Analyzer) -> Set<UInt32> {
        var out = Set<UInt32>()
        switch filter {
        case let .range(lo, hi):
            for (i, v) in values.enumerated() { if let y = Int(v), y >= lo && y <= hi { out.insert(UInt32(i)) } }
        case let .text(text):
            let wanted = analyzer.tokens(in: TextNormalizer.normalize(text)).map(\.folded)
            guard !wanted.isEmpty else { return out }
            for (i, v) in values.enumerated() where matches(wanted, analyzer.tokens(in: v).map(\.folded)) {
                out.insert(UInt32(i))
            }
        }
        return out
    }

    /// Every wanted word is in the value, either in the value's order ("so gddt long an" in
    /// "Sở GDĐT Long An", "Long An" in "tỉnh Long An") or in any order when the first wanted word
    /// is the value's first word ("sở long an gddt"). So "Phòng GDĐT" does not match
    /// "Sở GDĐT thành phố Hải Phòng", whose words are all there but scattered.
    static func matches(_ wanted: [String], _ have: [String]) -> Bool {
        guard let first = wanted.first, Set(wanted).isSubset(of: Set(have)) else { return false }
        if have.first == first { return true }
        var i = 0
        for w in have where i < wanted.count && w == wanted[i] { i += 1 }
        return i == wanted.count
    }

    /// Inlined: most searches have no filter, and the call was made for
    /// every match (callgrind).
    @inline(__always)
    func accepts(segment: Int, doc: Int) -> Bool {
        active ? passes(segment: segment, doc: doc) : true
    }

    private func passes(segment: Int, doc: Int) -> Bool {
        for passing in accepted[segment] {
            let ok = passing.contains { p in p.column.ordinals(of: doc).contains(where: p.ordinals.contains) }
            if !ok { return false }
        }
        return true
    }
}
