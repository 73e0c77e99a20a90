/// Each plan's body and title length in one segment as BM25 weighs it,
/// `k1 · lengthNorm` (`BM25.k1Norm`), worked out once per engine and
/// segment. Every word of every search worked it out again for each plan
/// it scored: a load, a conversion and a division, about a tenth of a
/// search that scores every match (callgrind).
///
/// The values are those `BM25.k1Norm` gives, so scores stay the same to the bit.
final class FieldNorms: @unchecked Sendable {
    /// Body norms of plans 0..<n, then their title norms.
    private let values: UnsafeMutableBufferPointer<Double>
    let documentCount: Int
    /// The BM25 parameters the norms were worked out with.
    let bm25: BM25

    init(segment: SegmentReader, bm25: BM25, averageBodyLength: Double, averageTitleLength: Double) {
        let n = segment.documentCount
        documentCount = n
        self.bm25 = bm25
        values = .allocate(capacity: 2 * n)
        for d in 0..<n {
            values[d] = bm25.k1Norm(length: Double(segment.bodyLength(d)), averageLength: averageBodyLength)
            values[n + d] = bm25.k1Norm(length: Double(segment.titleLength(d)), averageLength: averageTitleLength)
        }
    }

    deinit { values.deallocate() }

    /// Body norm of plan d at [d], title norm at [documentCount + d].
    var base: UnsafePointer<Double> { UnsafePointer(values.baseAddress!) }

    @inline(__always) func body(_ d: Int) -> Double { values[d] }
    @inline(__always) func title(_ d: Int) -> Double { values[documentCount + d] }
}
