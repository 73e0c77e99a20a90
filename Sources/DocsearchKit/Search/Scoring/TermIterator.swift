/// A query word: walks the plans whose body holds its folded form (the title
/// is part of the body), and scores body and title, exact matches in full and
/// folded-only ones ("bạn" for "bàn") at a lower weight.
final class TermIterator: ClauseIterator {
    // Lists a segment lacks are `PostingsCursor.empty` (no optionals in the
    // scoring loop, whose optional-cursor accessors showed in perf).
    private var body: PostingsCursor
    private var bodyExact = PostingsCursor.empty
    private var title = PostingsCursor.empty
    private var titleExact = PostingsCursor.empty
    private let hasTitle: Bool
    /// Whether the body's and the title's lists of the exact form hold what
    /// their folded lists hold (`SegmentReader.haveSamePostings`): then they
    /// are not read, and the exact counts are the folded counts.
    private let bodyFormsAgree: Bool
    private let titleFormsAgree: Bool
    private let averageBodyLength: Double
    private let averageTitleLength: Double
    /// The score formula's inputs besides the counts (idf, weights, BM25,
    /// whether the word has diacritics, the segment's plans and norms).
    private let weights: WordWeights
    /// Holds the norms `weights` points into.
    private let fieldNorms: FieldNorms
    private var started = false
    /// Storage of the cursors that decode whole blocks; freed with the iterator.
    private var buffers: [PostingsBlockBuffer] = []
    /// What the word's per-plan scores in this segment depend on (`TermScoreCache`).
    let scoreKey: TermScoreCache.Key

    /// Nil when the segment lacks the word.
    init?(term: Query.Term, idf: Double, context: SegmentContext, titleWeight: Double, foldedOnlyWeight: Double) throws {
        let s = context.segment
        guard let info = s.info(TermField.bodyFolded.key(term.folded)) else { return nil }
        body = try s.cursor(info, positions: false)
        let hasDiacritics = term.hasDiacritics
        let titleInfo = s.info(TermField.titleFolded.key(term.folded))
        if let titleInfo { title = try s.cursor(titleInfo, positions: false) }
        (bodyExact, bodyFormsAgree) = hasDiacritics ? try Self.exactForm(.bodyExact, term, besides: info, in: s) : (.empty, false)
        (titleExact, titleFormsAgree) = hasDiacritics ? try Self.exactForm(.titleExact, term, besides: titleInfo, in: s) : (.empty, false)
        hasTitle = title.docFreq > 0
        fieldNorms = context.norms
        weights = WordWeights(idf: idf, titleWeight: titleWeight, foldedOnlyWeight: foldedOnlyWeight,
                              hasDiacritics: hasDiacritics, bm25: context.bm25, norms: fieldNorms.base,
                              documentCount: s.documentCount)
        averageBodyLength = context.averageBodyLength
        averageTitleLength = context.averageTitleLength
        scoreKey = TermScoreCache.Key(segment: s.name,
                                      clause: .word(exact: term.exact, folded: term.folded, hasDiacritics: hasDiacritics),
                                      idf: idf, titleWeight: titleWeight, foldedOnlyWeight: foldedOnlyWeight,
                                      bm25: context.bm25)
        // Exact and folded-only occurrences each saturate: tf(e) + w·tf(f − e)
        // can pass k1 + 1, never (1 + w)(k1 + 1).
        let field = idf * (hasDiacritics ? 1 + foldedOnlyWeight : 1) * (context.bm25.k1 + 1)
        bodyBound = field
        super.init(upperBound: field * (1 + (hasTitle ? titleWeight : 0)), cost: info.docFreq)
        body.decodeBlocksIfLong(keepingBufferIn: &buffers)
        bodyExact.decodeBlocksIfLong(keepingBufferIn: &buffers)
        title.decodeBlocksIfLong(keepingBufferIn: &buffers)
        titleExact.decodeBlocksIfLong(keepingBufferIn: &buffers)
    }

    private let bodyBound: Double

