/// Where only plans whose title holds a query word can reach the top.
///
/// A word scores at most its `denseBound` (its body's part) in a plan whose
/// title lacks it, and its title adds at most its `upperBound` less that.
/// Once the segments read before have set the k-th score (θ), and θ stands
/// above the dense bounds summed, a plan can only reach the top through its
/// title: the search reads the title lists, which are short, to find the
/// plans worth scoring. On the generated plans, θ of a query of common words
/// stood well above the dense bounds after the first segment ("bình đẳng
/// giới": 7.76 against 5.08), and the title lists held about a tenth of the
/// segment's plans (595 of 6,146).
///
/// The words whose titles add least are left out while the dense bounds and
/// what those titles add, summed with room for rounding, stay below θ: a
/// question's common words ("kế hoạch", "về", "năm") head most titles, and
/// add next to nothing.
enum TitleLed {
    /// The indices of `clauses` whose title lists must be read, when no plan
    /// outside them can score above `threshold` (a sum of the clauses'
    /// scores, or a part of it, as a disjunction scales it by coverage); nil
    /// when such a plan may.
    static func titlesRead(_ clauses: [ClauseIterator], threshold: Double) -> [Int]? {
        guard threshold > -.infinity, !clauses.isEmpty else { return nil }
        var bound = clauses.reduce(0.0) { $0 + $1.denseBound }
        guard bound * margin < threshold else { return nil }
        var read = clauses.indices.sorted { gap(clauses[$0]) < gap(clauses[$1]) }
        while let i = read.first, (bound + gap(clauses[i])) * margin < threshold {
            bound += gap(clauses[i])
            read.removeFirst()
        }
        return read.sorted()
    }

    /// Room for rounding: a sum of scores may stand a few ulps above the sum
    /// of their bounds, or a sum in another order than the score's.
    static let margin = 1 + 1e-9

    /// What a clause's title adds to its score, at most.
    private static func gap(_ clause: ClauseIterator) -> Double { clause.upperBound - clause.denseBound }
}
