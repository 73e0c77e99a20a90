import Foundation

/// Counts facet values over plans: the plans matching a search (its facets,
/// the most frequent `perFacet` values of each) or every live plan of a
/// snapshot (the web form's choices: every value). Facets named "x.alias"
/// are search forms of "x" and not counted.
enum FacetCounter {
    static let perFacet = 10

    /// Over the live plans among `matches` (a search finds no others): at
    /// most `limit` values per facet, most frequent first.
    static func count(_ matches: MatchedPlans, snapshot: IndexSnapshot,
                      limit: Int = perFacet) throws -> [String: [SearchResults.FacetCount]] {
        if !snapshot.hasFacetOrdinals && matches.count <= fewMatches {
            return try countByText(matches, snapshot: snapshot, limit: limit)
        }
        var tally = try Tally(snapshot)
        for (s, docs) in matches.perSegment.enumerated() where !docs.isEmpty { tally.add(segment: s, docs: docs) }
        return tally.counts(limit: limit)
    }

    /// Up to this many matches, a process that has not yet numbered the
    /// snapshot's facet values counts them by text: numbering every value
    /// (about 7 ms for 20,000 plans) costs more than one search over few
    /// plans, the CLI's only search. The server numbers them at once.
    static let fewMatches = 500

    /// Each segment counts its own ordinals; only the values counted become
    /// text, to be added up across segments.
    private static func countByText(_ matches: MatchedPlans, snapshot: IndexSnapshot,
                                     limit: Int) throws -> [String: [SearchResults.FacetCount]] {
        var perFacet: [String: [TextKey: Int]] = [:]
        for (s, docs) in matches.perSegment.enumerated() where !docs.isEmpty {
            // One walk per column over the segment's matches: a (name, column)
            // pair copied per match and column retained the column's storage
            // each time, nine tenths of counting 188 matches (perf).
            for (name, column) in try snapshot.segments[s].facetColumnsByName() where FacetOrdinals.isCounted(name) {
                var perOrdinal: [Int: Int] = [:]
                column.forEachOrdinal(of: docs.lazy.map { Int($0) }) { _, o in perOrdinal[o, default: 0] += 1 }
                let valueCount = column.values.count
                for (o, n) in perOrdinal where o < valueCount {
                    perFacet[name, default: [:]][TextKey(column.values[o]), default: 0] += n
                }
            }
        }
        return perFacet.mapValues { counts in
            top(counts.map { ($0.key, $0.value) }, limit: limit).map { SearchResults.FacetCount(value: $0.0.text, count: $0.1) }
        }
    }

    /// A facet value hashed and ordered by its UTF-8 bytes, as slots order
    /// them, without the normalising hash `String` does for non-ASCII text.
    struct TextKey: Hashable, Comparable {
        let text: String
        init(_ text: String) { self.text = text }

        func hash(into hasher: inout Hasher) {
            var t = text
            t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }

        static func == (a: TextKey, b: TextKey) -> Bool { FacetOrdinals.compareBytes(a.text, b.text) == 0 }
        static func < (a: TextKey, b: TextKey) -> Bool { FacetOrdinals.compareBytes(a.text, b.text) < 0 }
    }

    /// Over every live plan of the snapshot: every value of every facet, most frequent first.
    static func countAll(in snapshot: IndexSnapshot) throws -> [String: [SearchResults.FacetCount]] {
        var tally = try Tally(snapshot)
        var live = [[UInt32]](repeating: [], count: snapshot.segments.count)
        snapshot.forEachLiveDocument { s, d in live[s].append(UInt32(truncatingIfNeeded: d)) }
        for (s, docs) in live.enumerated() { tally.add(segment: s, docs: docs) }
        return tally.counts(limit: .max)
    }

    /// Plans per value, in one flat array indexed by the snapshot's facet
    /// slots (`FacetOrdinals`): each plan adds one to each of its slots.
    private struct Tally {
        let snapshot: IndexSnapshot
        let ordinals: FacetOrdinals
        var perValue: [Int]

        init(_ snapshot: IndexSnapshot) throws {
            self.snapshot = snapshot
            ordinals = try snapshot.facetOrdinals()
            perValue = [Int](repeating: 0, count: ordinals.slotCount)
        }