    /// The cursor of the word's exact-form list in `field` (empty when the
    /// segment lacks it), or, when that list holds what the folded list
    /// `folded` holds, an empty cursor and `agrees`: the list is not read.
    private static func exactForm(_ field: TermField, _ term: Query.Term, besides folded: TermInfo?,
                                  in s: SegmentReader) throws -> (cursor: PostingsCursor, agrees: Bool) {
        guard let exact = s.info(field.key(term.exact)) else { return (.empty, false) }
        if let folded, try s.haveSamePostings(exact, folded) { return (.empty, true) }
        return (try s.cursor(exact, positions: false), false)
    }

    /// A plan without the word in its title scores at most the body's bound.
    override var denseBound: Double { bodyBound }

    /// The plans with the word in their title.
    override var hasSparseList: Bool { hasTitle }

    override func sparseNext(from target: UInt32) throws -> UInt32 {
        guard hasTitle else { return exhaustedDoc }
        return try title.advance(to: target) ? title.doc : exhaustedDoc
    }

    override func advance(to target: UInt32) throws -> UInt32 {
        if started && doc >= target { return doc }
        started = true
        doc = try body.advance(to: target) ? body.doc : exhaustedDoc
        return doc
    }

    /// tf of `cursor` at `doc`, 0 when absent.
    @inline(__always) private func tf(_ cursor: inout PostingsCursor) throws -> UInt32 {
        guard try cursor.advance(to: doc), cursor.doc == doc else { return 0 }
        return cursor.tf
    }

    override func score() throws -> Double {
        let d = Int(doc)
        guard d < weights.documentCount else { throw PostingsCursor.corrupt("posting beyond the last plan") }
        return try weights.score(plan: d, folded: body.tf, exact: bodyFormsAgree ? body.tf : try tf(&bodyExact),
                                 inTitle: hasTitle ? try tf(&title) : 0,
                                 exactInTitle: { titleFormsAgree ? title.tf : try tf(&titleExact) })
    }

    /// Term at a time, every word required: adds the word's score to
    /// `scores[d]` of the plans d of the segment whose `rounds[d]` is `round`
    /// (they held every word scored before this one), and moves them to
    /// round + 1. The sums are those of one plan at a time, word by word in
    /// the same order, so plans rank exactly as they would there.
    ///
    /// Reads each list whole, with no call per posting, for an iterator not
    /// yet advanced. `scratch` holds zeroed arrays of `documentCount` plans,
    /// for the exact-form and title lists, and is left zeroed unless it throws.
    func accumulate(into scores: UnsafeMutablePointer<Double>, rounds: UnsafeMutablePointer<UInt8>, round: UInt8,
                    scratch: WordScratch) throws {
        try forEachScore(scratch: scratch, into: EveryWordSink(scores: scores, rounds: rounds, round: round))
    }

    /// Term at a time, every word required, as `accumulate(into:rounds:round:scratch:)`,
    /// but the word's score is worked out and added only for the plans
    /// marked in `marks` (1): the others move to round + 1 unscored. Their
    /// count is what a search may not skip; their scores, where no plan
    /// without a query word in its title can reach the top, it need not
    /// know (`TermAtATime.conjunction`).
    func accumulate(into scores: UnsafeMutablePointer<Double>, rounds: UnsafeMutablePointer<UInt8>, round: UInt8,
                    scoringOnly marks: UnsafePointer<UInt8>, scratch: WordScratch) throws {
        try forEachScore(scratch: scratch,
                         into: MarkedPlansSink(scores: scores, rounds: rounds, round: round, marks: marks))
    }

    /// Sets `marks[d]` to 1 and `scores[d]` to 0 for each plan d whose title
    /// holds the word, read from a copy of the title list: the iterator
    /// does not move.
    func markTitlePlans(_ marks: UnsafeMutablePointer<UInt8>, zeroing scores: UnsafeMutablePointer<Double>) throws {
        guard hasTitle else { return }
        var titles = title
        let n = weights.documentCount
        try titles.forEachBlock { docs, _, count in
            try Self.checkLastPlan(docs, count, documentCount: n)
            for i in 0..<count {
                marks[Int(docs[i])] = 1
                scores[Int(docs[i])] = 0
            }
        }
    }

    /// Term at a time, any word will do: adds the word's score to `scores[d]`
    /// of every plan d holding it, `idf` to `held[d]`, and sets `rounds[d]`
    /// to 1. As `accumulate(into:rounds:round:scratch:)` otherwise.
    func accumulate(into scores: UnsafeMutablePointer<Double>, held: UnsafeMutablePointer<Double>, idf heldIDF: Double,
                    rounds: UnsafeMutablePointer<UInt8>, scratch: WordScratch) throws {
        try forEachScore(scratch: scratch,
                         into: AnyWordSink(scores: scores, held: held, idf: heldIDF, rounds: rounds))
    }

