/// One clause of a query (a word, a phrase, a document reference) walking the
/// plans of one segment in doc order, able to score the plan it stands on.
/// `doc` is `exhaustedDoc` once the clause has no more plans.
protocol ClauseIterator: AnyObject {
    /// The plan it stands on; `exhausted` when past the last.
    var doc: UInt32 { get }
    /// Moves to the first plan >= `target` and returns it (or `exhausted`).
    func advance(to target: UInt32) throws -> UInt32
    /// The clause's score for the plan it stands on.
    func score() throws -> Double
    /// No plan can score more than this.
    var upperBound: Double { get }
    /// About how many plans it will visit (its rarest list), to order work.
    var cost: Int { get }
}

/// The `doc` of a clause that has no more plans.
let exhaustedDoc = UInt32.max

/// Shared scoring inputs of one segment.
struct SegmentContext {
    let segment: SegmentReader
    let bm25: BM25
    let averageBodyLength: Double
    let averageTitleLength: Double
}
