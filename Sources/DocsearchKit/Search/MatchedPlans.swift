/// The plans a search matched, kept for counting its facets: each segment's
/// plans in plan order, as a search finds them.
///
/// One array per segment, where a list of (segment, plan) pairs needed a copy
/// per segment for the counting, and an append per match where a segment's
/// matches found term at a time arrive together (`append(docs:toSegment:)`).
struct MatchedPlans {
    /// Segment s's plans, in increasing order, as the postings number them.
    private(set) var perSegment: [[UInt32]]

    init(segmentCount: Int) {
        perSegment = Array(repeating: [], count: segmentCount)
    }

    /// Room for `n` plans in segment s.
    mutating func reserve(_ n: Int, forSegment s: Int) {
        perSegment[s].reserveCapacity(n)
    }

    /// Adds the plans `other` holds in segments this holds none of: those
    /// another thread of a search visited.
    mutating func absorb(_ other: MatchedPlans) {
        for (s, docs) in other.perSegment.enumerated() where !docs.isEmpty {
            precondition(perSegment[s].isEmpty, "segment \(s) visited twice")
            perSegment[s] = docs
        }
    }

    /// From (segment, plan) pairs in segment order, plans in increasing order within each.
    init(_ pairs: [(segment: Int, doc: Int)], segmentCount: Int) {
        self.init(segmentCount: segmentCount)
        for (s, d) in pairs { append(d, toSegment: s) }
    }

    var count: Int { perSegment.reduce(0) { $0 + $1.count } }

    @inline(__always) mutating func append(_ doc: Int, toSegment s: Int) {
        perSegment[s].append(UInt32(truncatingIfNeeded: doc))
    }

    /// Appends a segment's plans at once, as they are: a copy (an append per
    /// plan checked the array's uniqueness and capacity each time, 34
    /// instructions a plan; widening each to Int, 12).
    mutating func append(docs: UnsafeBufferPointer<UInt32>, toSegment s: Int) {
        perSegment[s].append(contentsOf: docs)
    }
}