        mutating func add(segment s: Int, docs: [UInt32]) {
            guard s >= 0 && s < ordinals.segments.count else { return }
            let segment = ordinals.segments[s]
            let count = min(snapshot.segments[s].documentCount, segment.ends.count)
            perValue.withUnsafeMutableBufferPointer { counts in
                segment.ends.withUnsafeBufferPointer { ends in
                    segment.slots.withUnsafeBufferPointer { slots in
                        /// Adds `step` to the count of each of plan d's slots.
                        @inline(__always) func add(_ d: Int, _ step: Int) {
                            let start = d == 0 ? 0 : Int(ends[d - 1]), end = min(Int(ends[d]), slots.count)
                            guard start < end else { return }
                            for k in start..<end { counts[Int(slots[k])] += step }
                        }
                        snapshot.deleted[s].withUnsafeBufferPointer { deleted in
                            func isLive(_ d: Int) -> Bool { d >= deleted.count || !deleted[d] }
                            // Most of the segment's plans ("kế hoạch" matches nearly
                            // all): take the segment's live totals and count the
                            // others off, walking past the matches (live plans in
                            // increasing order, as a search finds them).
                            guard docs.count * 2 > segment.liveCount, Self.areInOrder(docs, below: count) else {
                                for d in docs where Int(d) < count && isLive(Int(d)) { add(Int(d), 1) }
                                return
                            }
                            segment.liveTotals.withUnsafeBufferPointer { totals in
                                for slot in 0..<min(counts.count, totals.count) { counts[slot] += Int(totals[slot]) }
                            }
                            var next = 0
                            for match in docs {
                                let d = Int(match)
                                while next < d {
                                    if isLive(next) { add(next, -1) }
                                    next += 1
                                }
                                next = d + 1
                            }
                            while next < count {
                                if isLive(next) { add(next, -1) }
                                next += 1
                            }
                        }
                    }
                }
            }
        }

        /// Whether `docs` are plans below `count` in increasing order (a
        /// search's matches): only then are the others the plans to count off.
        private static func areInOrder(_ docs: [UInt32], below count: Int) -> Bool {
            var previous = -1
            for match in docs {
                let d = Int(match)
                guard d > previous, d < count else { return false }
                previous = d
            }
            return true
        }

        /// Each facet with a value counted: its `limit` most frequent
        /// values, ties in value order (slot order is value order).
        func counts(limit: Int) -> [String: [SearchResults.FacetCount]] {
            var out: [String: [SearchResults.FacetCount]] = [:]
            perValue.withUnsafeBufferPointer { counts in
                for facet in ordinals.facets {
                    let slots = facet.base..<min(facet.base + facet.values.count, counts.count)
                    let best = FacetCounter.top(slots, limit: limit) { counts[$0] }
                    if !best.isEmpty {
                        out[facet.name] = best.map { SearchResults.FacetCount(value: facet.values[$0.0 - facet.base], count: $0.1) }
                    }
                }
            }
            return out
        }
    }

    /// The `limit` slots of `slots` with the highest nonzero `count`, ties
    /// in slot order, without a list of every slot's count: most slots cost
    /// a load and a comparison with the last one kept.
    static func top(_ slots: Range<Int>, limit: Int, count: (Int) -> Int) -> [(Int, Int)] {
        guard limit > 0 else { return [] }
        guard limit < slots.count else {
            return top(slots.compactMap { count($0) > 0 ? ($0, count($0)) : nil }, limit: limit)
        }
        var kept: [(Int, Int)] = []
        kept.reserveCapacity(limit + 1)
        for slot in slots {
            let n = count(slot)
            // Slots come in order: a tie with the last kept loses to it.
            guard n > 0, kept.count < limit || n > kept[limit - 1].1 else { continue }
            var at = kept.count
            while at > 0 && n > kept[at - 1].1 { at -= 1 }
            kept.insert((slot, n), at: at)
            if kept.count > limit { kept.removeLast() }
        }
        return kept
    }

    /// The `limit` most frequent keys, ties in key order. The best `limit`
    /// are kept in order in a small array, and most keys cost one comparison
    /// with the last one kept: sorting every count of a facet with thousands of
    /// values (agencies) was a tenth of a faceted search over 20,000 plans (perf).
    static func top<Key: Comparable>(_ counts: [(Key, Int)], limit: Int) -> [(Key, Int)] {
        func precedes(_ a: (Key, Int), _ b: (Key, Int)) -> Bool { a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }
        guard limit > 0 else { return [] }
        guard limit < counts.count else { return counts.sorted(by: precedes) }
        var kept: [(Key, Int)] = []
        kept.reserveCapacity(limit + 1)
        for entry in counts {
            if kept.count == limit && !precedes(entry, kept[limit - 1]) { continue }
            var at = kept.count
            while at > 0 && precedes(entry, kept[at - 1]) { at -= 1 }
            kept.insert(entry, at: at)
            if kept.count > limit { kept.removeLast() }
        }
        return kept
    }
}
