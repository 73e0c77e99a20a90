import Foundation

/// A query of words alone (and, in the server, quoted phrases), scored a
/// word at a time over a segment (term at a time): each word's lists are
/// read whole, block by block, and its score added to an array of one score
/// per plan.
///
/// A search that counts every match (the facets of the web page and the
/// API) cannot skip plans, and one plan at a time (`SearchEngine.conjunction`
/// and `disjunction`) pays calls per list and per plan for bounds that then
/// spare little: a query of common words ("kế hoạch", "ủy ban nhân dân")
/// matches most plans, and a question matches nearly all. Here each posting
/// costs a few instructions of a loop. A search that may skip plans stays
/// one plan at a time, which skipped enough to be cheaper for half the
/// common-word queries of the peers' mix (callgrind).
///
/// The scores are those of one plan at a time, summed word by word in the
/// same order, and scaled by the same coverage: the plans rank the same.
enum TermAtATime {
    /// The clauses among `clauses`, in `clauses`' order, when each is a word,
    /// a quoted pair of common words read from its list (`WordPairIterator`)
    /// or, with a `cache` to keep its scores, another quoted phrase, and their
    /// lists hold enough plans for the segment's arrays to pay: the smallest
    /// (every clause required) or all together (any will do) at least one
    /// plan in `density` of the segment's. Nil otherwise, or when `density`
    /// is 0.
    ///
    /// A phrase is read term at a time only when its scores may be kept: read
    /// once, it costs what one plan at a time costs, and a search without a
    /// cache (the CLI's) may skip plans there.
    static func clauses(_ clauses: [ClauseIterator], requireAll: Bool, documentCount: Int, density: Int,
                        phrasesKeptIn cache: TermScoreCache? = nil) -> [any WholeSegmentScoring]? {
        guard density > 0, !clauses.isEmpty, clauses.count < Int(UInt8.max) else { return nil }
        var whole: [any WholeSegmentScoring] = []
        for clause in clauses {
            if let word = clause as? TermIterator {
                whole.append(word)
            } else if let pair = clause as? WordPairIterator {
                // One list with its counts, read like a word's.
                whole.append(pair)
            } else if cache != nil, let phrase = clause as? PhraseIterator {
                whole.append(phrase)
            } else {
                return nil
            }
        }
        let costs = whole.map(\.cost)
        let plans = requireAll ? costs.min()! : costs.reduce(0, +)
        guard Double(plans) * Double(density) >= Double(documentCount) else { return nil }
        return whole
    }

    /// Calls `accept` once with every live plan (not marked in `deleted`)
    /// holding all `clauses` (iterators not yet advanced), in plan order, and
    /// their scores: the sum of the clauses' scores, in `clauses`' order.
    /// A clause `cache` keeps is added from its kept scores (`TermScoreCache`).
    ///
    /// `threshold`: the score a plan must pass to be kept (the k-th score
    /// of the segments read before). When no plan without a query word in
    /// its title can pass it (`titlesAlone`), only the plans with one are
    /// scored, and the others are handed over with `unscored`: every match
    /// is still counted and handed over, and every plan that can pass it
    /// scored as it would be.
    static func conjunction(_ clauses: [any WholeSegmentScoring], documentCount n: Int, deleted: [Bool] = [],
                            cache: TermScoreCache? = nil, threshold: Double = -.infinity, accept: Accept) throws {
        guard n > 0 else { return }
        let arrays = PlanArrays.take(documentCount: n)
        let scores = arrays.scores
        let kept = try clauses.map { try keptScores(of: $0, in: cache, documentCount: n, arrays: arrays) }
        if let first = kept.first, let first, kept.allSatisfy({ $0 != nil }) {
            // The server's usual case (every clause read term at a time is
            // common enough to keep): each clause is one addition per plan,
            // with no test, that the compiler vectorises. A plan lacking a
            // clause has -infinity there, and keeps it. The first clause's
            // scores are copied: 0 + x is x (scores are never -0).
            withExtendedLifetime(first) { scores.initialize(from: first.values.baseAddress!, count: n) }
            for scoresOfClause in kept.dropFirst() { add(scoresOfClause!, documentCount: n, into: scores) }
        } else {
            let rounds = arrays.rounds
            if kept.allSatisfy({ $0 == nil }), let led = titlesAlone(clauses, threshold: threshold) {
                try titleLed(led.words, titlesRead: led.titlesRead, documentCount: n, arrays: arrays)
            } else {
                scores.initialize(repeating: 0, count: n)
                for (i, clause) in clauses.enumerated() {
                    let round = UInt8(i)
                    if let scoresOfClause = kept[i] {
                        add(scoresOfClause, documentCount: n, into: scores, rounds: rounds, round: round)
                    } else {
                        try clause.accumulate(into: scores, rounds: rounds, round: round, scratch: arrays.scratch)
                    }
                }
            }
            // A plan lacking a clause gets -infinity, chosen by a mask: as a
            // choice, the compiler branched, and mispredicted a branch per
            // plan of the segment (cachegrind: a fifth of a search's).
            let all = UInt8(clauses.count)
            let absent = TermScores.absent.bitPattern
            for d in 0..<n {
                let lacks = UInt64(truncatingIfNeeded: -Int64(rounds[d] != all ? 1 : 0))
                scores[d] = Double(bitPattern: scores[d].bitPattern & ~lacks | absent & lacks)
            }
        }
        try gather(n, scores: scores, into: arrays.docs, deleted: deleted, accept: accept)
        arrays.giveBack()
    }

