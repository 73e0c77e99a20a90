import Foundation

/// Counts facet values over plans: the plans matching a search (its facets,
/// the most frequent `perFacet` values of each) or every live plan of a
/// snapshot (the web form's choices: every value). Facets named "x.alias"
/// are search forms of "x" and not counted.
enum FacetCounter {
    static let perFacet = 10

    /// Over the matching plans, as (segment, doc) in segment order: at most
    /// `limit` values per facet, most frequent first.
    static func count(_ matches: [(Int, Int)], snapshot: IndexSnapshot,
                      limit: Int = perFacet) throws -> [String: [SearchResults.FacetCount]] {
        var tally = try Tally(snapshot)
        var i = 0
        while i < matches.count {
            let s = matches[i].0
            var docs: [Int] = []
            while i < matches.count && matches[i].0 == s { docs.append(matches[i].1); i += 1 }
            tally.add(segment: s, docs: docs)
        }
        return tally.counts(limit: limit)
    }

    /// Over every live plan of the snapshot: every value of every facet, most frequent first.
    static func countAll(in snapshot: IndexSnapshot) throws -> [String: [SearchResults.FacetCount]] {
        var tally = try Tally(snapshot)
        var live = [[Int]](repeating: [], count: snapshot.segments.count)
        snapshot.forEachLiveDocument { s, d in live[s].append(d) }
        for (s, docs) in live.enumerated() { tally.add(segment: s, docs: docs) }
        return tally.counts(limit: .max)
    }

    /// Plans per value, in one flat array: each segment's counted columns
    /// (name order) take `values.count` slots from their base. Counting walks
    /// one column at a time over a segment's plans, over contiguous buffers
    /// (about 1.5 µs a plan before, with an array per column).
    private struct Tally {
        let columns: [[(name: String, column: SegmentReader.FacetColumn)]]
        let bases: [[Int]]
        var perValue: [Int]
        /// The slots counted at least once, so that reading the counts
        /// visits only those (a search touches few of a column's values).
        var touched: [Int] = []

        init(_ snapshot: IndexSnapshot) throws {
            var columns: [[(name: String, column: SegmentReader.FacetColumn)]] = []
            var bases: [[Int]] = []
            var slots = 0
            for segment in snapshot.segments {
                let counted = try segment.facetColumnsByName().filter { !$0.name.utf8.contains(UInt8(ascii: ".")) }
                columns.append(counted)
                bases.append(counted.map { c in defer { slots += c.column.values.count }; return slots })
            }
            self.columns = columns
            self.bases = bases
            perValue = [Int](repeating: 0, count: slots)
        }

        mutating func add(segment s: Int, docs: [Int]) {
            guard s >= 0 && s < columns.count else { return }
            for (c, entry) in columns[s].enumerated() {
                let base = bases[s][c], valueCount = entry.column.values.count
                let ends = entry.column.ends, ordinals = entry.column.ordinals
                perValue.withUnsafeMutableBufferPointer { counts in
                    for d in docs where d >= 0 && d < ends.count {
                        let start = d == 0 ? 0 : Int(ends[d - 1]), end = min(Int(ends[d]), ordinals.count)
                        guard start < end else { continue }
                        for k in start..<end where Int(ordinals[k]) < valueCount {
                            let slot = base + Int(ordinals[k])
                            if counts[slot] == 0 { touched.append(slot) }
                            counts[slot] += 1
                        }
                    }
                }
            }
        }

