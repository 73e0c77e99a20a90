/// One clause of a query (a word, a phrase, a document reference) walking the
/// plans of one segment in doc order, able to score the plan it stands on.
/// `doc` is `exhaustedDoc` once the clause has no more plans.
///
/// A base class rather than a protocol so that the query loops can hold its
/// instances as `Unmanaged` references (`UnretainedClause`): calls through an
/// existential or a class reference read from an array retain and release
/// the object around every call, which was a third of query time (perf).
class ClauseIterator {
    /// The plan it stands on; `exhaustedDoc` when past the last.
    var doc: UInt32 = 0
    /// No plan can score more than this.
    let upperBound: Double
    /// About how many plans it will visit (its rarest list), to order work.
    let cost: Int

    /// Plans whose score for this clause cannot pass this need not be
    /// matched: the query loop sets it, once the total may be a lower bound,
    /// to what the clause must score for a plan to reach the top. A clause
    /// that skips a plan this way, not knowing whether it matches, sets
    /// `skippedUnmatched`.
    var scoreFloor = -Double.infinity
    var skippedUnmatched = false

    init(upperBound: Double, cost: Int) {
        self.upperBound = upperBound
        self.cost = cost
    }

    /// Moves to the first plan >= `target` and returns it (or `exhaustedDoc`).
    func advance(to target: UInt32) throws -> UInt32 { exhaustedDoc }
    /// The clause's score for the plan it stands on.
    func score() throws -> Double { 0 }
    /// At least `score()` for the plan it stands on, cheaper to know; by
    /// default the bound over all plans.
    func bound() throws -> Double { upperBound }
    /// A bound on the score of every plan from `target` to the returned
    /// `lastDoc`, read from the postings' block impacts without decoding them;
    /// nil when the clause has no plan from `target` on. Targets never go
    /// backwards. By default: the bound over all plans, to the end.
    func blockBound(from target: UInt32) throws -> BlockBound? { BlockBound(lastDoc: BlockBound.end, score: upperBound) }
    /// The most the clause scores in a plan outside its sparse list (a word
    /// absent from the plan's title); by default there is no sparse list and
    /// this is the bound over all plans.
    var denseBound: Double { upperBound }
    /// Whether some plans (those in a sparse list) may score above `denseBound`.
    var hasSparseList: Bool { false }
    /// The first plan >= `target` in the clause's sparse list, where it may
    /// score above `denseBound`; `exhaustedDoc` when none is left or it has
    /// no sparse list.
    func sparseNext(from target: UInt32) throws -> UInt32 { exhaustedDoc }
}

/// A bound on a clause's scores over a stretch of plans (see `ClauseIterator.blockBound`).
struct BlockBound {
    /// `lastDoc` of a bound that holds to the end of the segment.
    static let end = UInt32.max - 1
    var lastDoc: UInt32
    var score: Double
}

/// A clause as the query loops hold it: not retained, so its owner (an array
/// of the iterators, kept alive with `withExtendedLifetime`) must outlive it.
struct UnretainedClause {
    private let reference: Unmanaged<ClauseIterator>

    init(_ clause: ClauseIterator) { reference = .passUnretained(clause) }

    @inline(__always) func advance(to target: UInt32) throws -> UInt32 {
        try reference._withUnsafeGuaranteedRef { try $0.advance(to: target) }
    }

    @inline(__always) func score() throws -> Double {
        try reference._withUnsafeGuaranteedRef { try $0.score() }
    }

    @inline(__always) func bound() throws -> Double {
        try reference._withUnsafeGuaranteedRef { try $0.bound() }
    }

    @inline(__always) func blockBound(from target: UInt32) throws -> BlockBound? {
        try reference._withUnsafeGuaranteedRef { try $0.blockBound(from: target) }
    }

    var denseBound: Double { reference._withUnsafeGuaranteedRef { $0.denseBound } }

    var upperBound: Double { reference._withUnsafeGuaranteedRef { $0.upperBound } }

    @inline(__always) func setScoreFloor(_ floor: Double) {
        reference._withUnsafeGuaranteedRef { $0.scoreFloor = floor }
    }

    @inline(__always) func sparseNext(from target: UInt32) throws -> UInt32 {
        try reference._withUnsafeGuaranteedRef { try $0.sparseNext(from: target) }
    }
}

/// The `doc` of a clause that has no more plans.
let exhaustedDoc = UInt32.max

/// Shared scoring inputs of one segment.
struct SegmentContext {
    let segment: SegmentReader
    let bm25: BM25
    let averageBodyLength: Double
    let averageTitleLength: Double
    private let makeNorms: () -> FieldNorms

    /// `norms`, when given, gives the segment's norms under `bm25` and these
    /// averages (the engine keeps them); else they are worked out here, on
    /// first use.
    init(segment: SegmentReader, bm25: BM25, averageBodyLength: Double, averageTitleLength: Double,
         norms: (() -> FieldNorms)? = nil) {
        self.segment = segment
        self.bm25 = bm25
        self.averageBodyLength = averageBodyLength
        self.averageTitleLength = averageTitleLength
        if let norms {
            makeNorms = norms
        } else {
            let once = OnceValue<FieldNorms>()
            makeNorms = {
                once.get { FieldNorms(segment: segment, bm25: bm25, averageBodyLength: averageBodyLength,
                                      averageTitleLength: averageTitleLength) }
            }
        }
    }

    /// The segment's field norms under `bm25` and these averages, worked out
    /// on first use: a search of document references alone never needs them.
    var norms: FieldNorms { makeNorms() }
}