    /// The word's score in every plan of the segment that holds it
    /// (`TermScores.absent` elsewhere), read term at a time, for an iterator
    /// not yet advanced; `scratch` as for `accumulate`.
    func scoreEveryPlan(scratch: WordScratch) throws -> TermScores {
        let scores = TermScores(documentCount: weights.documentCount)
        try forEachScore(scratch: scratch, into: EveryPlanSink(scores: scores.values.baseAddress!))
        return scores
    }

    /// Gives `sink` the word's score (`score()`'s) in each plan of its list
    /// that the sink wants, in plan order, read term at a time. Generic, so
    /// that each sink gets a copy of the loop with its code in it.
    private func forEachScore<Sink: ScoreSink>(scratch: WordScratch, into sink: Sink) throws {
        // A title list holds each plan once at most: more (a damaged count) throws.
        let titleCapacity = min(title.docFreq, weights.documentCount)
        try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: titleCapacity) { titlePlans in
            let titled = try writeTitleParts(scratch, plans: titlePlans)
            defer { for d in titlePlans.prefix(titled) { scratch.titleParts[Int(d)] = 0 } }
            try forEachScore(scratch: scratch, sink)
        }
    }

    /// `forEachScore(scratch:into:)` once the title parts are written.
    private func forEachScore<Sink: ScoreSink>(scratch: WordScratch, _ sink: Sink) throws {
        let n = weights.documentCount
        let exactTF = scratch.exactCounts, titleParts = scratch.titleParts
        // The exact-form list is a subset of the body list: the body walk
        // reads each plan's count, 0 where the list was not written. The
        // array is zeroed after the walk, whole, which also clears what a
        // damaged list (a plan the body list lacks) left. Zeroing each count
        // behind the walk, and counting them to find such leftovers, made
        // "giáo dục pháp luật" with facets cost 15.5 M instructions against
        // 14.6 M (callgrind, 20,000 plans).
        let written = try Self.scatter(&bodyExact, into: exactTF, documentCount: n)
        defer { if written > 0 { exactTF.update(repeating: 0, count: n) } }
        // A copy the loop's stores through pointers cannot change, so its
        // fields stay in registers (read from the iterator, they were
        // loaded again for every plan).
        let weights = self.weights, bodyFormsAgree = self.bodyFormsAgree
        @inline(__always) func score(_ i: Int, of docs: UnsafePointer<UInt32>, _ tfs: UnsafePointer<UInt32>) {
            let d = Int(docs[i])
            let exact = bodyFormsAgree ? tfs[i] : exactTF[d]
            sink.add(d, weights.scoreWithoutBranch(plan: d, folded: tfs[i], exact: exact, titlePart: titleParts[d]))
        }
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: PostingsCodec.blockSize) { wanted in
            try body.forEachBlock { docs, tfs, count in
                try Self.checkLastPlan(docs, count, documentCount: n)
                guard Sink.filters, count <= wanted.count else {
                    // Every plan wanted (or a block longer than a block, which a cursor never gives).
                    for i in 0..<count where sink.wanted(Int(docs[i])) == 1 {
                        if Sink.scoresSome {
                            sink.hold(Int(docs[i]))
                            if sink.scored(Int(docs[i])) == 0 { continue }
                        }
                        score(i, of: docs, tfs)
                    }
                    return
                }
                // The block's wanted postings listed first, without a branch
                // on each: whether a plan held the words before this one is
                // as good as random, and a branch on it was mispredicted (a
                // third of the times it was taken, cachegrind).
                var m = 0
                for i in 0..<count {
                    wanted[m] = UInt8(truncatingIfNeeded: i)
                    m &+= sink.wanted(Int(docs[i]))
                }
                if Sink.scoresSome {
                    // Each wanted plan is held; those to be scored are
                    // listed again, in place, as above.
                    var s = 0
                    for j in 0..<m {
                        let i = wanted[j], d = Int(docs[Int(i)])
                        sink.hold(d)
                        wanted[s] = i
                        s &+= sink.scored(d)
                    }
                    m = s
                }
                for j in 0..<m { score(Int(wanted[j]), of: docs, tfs) }
            }
        }
    }

    /// Writes the title's part of the word's score (`WordWeights.titlePart`)
    /// to `scratch.titleParts[d]` of each plan d whose title holds the word,
    /// and d to `plans`; returns how many. Worked out for those plans alone,
    /// it spares the body walk two divisions per plan, for the title parts of
    /// plans whose title lacks the word, which are 0: the three three-word
    /// queries of the peers' mix took 7.86 M instructions a search against
    /// 9.09 M (callgrind, 20,000 plans).
    private func writeTitleParts(_ scratch: WordScratch, plans: UnsafeMutableBufferPointer<UInt32>) throws -> Int {
        guard hasTitle else { return 0 }
        let n = weights.documentCount
        let exactTF = scratch.titleExactCounts, parts = scratch.titleParts
        let written = titleFormsAgree ? 0 : try Self.scatter(&titleExact, into: exactTF, documentCount: n)
        defer { if written > 0 { exactTF.update(repeating: 0, count: n) } }
        let weights = self.weights, titleFormsAgree = self.titleFormsAgree
        var count = 0
        try title.forEachBlock { docs, tfs, blockCount in
            try Self.checkLastPlan(docs, blockCount, documentCount: n)
            guard count + blockCount <= plans.count else {
                throw PostingsCursor.corrupt("title list holds more plans than its segment")
            }
            for i in 0..<blockCount {
                let d = Int(docs[i])
                parts[d] = weights.titlePart(plan: d, folded: tfs[i], exact: titleFormsAgree ? tfs[i] : exactTF[d])
                plans[count + i] = docs[i]
            }
            count += blockCount
        }
        return count
    }

    /// Writes each plan's tf in `cursor`'s list (not yet read) to
    /// `counts[plan]`; returns how many plans it wrote.
    private static func scatter(_ cursor: inout PostingsCursor, into counts: UnsafeMutablePointer<UInt32>,
                                documentCount n: Int) throws -> Int {
        guard cursor.docFreq > 0 else { return 0 }
        var written = 0
        try cursor.forEachBlock { docs, tfs, count in
            try checkLastPlan(docs, count, documentCount: n)
            for i in 0..<count { counts[Int(docs[i])] = tfs[i] }
            written += count
        }
        return written
    }

    /// Throws unless every plan of a block lies before `n`: the cursor
    /// gives a block's plans in increasing order (it throws on a block out
    /// of order), so its last is checked for all. A check per posting was
    /// 2% of a web search (callgrind).
    @inline(__always) private static func checkLastPlan(_ docs: UnsafePointer<UInt32>, _ count: Int,
                                                        documentCount n: Int) throws {
        guard count == 0 || Int(docs[count - 1]) < n else { throw PostingsCursor.corrupt("posting beyond the last plan") }
    }

    /// At least `score()`, without reading the title's exact-form list, so
    /// that a plan that cannot reach the top is not scored in full.
    ///
    /// The body part is exact: its exact-form count is read. A bound from the
    /// folded count alone, (1 + w)·tf(f), stood 30% above the score of a plan
    /// holding only the query's forms, and let ten times as many plans through
    /// to be scored for "bình đẳng giới" as for "binh dang gioi" (counted).
    /// The title part is `partBound`: a title holds a word once, mostly,
    /// and then the bound is the score.
    override func bound() throws -> Double {
        let d = Int(doc)
        guard d < weights.documentCount else { throw PostingsCursor.corrupt("posting beyond the last plan") }
        let exact = !weights.hasDiacritics ? 0 : bodyFormsAgree ? body.tf : try tf(&bodyExact)
        var s = weights.part(folded: body.tf, exact: exact,
                             k1Norm: fieldNorms.body(d))
        if hasTitle {
            let titleTF = try tf(&title)
            if titleTF > 0 {
                s += weights.titleWeight * weights.partBound(folded: titleTF, k1Norm: fieldNorms.title(d))
            }
        }
        return weights.idf * s
    }

    /// From the body list's block impact (the block holding `target`), and
    /// the title list's when the title holds the word within that block:
    /// every plan there holds the word at most maxTF times in a field at
    /// least minLength long.
    override func blockBound(from target: UInt32) throws -> BlockBound? {
        guard let block = try body.blockImpact(from: target) else { return nil }
        var s = weights.partBound(folded: block.maxTF,
                                  k1Norm: weights.bm25.k1Norm(length: Double(block.minLength),
                                                              averageLength: averageBodyLength))
        if hasTitle, try title.advance(to: target), title.doc <= block.lastDoc {
            var t = try title.blockImpact(from: target) ?? .unknown
            // A title block that ends first says nothing of the title's later blocks.
            if t.lastDoc < block.lastDoc { t = .unknown }
            let norm = weights.bm25.k1Norm(length: Double(t.minLength), averageLength: averageTitleLength)
            s += weights.titleWeight * weights.partBound(folded: t.maxTF, k1Norm: norm)
        }
        return BlockBound(lastDoc: block.lastDoc, score: min(weights.idf * s, upperBound))
    }
}