    /// The score `conjunction` hands over for a match it did not score: below
    /// every threshold, and not `TermScores.absent`, so the match counts.
    static let unscored = -Double.greatestFiniteMagnitude

    /// The clauses as words, and those among them whose title lists must be
    /// read (`TitleLed`), when each clause is a word and a plan whose title
    /// holds none of the latter cannot score above `threshold`. Nil otherwise.
    static func titlesAlone(_ clauses: [any WholeSegmentScoring],
                            threshold: Double) -> (words: [TermIterator], titlesRead: [TermIterator])? {
        let words = clauses.compactMap { $0 as? TermIterator }
        guard words.count == clauses.count, let read = TitleLed.titlesRead(words, threshold: threshold) else { return nil }
        return (words, read.map { words[$0] })
    }

    /// `conjunction`'s sums when only the plans whose title holds one of
    /// `titlesRead` are scored (`titlesAlone`): every match is found, word
    /// by word as otherwise, but one without such a title keeps `unscored`,
    /// to which nothing is added.
    private static func titleLed(_ words: [TermIterator], titlesRead: [TermIterator], documentCount n: Int,
                                 arrays: PlanArrays) throws {
        let scores = arrays.scores, rounds = arrays.rounds, marks = arrays.marks
        scores.initialize(repeating: unscored, count: n)
        defer { marks.update(repeating: 0, count: n) }
        for word in titlesRead { try word.markTitlePlans(marks, zeroing: scores) }
        for (i, word) in words.enumerated() {
            try word.accumulate(into: scores, rounds: rounds, round: UInt8(i), scoringOnly: marks, scratch: arrays.scratch)
        }
    }

    /// Calls `accept` once with every live plan (not marked in `deleted`)
    /// holding any of `clauses` (iterators not yet advanced, with their idf),
    /// in plan order, and their scores: the sum of the scores of the clauses
    /// a plan holds, in `clauses`' order, times the share of `shouldIDF`
    /// their idfs cover (as `SearchEngine.disjunction` scales it).
    static func disjunction(_ clauses: [(any WholeSegmentScoring, idf: Double)], shouldIDF: Double, documentCount n: Int,
                            deleted: [Bool] = [], cache: TermScoreCache? = nil, accept: Accept) throws {
        guard n > 0 else { return }
        let arrays = PlanArrays.take(documentCount: n)
        let scores = arrays.scores, held = arrays.scores + n, rounds = arrays.rounds
        scores.initialize(repeating: 0, count: 2 * n)
        for (clause, idf) in clauses {
            if let kept = try keptScores(of: clause, in: cache, documentCount: n, arrays: arrays) {
                add(kept, documentCount: n, into: scores, held: held, idf: idf, rounds: rounds)
            } else {
                try clause.accumulate(into: scores, held: held, idf: idf, rounds: rounds, scratch: arrays.scratch)
            }
        }
        for d in 0..<n {
            scores[d] = rounds[d] == 0 ? -.infinity : scores[d] * (shouldIDF > 0 ? held[d] / shouldIDF : 1)
        }
        try gather(n, scores: scores, into: arrays.docs, deleted: deleted, accept: accept)
        arrays.giveBack()
    }

