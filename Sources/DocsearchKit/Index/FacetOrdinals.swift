/// One numbering of the facet values of all a snapshot's segments: each
/// facet's values in UTF-8 byte order (which is `String` order for NFC text)
/// take consecutive slots, and each segment lists each plan's slots.
/// Counting into slots needs no merging by text across segments
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

    /// One segment's plans and the slots of their values, every counted
    /// facet's in one list: counting a search's matches reads each plan's
    /// slots once and adds one to each. Counting column by column, through
    /// each column's own ordinals and then their slots, was a fifth of a web
    /// search with facets over 20,000 plans (callgrind).
    public struct SegmentSlots: Sendable {
        /// Plan d's slots are `slots[ends[d - 1] ..< ends[d]]` (from 0 for plan 0).
        let ends: [UInt32]
        /// Slots, plan after plan, each plan's in facet order.
        let slots: [Int32]
        /// Per slot of the snapshot, the live plans of the segment holding
        /// it, so that a search matching most plans counts those it does not
        /// match instead.
        let liveTotals: [UInt32]
        /// The segment's live plans.
        let liveCount: Int
    }

    /// Facets named "x.alias" are search forms of facet "x": they are
    /// filtered on, never counted.
    public static func isCounted(_ facet: String) -> Bool { !facet.utf8.contains(UInt8(ascii: ".")) }

    /// In name order.
    public let facets: [Facet]
    /// Per segment.
    public let segments: [SegmentSlots]
    public let slotCount: Int

    /// Only counted facets get slots (not the search-only alias forms).
    /// `deleted` is the snapshot's bitmap of deleted plans per segment.
    public init(segments: [SegmentReader], deleted: [[Bool]] = []) throws {
        let perSegment = try segments.map { try $0.facetColumnsByName().filter { Self.isCounted($0.name) } }
        let names = Set(perSegment.flatMap { $0.map(\.name) }).sorted()
        var facets: [Facet] = []
        var slots = perSegment.map { $0.map { [Int32](repeating: 0, count: $0.column.values.count) } }
        var base = 0
        for name in names {
            var owners: [(segment: Int, column: Int)] = []
            for (s, segment) in perSegment.enumerated() {
                for (c, column) in segment.enumerated() where column.name == name { owners.append((s, c)) }
            }
            let values = Self.merge(owners.map { perSegment[$0.segment][$0.column].column.values }, base: base) { k, i, slot in
                slots[owners[k].segment][owners[k].column][i] = slot
            }
            facets.append(Facet(name: name, values: values, base: base))
            base += values.count
        }
        self.segments = zip(perSegment.indices, perSegment).map { s, columns in
            let bits = s < deleted.count ? deleted[s] : []
            return Self.segmentSlots(columns.map(\.column), slots: slots[s], documentCount: segments[s].documentCount,
                                     isLive: { bits.isEmpty || $0 >= bits.count || !bits[$0] }, slotCount: base)
        }
        self.facets = facets
        slotCount = base
    }

    /// Each plan's slots through `columns` (a plan's ordinals past its
    /// column's `slots`, damage, have none), and the live totals. Column by
    /// column, in two walks: one counts each plan's slots, one writes them
    /// (asking each column for each plan's ordinals made the CLI's
    /// `docsearch "kế hoạch"` take about 45 ms against 15, twenty runs each).
    private static func segmentSlots(_ columns: [SegmentReader.FacetColumn], slots: [[Int32]], documentCount n: Int,
                                     isLive: (Int) -> Bool, slotCount: Int) -> SegmentSlots {
        var ends = [UInt32](repeating: 0, count: n)
        for (c, column) in columns.enumerated() {
            let known = slots[c].count
            ends.withUnsafeMutableBufferPointer { ends in
                column.forEachOrdinal(of: 0..<n) { d, o in if o < known { ends[d] += 1 } }
            }
        }
        var total: UInt32 = 0
        for d in 0..<n { total += ends[d]; ends[d] = total }
        // Where each plan's next slot goes: its start, then past each written.
        var next = [UInt32](repeating: 0, count: n)
        for d in 1..<max(1, n) { next[d] = ends[d - 1] }
        var planSlots = [Int32](repeating: 0, count: Int(total))
        var totals = [UInt32](repeating: 0, count: slotCount)
        let live = (0..<n).map(isLive)
        for (c, column) in columns.enumerated() {
            slots[c].withUnsafeBufferPointer { map in
                next.withUnsafeMutableBufferPointer { next in
                    planSlots.withUnsafeMutableBufferPointer { out in
                        totals.withUnsafeMutableBufferPointer { totals in
                            column.forEachOrdinal(of: 0..<n) { d, o in
                                guard o < map.count else { return }
                                let slot = map[o]
                                out[Int(next[d])] = slot
                                next[d] += 1
                                if live[d] { totals[Int(slot)] += 1 }
                            }
                        }
                    }
                }
            }
        }
        return SegmentSlots(ends: ends, slots: planSlots, liveTotals: totals, liveCount: live.filter { $0 }.count)
    }

    /// The distinct values of `lists`, in byte order, telling `assign` the
    /// slot (from `base`) of each list's each value. Segments write their
    /// values sorted, so this is a k-way merge by bytes, without hashing
    /// (hashing Vietnamese strings was most of the first faceted search of a
    /// process); a list out of order (damage) is sorted first.
    static func merge(_ lists: [SegmentReader.MappedStrings], base: Int,
                      assign: (Int, Int, Int32) -> Void) -> [String] {
        // Each list as indices in byte order (the identity when already sorted).
        let orders: [[Int]] = lists.map { list in
            var sorted = true
            for i in list.indices.dropFirst() where list.compare(i - 1, i) >= 0 { sorted = false; break }
            return sorted ? Array(list.indices) : list.indices.sorted { list.compare($0, $1) < 0 }
        }
        var heads = [Int](repeating: 0, count: lists.count)
        var values: [String] = []
        while true {
            var smallest: UnsafeRawBufferPointer? = nil
            for k in lists.indices where heads[k] < orders[k].count {
                let v = lists[k].bytes(orders[k][heads[k]])
                if smallest == nil || SegmentReader.MappedStrings.compare(v, smallest!) < 0 { smallest = v }
            }
            guard let value = smallest else { return values }
            let slot = Int32(base + values.count)
            values.append(String(decoding: value, as: UTF8.self))
            for k in lists.indices {
                // Equal values in one list (damage) share the slot too.
                while heads[k] < orders[k].count,
                      SegmentReader.MappedStrings.compare(lists[k].bytes(orders[k][heads[k]]), value) == 0 {
                    assign(k, orders[k][heads[k]], slot)
                    heads[k] += 1
                }
            }
        }
    }

    /// Byte order of two texts' UTF-8 (memcmp, then length): the generic
    /// walk over `utf8` views was a fifth of a cold CLI search (perf).
    static func compareBytes(_ a: String, _ b: String) -> Int {
        var x = a, y = b
        return x.withUTF8 { xb in
            y.withUTF8 { yb in SegmentReader.MappedStrings.compare(UnsafeRawBufferPointer(xb), UnsafeRawBufferPointer(yb)) }
        }
    }
}