/// What a word's score in a plan depends on besides its counts there.
private struct WordWeights {
    let idf: Double
    let titleWeight: Double
    let foldedOnlyWeight: Double
    let hasDiacritics: Bool
    let bm25: BM25
    /// The segment's `FieldNorms`: body norms, then title norms.
    let norms: UnsafePointer<Double>
    let documentCount: Int

    /// The word's score in plan `d` from its counts there: the body's folded
    /// and exact counts, the title's folded count, and the title's exact
    /// count, asked for only when the title holds the word. One formula for
    /// `TermIterator.score()` and the term-at-a-time walk, which must agree
    /// to the bit.
    @inline(__always)
    func score(plan d: Int, folded: UInt32, exact: UInt32, inTitle: UInt32,
               exactInTitle: () throws -> UInt32) rethrows -> Double {
        var s = part(folded: folded, exact: exact, k1Norm: norms[d])
        if inTitle > 0 {
            s += titleWeight * part(folded: inTitle, exact: try exactInTitle(), k1Norm: norms[documentCount + d])
        }
        return idf * s
    }

    /// `score`'s bits without a branch on the counts, for the term-at-a-time
    /// walk: whether a plan's title holds the word, or holds it only in
    /// another form, is as good as random, and those branches were three
    /// quarters of the walk's mispredicted branches (cachegrind). The body's
    /// part is worked out, 0 where its count is 0; the title's is given,
    /// worked out beforehand for the plans whose title holds the word
    /// (`titlePart`) and 0 for the others; and x + 0 is x.
    @inline(__always)
    func scoreWithoutBranch(plan d: Int, folded: UInt32, exact: UInt32, titlePart: Double) -> Double {
        let body = partWithoutBranch(folded: folded, exact: exact, k1Norm: norms[d])
        return idf * (body + titleWeight * titlePart)
    }