    /// Every clause required, every clause's scores kept: adds a clause's
    /// per-plan scores to `scores` (where a plan lacking it gets -infinity).
    static func add(_ kept: TermScores, documentCount: Int, into scores: UnsafeMutablePointer<Double>) {
        // Another search may drop the scores from the cache meanwhile: they are held here.
        withExtendedLifetime(kept) {
            let kept = kept.values
            for d in 0..<documentCount { scores[d] += kept[d] }
        }
    }

    /// Every clause required: adds a clause's per-plan scores to those of
    /// the plans whose `rounds[d]` is `round`, and moves them to round + 1,
    /// as `TermIterator.accumulate` adds them.
    ///
    /// Without branches: whether a plan holds the clause is as good as
    /// random, and a branch on it was mispredicted (perf). x + 0 is x: the
    /// sums are as before.
    static func add(_ kept: TermScores, documentCount: Int, into scores: UnsafeMutablePointer<Double>,
                    rounds: UnsafeMutablePointer<UInt8>, round: UInt8) {
        // Another search may drop the scores from the cache meanwhile: they are held here.
        withExtendedLifetime(kept) {
            let kept = kept.values
            for d in 0..<documentCount {
                let score = kept[d]
                let holds = rounds[d] == round && score >= 0
                scores[d] += holds ? score : 0
                rounds[d] = holds ? round &+ 1 : rounds[d]
            }
        }
    }

    /// Any clause will do: adds a clause's per-plan scores to `scores`, its
    /// `idf` to `held` and sets `rounds` to 1 where a plan holds it, as
    /// `TermIterator.accumulate` does. In arithmetic the compiler vectorises:
    /// a plan lacking the clause (score -infinity) adds max(-infinity, 0) = 0
    /// and 0 · idf = 0.
    static func add(_ kept: TermScores, documentCount: Int, into scores: UnsafeMutablePointer<Double>,
                    held: UnsafeMutablePointer<Double>, idf: Double, rounds: UnsafeMutablePointer<UInt8>) {
        withExtendedLifetime(kept) {
            let kept = kept.values
            for d in 0..<documentCount {
                let score = kept[d]
                let holds: Double = score >= 0 ? 1 : 0
                scores[d] += Swift.max(score, 0)
                held[d] += holds * idf
                rounds[d] |= UInt8(holds)
            }
        }
    }

    /// The clause's per-plan scores from `cache`, worked out and kept there
    /// when it keeps the clause but has not yet; nil when there is no cache
    /// or it does not keep the clause.
    private static func keptScores(of clause: any WholeSegmentScoring, in cache: TermScoreCache?, documentCount n: Int,
                                   arrays: PlanArrays) throws -> TermScores? {
        guard let cache, cache.keeps(plans: clause.cost, documentCount: n) else { return nil }
        return try cache.scores(for: clause.scoreKey, documentCount: n) { try clause.scoreEveryPlan(scratch: arrays.scratch) }
    }

    /// What a segment's matches are handed to: their plans and scores.
    typealias Accept = (_ docs: UnsafeBufferPointer<UInt32>, _ scores: UnsafeBufferPointer<Double>) throws -> Void

    /// Moves the live plans (not marked in `deleted`) whose score is not
    /// -infinity (the matches) to the front, with their scores (in place: a
    /// plan never moves back), and hands them to `accept`; `docs` has room
    /// for `n`.
    private static func gather(_ n: Int, scores: UnsafeMutablePointer<Double>, into docs: UnsafeMutablePointer<UInt32>,
                               deleted: [Bool], accept: Accept) throws {
        for d in 0..<min(n, deleted.count) where deleted[d] { scores[d] = -.infinity }
        // Every plan is written, and the count moves on past a match by
        // (x | -x) >> 63 of x, the score's bits less -infinity's: 1 unless
        // they are equal. Whether a plan matches is as good as random: a
        // branch on it was mispredicted (perf), and so was the one the
        // compiler made of it written as a choice (cachegrind).
        let absent = TermScores.absent.bitPattern
        var kept = 0
        for d in 0..<n {
            let score = scores[d]
            docs[kept] = UInt32(truncatingIfNeeded: d)
            scores[kept] = score
            let differs = score.bitPattern ^ absent
            kept &+= Int(truncatingIfNeeded: (differs | (0 &- differs)) >> 63)
        }
        try accept(UnsafeBufferPointer(start: docs, count: kept), UnsafeBufferPointer(start: scores, count: kept))
    }
}

