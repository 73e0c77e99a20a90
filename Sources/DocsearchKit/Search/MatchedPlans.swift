/// The plans a search matched, kept for counting its facets: each segment's
/// plans in plan order, as a search finds them.
///
/// One array per segment, where a list of (segment, plan) pairs needed a copy
/// per segment for the counting, and an append per match where a segment's
/// matches found term at a time arrive together (`append(docs:toSegment:)`).
struct MatchedPlans {
    /// Segment s's plans, in increasing order.
    private(set) var perSegment: [[Int]]

    init(segmentCount: Int) {
        perSegment = Array(repeating: [], count: segmentCount)
    }

    /// Room for every plan of each segment (`documentCounts[s]` in segment s).
    init(reservingFor documentCounts: [Int]) {
        perSegment = documentCounts.map { n in
            var docs: [Int] = []
            docs.reserveCapacity(n)
            return docs
        }
    }

    /// From (segment, plan) pairs in segment order, plans in increasing order within each.
    init(_ pairs: [(segment: Int, doc: Int)], segmentCount: Int) {
        self.init(segmentCount: segmentCount)
        for (s, d) in pairs { perSegment[s].append(d) }
    }

    var count: Int { perSegment.reduce(0) { $0 + $1.count } }

    @inline(__always) mutating func append(_ doc: Int, toSegment s: Int) {
        perSegment[s].append(doc)
    }

    /// Appends a segment's plans at once: grown once, then filled in one
    /// loop (an append per plan checked the array's uniqueness and capacity
    /// each time, 34 instructions a plan).
    mutating func append(docs: UnsafeBufferPointer<UInt32>, toSegment s: Int) {
        let start = perSegment[s].count
        perSegment[s].append(contentsOf: repeatElement(0, count: docs.count))
        perSegment[s].withUnsafeMutableBufferPointer { out in
            for i in docs.indices { out[start + i] = Int(docs[i]) }
        }
    }
}