    /// The title's part of `scoreWithoutBranch` in plan d, for its title's
    /// counts; 0 of a title that lacks the word.
    @inline(__always)
    func titlePart(plan d: Int, folded: UInt32, exact: UInt32) -> Double {
        partWithoutBranch(folded: folded, exact: exact, k1Norm: norms[documentCount + d])
    }

    /// `part`'s bits without a branch on the counts.
    @inline(__always) private func partWithoutBranch(folded: UInt32, exact: UInt32, k1Norm: Double) -> Double {
        guard hasDiacritics else { return bm25.tfWithoutBranch(Double(folded), k1Norm: k1Norm) }
        let e = min(exact, folded)
        return bm25.tfWithoutBranch(Double(e), k1Norm: k1Norm)
            + foldedOnlyWeight * bm25.tfWithoutBranch(Double(folded - e), k1Norm: k1Norm)
    }

    /// At least `part(folded: f, exact: e, …)` for every e, without e: with
    /// e ≥ 1, tf(e) ≤ tf(f) and tf(f − e) ≤ tf(f − 1); with e = 0, w·tf(f) ≤
    /// tf(f). A word held once is bounded by its score, where (1 + w)·tf(f),
    /// the bound before, stood 30% above it; it is never above (1 + w)·tf(f).
    @inline(__always) func partBound(folded f: UInt32, k1Norm: Double) -> Double {
        var b = bm25.tf(Double(f), k1Norm: k1Norm)
        if hasDiacritics && f > 1 { b += foldedOnlyWeight * bm25.tf(Double(f - 1), k1Norm: k1Norm) }
        return b
    }