/// One segment's per-plan arrays for one search term at a time, kept from
/// one search to the next (`take`, `giveBack`): allocated and zeroed for
/// each segment of each search, and freed, they cost the 20,000 plans' query
/// mix a fifth or more of its median time, glibc handing the freed tops back
/// to the kernel (p50 547–631 µs against 380–507 µs kept, three runs each in
/// turn; 429–436 µs with the allocator told to keep its freed memory).
///
/// The rounds are zeroed when first asked for in a search: one whose clauses
/// are all kept reads no list, and, every clause required, needs none
/// (zeroing them was two fifths of the bytes the search wrote). The scratch
/// is zeroed once, when first asked for, and every use leaves it zeroed; an
/// array whose search threw is not given back, as its scratch may not be.
private final class PlanArrays {
    /// The most plans the arrays hold.
    let capacity: Int
    /// The plans of the segment they serve now (`take`).
    private(set) var documentCount = 0
    /// One score per plan, then one held idf per plan; not initialised.
    let scores: UnsafeMutablePointer<Double>
    private let roundStorage: UnsafeMutablePointer<UInt8>
    /// The scratch's two counts per plan.
    private let countStorage: UnsafeMutablePointer<UInt32>
    /// The scratch's title part per plan.
    private let partStorage: UnsafeMutablePointer<Double>
    private let markStorage: UnsafeMutablePointer<UInt8>
    /// Room for every plan's number, for `gather`; not initialised.
    let docs: UnsafeMutablePointer<UInt32>
    private var roundsZeroed = false
    private var scratchZeroed = false
    private var marksZeroed = false

    private init(capacity n: Int) {
        capacity = n
        scores = .allocate(capacity: 2 * n)
        roundStorage = .allocate(capacity: n)
        countStorage = .allocate(capacity: 2 * n)
        partStorage = .allocate(capacity: n)
        markStorage = .allocate(capacity: n)
        docs = .allocate(capacity: n)
    }

    // Plain numbers: the storage needs no deinitialising.
    deinit {
        scores.deallocate()
        roundStorage.deallocate()
        countStorage.deallocate()
        partStorage.deallocate()
        markStorage.deallocate()
        docs.deallocate()
    }

    /// Arrays kept between searches, handed out to one search at a time.
    private static let kept = KeptArrays()
    /// At most this many are kept: one per thread searching at once, about.
    static let keptLimit = 8

    private final class KeptArrays: @unchecked Sendable {
        let lock = NSLock()
        var arrays: [PlanArrays] = []
    }

    /// Arrays for a segment of `n` plans: kept ones that hold as many, else new ones.
    static func take(documentCount n: Int) -> PlanArrays {
        kept.lock.lock()
        let found = kept.arrays.lastIndex { $0.capacity >= n }.map { kept.arrays.remove(at: $0) }
        kept.lock.unlock()
        let arrays = found ?? PlanArrays(capacity: n)
        arrays.documentCount = n
        arrays.roundsZeroed = false
        return arrays
    }

    /// Keeps the arrays for another search, once this one is done with them
    /// without throwing; the largest are kept when there are too many.
    func giveBack() {
        Self.kept.lock.lock()
        defer { Self.kept.lock.unlock() }
        Self.kept.arrays.append(self)
        if Self.kept.arrays.count > Self.keptLimit {
            Self.kept.arrays.sort { $0.capacity > $1.capacity }
            Self.kept.arrays.removeLast()
        }
    }

    /// One round per plan, zeroed.
    var rounds: UnsafeMutablePointer<UInt8> {
        if !roundsZeroed {
            roundStorage.initialize(repeating: 0, count: documentCount)
            roundsZeroed = true
        }
        return roundStorage
    }

