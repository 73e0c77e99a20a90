/// Where a conjunction (every clause required) may go next once its total
/// need no longer be exact: past the plans that cannot reach the top k.
///
/// A word's bound splits into a dense part (its body, for any plan holding
/// it) and a sparse part (its title, only for plans in its title list). With
/// θ the k-th score, three rules, cheapest first:
/// - the clauses' floors: each clause learns what it must score for a plan to
///   beat θ (a phrase then skips plans its rarest word cannot lift);
/// - the title lists: once the dense parts alone cannot beat θ, only plans in
///   the title lists whose parts can still lift them (MaxScore over the
///   sparse parts) are visited;
/// - the block impacts: a stretch of plans whose clauses' block bounds cannot
///   beat θ is skipped undecoded (block-max).
/// The caller keeps the clauses alive (they are held unretained).
struct ConjunctionSkipper {
    enum Step {
        /// The plan may reach the top: look at it.
        case stay
        /// No plan before this one can: go there.
        case jump(UInt32)
        /// No later plan can; `skippedMatches` when some may have matched.
        case end(skippedMatches: Bool)
    }

    private let clauses: [UnretainedClause]
    /// The clauses with a sparse list, by what it adds to their bound, smallest first.
    private let sparse: [(clause: UnretainedClause, part: Double)]
    private let sparsePrefix: [Double]
    /// What any plan may score without the sparse parts (optional clauses at their full bound).
    let denseBound: Double
    private let optionalBound: Double
    private let upperSum: Double
    /// The threshold the clauses' floors were last set from.
    private var flooredAt = -Double.infinity
    /// Plans up to here lie in blocks found able to beat the threshold.
    private var checkedUpTo: UInt32? = nil
    /// How many of the smallest sparse parts cannot, even together, lift a
    /// plan past the threshold (MaxScore over the sparse parts).
    private var nonEssential = 0

    init(required: [ClauseIterator], optional: [ClauseIterator]) {
        clauses = required.map(UnretainedClause.init)
        optionalBound = optional.reduce(0) { $0 + $1.upperBound }
        denseBound = required.reduce(optionalBound) { $0 + $1.denseBound }
        upperSum = required.reduce(optionalBound) { $0 + $1.upperBound }
        sparse = required.filter(\.hasSparseList)
            .map { (clause: UnretainedClause($0), part: $0.upperBound - $0.denseBound) }
            .sorted { $0.part < $1.part }
        var prefix = [0.0]
        for s in sparse { prefix.append(prefix.last! + s.part) }
        sparsePrefix = prefix
    }

    /// Where to go from plan `d`, with `theta` the k-th score.
    mutating func step(from d: UInt32, theta: Double) throws -> Step {
        if theta != flooredAt {
            flooredAt = theta
            for c in clauses { c.setScoreFloor(theta - (upperSum - c.upperBound)) }
        }
        if denseBound <= theta {
            // θ never falls: the sparse parts too small to lift a plan only grow.
            while nonEssential < sparse.count && denseBound + sparsePrefix[nonEssential + 1] <= theta { nonEssential += 1 }
            var next = exhaustedDoc
            for s in sparse[nonEssential...] { next = min(next, try s.clause.sparseNext(from: d)) }
            if next == exhaustedDoc { return .end(skippedMatches: true) }
            if next > d { return .jump(next) }
        }
        if let checkedUpTo, d <= checkedUpTo { return .stay }
        var target = d
        while true {
            var upTo = BlockBound.end, bound = optionalBound
            for c in clauses {
                // No plan from `target` on; those before it were skipped.
                guard let b = try c.blockBound(from: target) else { return .end(skippedMatches: target > d) }
                upTo = min(upTo, b.lastDoc)
                bound += b.score
            }
            if bound > theta {
                checkedUpTo = upTo
                return target > d ? .jump(target) : .stay
            }
            if upTo == BlockBound.end { return .end(skippedMatches: true) }
            target = upTo + 1
        }
    }

    /// A bound on plan `d`'s score from the dense parts and the sparse parts
    /// of the lists that hold it: enough, for most plans, to pass them over
    /// without reading their body counts.
    func titleBound(at d: UInt32) throws -> Double {
        var bound = denseBound
        for s in sparse where try s.clause.sparseNext(from: d) == d { bound += s.part }
        return bound
    }
}