        func counts(limit: Int) -> [String: [SearchResults.FacetCount]] {
            // Slots are laid out column after column in increasing bases, so
            // one walk over the sorted touched slots meets each column in turn.
            let flat = columns.enumerated().flatMap { s, segmentColumns in
                segmentColumns.enumerated().map { c, entry in (base: bases[s][c], entry: entry) }
            }
            var perColumn = [[(ordinal: Int, count: Int)]](repeating: [], count: flat.count)
            // Many touched slots (a search over most plans): walking every slot
            // in order beats sorting the touched ones.
            let slots = touched.count > perValue.count / 8
                ? perValue.indices.filter { perValue[$0] > 0 } : touched.sorted()
            // Plain numbers for the walk: reading a column out of `flat` per slot
            // copied it (and retained what it holds) thousands of times a search.
            let starts = flat.map(\.base), ends = flat.map { $0.base + $0.entry.column.values.count }
            var c = 0
            for slot in slots {
                while c < ends.count && slot >= ends[c] { c += 1 }
                guard c < ends.count, slot >= starts[c] else { continue }
                perColumn[c].append((slot - starts[c], perValue[slot]))
            }
            var columnsByName: [String: [Int]] = [:]
            for c in perColumn.indices where !perColumn[c].isEmpty { columnsByName[flat[c].entry.name, default: []].append(c) }
            var out: [String: [SearchResults.FacetCount]] = [:]
            for (name, cs) in columnsByName {
                // One segment's column holds each value once: no merging needed.
                if cs.count == 1 {
                    let values = flat[cs[0]].entry.column.values
                    out[name] = FacetCounter.top(perColumn[cs[0]].map { (FacetValue(values[$0.ordinal]), $0.count) }, limit: limit)
                    continue
                }
                var merged: [FacetValue: Int] = [:]
                for c in cs {
                    let values = flat[c].entry.column.values
                    for (o, n) in perColumn[c] { merged[FacetValue(values[o]), default: 0] += n }
                }
                out[name] = FacetCounter.top(merged.map { ($0.key, $0.value) }, limit: limit)
            }
            return out
        }
    }

    /// The `limit` most frequent values, ties in value order. Only the values
    /// that can make the cut are compared by text, and of those tied at the
    /// cut only as many as are needed are kept (a search over a few plans ties
    /// most values at a count of one).
    static func top(_ counts: [(FacetValue, Int)], limit: Int) -> [SearchResults.FacetCount] {
        typealias Entry = (value: FacetValue, count: Int)
        let order = { (a: Entry, b: Entry) -> Bool in a.count != b.count ? a.count > b.count : a.value < b.value }
        let all: [Entry] = counts.map { (value: $0.0, count: $0.1) }
        guard limit > 0 else { return [] }
        var chosen: [Entry]
        if limit < all.count {
            let cutoff = all.map(\.count).sorted(by: >)[limit - 1]
            chosen = all.filter { $0.count > cutoff }.sorted(by: order)
            // The first values in text order among those tied at the cut.
            let need = limit - chosen.count
            var tied: [Entry] = []
            for e in all where e.count == cutoff {
                if tied.count == need, let last = tied.last, !(e.value < last.value) { continue }
                let at = tied.firstIndex { e.value < $0.value } ?? tied.count
                tied.insert(e, at: at)
                if tied.count > need { tied.removeLast() }
            }
            chosen += tied
        } else {
            chosen = all.sorted(by: order)
        }
        return chosen.map { SearchResults.FacetCount(value: $0.value.text, count: $0.count) }
    }

    /// A facet value hashed and ordered by its UTF-8 bytes: values are NFC
    /// (normalised when read), so byte order is `String` order, without the
    /// normalising hash and comparison `String` does for non-ASCII text.
    struct FacetValue: Hashable, Comparable {
        let text: String
        init(_ text: String) { self.text = text }

        func hash(into hasher: inout Hasher) {
            var t = text
            t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }

        static func == (a: FacetValue, b: FacetValue) -> Bool { compare(a, b) == 0 }
        static func < (a: FacetValue, b: FacetValue) -> Bool { compare(a, b) < 0 }

        /// Byte order of the UTF-8 texts (memcmp, then length).
        private static func compare(_ a: FacetValue, _ b: FacetValue) -> Int {
            var x = a.text, y = b.text
            return x.withUTF8 { xb in
                y.withUTF8 { yb in
                    let n = min(xb.count, yb.count)
                    if n > 0, let xp = xb.baseAddress, let yp = yb.baseAddress {
                        let c = Int(memcmp(xp, yp, n))
                        if c != 0 { return c }
                    }
                    return xb.count - yb.count
                }
            }
        }
    }
}