    /// One mark per plan (`TermAtATime.titleLed`), zeroed; every use leaves it zeroed.
    var marks: UnsafeMutablePointer<UInt8> {
        if !marksZeroed {
            markStorage.initialize(repeating: 0, count: capacity)
            marksZeroed = true
        }
        return markStorage
    }

    /// What a word read term at a time writes (`TermIterator.accumulate`),
    /// zeroed; it stays zeroed between uses.
    var scratch: WordScratch {
        if !scratchZeroed {
            countStorage.initialize(repeating: 0, count: 2 * capacity)
            partStorage.initialize(repeating: 0, count: capacity)
            scratchZeroed = true
        }
        return WordScratch(exactCounts: countStorage, titleExactCounts: countStorage + capacity,
                           titleParts: partStorage)
    }
}

/// Per-plan arrays of one segment that a word read term at a time writes on
/// its way to its scores (`TermIterator.accumulate`), each of the segment's
/// plan count: zeroed when given, and left zeroed.
struct WordScratch {
    /// The body's count of the word's exact form in each plan.
    let exactCounts: UnsafeMutablePointer<UInt32>
    /// The title's count of the word's exact form in each plan.
    let titleExactCounts: UnsafeMutablePointer<UInt32>
    /// The title's part of the word's score in each plan (`WordWeights.titlePart`).
    let titleParts: UnsafeMutablePointer<Double>
}

/// A clause term at a time scores over a whole segment, and whose per-plan
/// scores a `TermScoreCache` may keep: a word or a quoted phrase.
protocol WholeSegmentScoring: ClauseIterator {
    /// What the clause's per-plan scores in this segment depend on.
    var scoreKey: TermScoreCache.Key { get }
    /// The clause's score in every plan of the segment that holds it
    /// (`TermScores.absent` elsewhere), for an iterator not yet advanced.
    /// `scratch` is zeroed, and is left zeroed unless it throws.
    func scoreEveryPlan(scratch: WordScratch) throws -> TermScores
    /// Every clause required: as `TermAtATime.add(_:documentCount:into:rounds:round:)`,
    /// for an iterator not yet advanced; `scratch` as above.
    func accumulate(into scores: UnsafeMutablePointer<Double>, rounds: UnsafeMutablePointer<UInt8>, round: UInt8,
                    scratch: WordScratch) throws
    /// Any clause will do: as `TermAtATime.add(_:documentCount:into:held:idf:rounds:)`.
    func accumulate(into scores: UnsafeMutablePointer<Double>, held: UnsafeMutablePointer<Double>, idf: Double,
                    rounds: UnsafeMutablePointer<UInt8>, scratch: WordScratch) throws
}

extension TermIterator: WholeSegmentScoring {}

/// A quoted phrase read term at a time (from its words' positions or from its
/// pair's list): its scores are worked out for every plan at once, then added
/// as kept scores are.
protocol PhraseScoring: WholeSegmentScoring {
    /// The plans of the clause's segment.
    var segmentDocumentCount: Int { get }
    /// The phrase's score in every plan holding it (`TermScores.absent`
    /// elsewhere), for an iterator not yet advanced.
    func scoreEveryPlan() throws -> TermScores
}

extension PhraseScoring {
    func scoreEveryPlan(scratch _: WordScratch) throws -> TermScores { try scoreEveryPlan() }

    func accumulate(into scores: UnsafeMutablePointer<Double>, rounds: UnsafeMutablePointer<UInt8>, round: UInt8,
                    scratch _: WordScratch) throws {
        TermAtATime.add(try scoreEveryPlan(), documentCount: segmentDocumentCount, into: scores, rounds: rounds, round: round)
    }

    func accumulate(into scores: UnsafeMutablePointer<Double>, held: UnsafeMutablePointer<Double>, idf: Double,
                    rounds: UnsafeMutablePointer<UInt8>, scratch _: WordScratch) throws {
        TermAtATime.add(try scoreEveryPlan(), documentCount: segmentDocumentCount, into: scores, held: held, idf: idf,
                        rounds: rounds)
    }
}
