/// Plans holding every word of a query of words alone, scored a word at a
/// time over the segment (term at a time): each word's lists are read whole,
/// block by block, and its score added to an array of one score per plan.
///
/// A search that counts every match (the facets of the web page and the
/// API) cannot skip plans, and one plan at a time (`SearchEngine.conjunction`)
/// pays calls per list and per plan for bounds that then spare little: a
/// query of common words ("kế hoạch", "ủy ban nhân dân") matches most plans.
/// Here each posting costs a few instructions of a loop. A search that may
/// skip plans stays one plan at a time, which skipped enough to be cheaper
/// for half the common-word queries of the peers' mix (callgrind).
///
/// The scores are those of one plan at a time, summed word by word in the
/// same order: the plans rank the same.
enum TermAtATimeConjunction {
    /// The words of `required`, rarest first, when every clause is a word and
    /// the rarest stands in at least one plan in `density` of the segment's;
    /// nil otherwise, or when `density` is 0.
    static func words(_ required: [ClauseIterator], documentCount: Int, density: Int) -> [TermIterator]? {
        guard density > 0 else { return nil }
        var words: [TermIterator] = []
        for clause in required {
            guard let word = clause as? TermIterator else { return nil }
            words.append(word)
        }
        words.sort { $0.cost < $1.cost }
        guard let rarest = words.first, Double(rarest.cost) * Double(density) >= Double(documentCount),
              words.count < Int(UInt8.max) else { return nil }
        return words
    }

    /// Calls `accept` with every plan holding all `words` (iterators not yet
    /// advanced), in plan order, and its score; `tick` once per block read
    /// and per plan accepted.
    static func run(_ words: [TermIterator], documentCount: Int, tick: () throws -> Void,
                    accept: (UInt32, Double) throws -> Void) throws {
        let n = documentCount
        guard n > 0 else { return }
        let scores = UnsafeMutablePointer<Double>.allocate(capacity: n)
        scores.initialize(repeating: 0, count: n)
        defer { scores.deallocate() }
        let rounds = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
        rounds.initialize(repeating: 0, count: n)
        defer { rounds.deallocate() }
        let counts = UnsafeMutablePointer<UInt32>.allocate(capacity: 3 * n)
        counts.initialize(repeating: 0, count: 3 * n)
        defer { counts.deallocate() }
        for (i, word) in words.enumerated() {
            try word.accumulate(into: scores, rounds: rounds, round: UInt8(i), counts: counts, tick: tick)
        }
        let all = UInt8(words.count)
        for d in 0..<n where rounds[d] == all {
            try tick()
            try accept(UInt32(d), scores[d])
        }
    }
}