    /// One field's part: exact occurrences in full, folded-only ones at `foldedOnlyWeight`.
    @inline(__always) func part(folded: UInt32, exact: UInt32, k1Norm: Double) -> Double {
        guard hasDiacritics else { return bm25.tf(Double(folded), k1Norm: k1Norm) }
        let e = min(exact, folded)
        return bm25.tf(Double(e), k1Norm: k1Norm) + foldedOnlyWeight * bm25.tf(Double(folded - e), k1Norm: k1Norm)
    }
}

/// Where `TermIterator.forEachScore` puts a word's scores, term at a time.
private protocol ScoreSink {
    /// Whether some plans are not wanted; if not, `wanted` is never asked.
    static var filters: Bool { get }
    /// 1 if plan `d` is still wanted, else 0.
    func wanted(_ d: Int) -> Int
    /// Adds the word's score in plan `d`.
    func add(_ d: Int, _ score: Double)
    /// Whether only some wanted plans are scored (with `filters`): each
    /// wanted plan is then `hold`, and scored when `scored` says 1.
    static var scoresSome: Bool { get }
    /// Records that wanted plan `d` holds the word, scored or not.
    func hold(_ d: Int)
    /// 1 if wanted plan `d` is scored, else 0.
    func scored(_ d: Int) -> Int
}

extension ScoreSink {
    static var scoresSome: Bool { false }
    func hold(_ d: Int) {}
    func scored(_ d: Int) -> Int { 1 }
}

/// Every word required: the plans that held every word before this one.
private struct EveryWordSink: ScoreSink {
    let scores: UnsafeMutablePointer<Double>
    let rounds: UnsafeMutablePointer<UInt8>
    let round: UInt8

    static var filters: Bool { true }

    /// Worked out without a comparison: 1 exactly when rounds[d] ^ round is 0.
    @inline(__always) func wanted(_ d: Int) -> Int {
        Int(truncatingIfNeeded: (UInt32(rounds[d] ^ round) &- 1) >> 31)
    }

    /// Moves plan d on to the next round: it holds this word too.
    @inline(__always) func hold(_ d: Int) { rounds[d] = round &+ 1 }

    @inline(__always) func add(_ d: Int, _ score: Double) {
        scores[d] += score
        hold(d)
    }
}

/// Every word required, only the marked plans scored: the plans that held
/// every word before this one move on; the marked ones among them add the
/// word's score.
private struct MarkedPlansSink: ScoreSink {
    /// The plans that held every word before this one, as when every plan is scored.
    let words: EveryWordSink
    let marks: UnsafePointer<UInt8>

    init(scores: UnsafeMutablePointer<Double>, rounds: UnsafeMutablePointer<UInt8>, round: UInt8,
         marks: UnsafePointer<UInt8>) {
        words = EveryWordSink(scores: scores, rounds: rounds, round: round)
        self.marks = marks
    }

    static var filters: Bool { true }
    static var scoresSome: Bool { true }

    @inline(__always) func wanted(_ d: Int) -> Int { words.wanted(d) }

    @inline(__always) func hold(_ d: Int) { words.hold(d) }

    @inline(__always) func scored(_ d: Int) -> Int { Int(marks[d]) }

    /// The plan is held already (`hold`).
    @inline(__always) func add(_ d: Int, _ score: Double) { words.scores[d] += score }
}

/// Every plan holding the word, its score set (`TermScores`).
private struct EveryPlanSink: ScoreSink {
    let scores: UnsafeMutablePointer<Double>

    static var filters: Bool { false }

    @inline(__always) func wanted(_ d: Int) -> Int { 1 }

    @inline(__always) func add(_ d: Int, _ score: Double) { scores[d] = score }
}

/// Any word will do: every plan holding it, whose held idf grows.
private struct AnyWordSink: ScoreSink {
    let scores: UnsafeMutablePointer<Double>
    let held: UnsafeMutablePointer<Double>
    let idf: Double
    let rounds: UnsafeMutablePointer<UInt8>

    static var filters: Bool { false }

    @inline(__always) func wanted(_ d: Int) -> Int { 1 }

    @inline(__always) func add(_ d: Int, _ score: Double) {
        scores[d] += score
        held[d] += idf
        rounds[d] = 1
    }
}
