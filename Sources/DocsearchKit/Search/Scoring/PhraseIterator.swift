/// A quoted phrase: plans where the folded words stand one after another.
final class PhraseIterator: ClauseIterator, PhraseScoring {
    /// One cursor per word, in storage of their own: held in an array
    /// property, each cursor's move checked the array's uniqueness (perf).
    private let cursors: UnsafeMutableBufferPointer<PostingsCursor>
    /// The lists of the phrase's pairs of common words (`WordPairs`), shortest
    /// first, in a segment that holds them: a plan lacking one cannot hold the
    /// phrase, and they are far shorter than the words' lists.
    private let pairCursors: UnsafeMutableBufferPointer<PostingsCursor>
    private let context: SegmentContext
    private let weights: PhraseWeights
    private var started = false
    private var occurrences = 0
    /// The words' positions in the current plan, in storage of its own
    /// (`PostingsCursor.readPositions`): word i's from `starts[i]` to `ends[i]`.
    private var positions: UnsafeMutablePointer<UInt32>
    private var positionsCapacity = 256
    private var starts: [Int]
    private var ends: [Int]
    /// The words in the order the current plan's positions are read: fewest occurrences first.
    private let readOrder: UnsafeMutableBufferPointer<Int>
    /// Storage of the cursors that decode whole blocks; freed with the iterator.
    private var buffers: [PostingsBlockBuffer] = []
    /// What the phrase's per-plan scores in this segment depend on (`PhraseWeights.scoreKey`).
    let scoreKey: TermScoreCache.Key

    /// Nil when the segment lacks a word of the phrase, or one of its pairs
    /// of common words where it holds them. `readsPairs`: false, the words'
    /// lists alone are walked (the tests compare the two ways).
    init?(phrase: Query.Phrase, idf: Double, context: SegmentContext, readsPairs: Bool = true) throws {
        var cursors: [PostingsCursor] = []
        var cost = Int.max
        for t in phrase.terms {
            guard let info = context.segment.info(TermField.bodyFolded.key(t.folded)) else { return nil }
            var cursor = try context.segment.cursor(info, positions: true)
            cursor.decodeBlocksIfLong(keepingBufferIn: &buffers)
            cursors.append(cursor)
            cost = min(cost, info.docFreq)
        }
        guard !cursors.isEmpty else { return nil }
        var pairs: [PostingsCursor] = []
        if readsPairs {
            for (first, second) in zip(phrase.terms, phrase.terms.dropFirst()) {
                switch context.segment.wordPairList(first.folded, second.folded) {
                case let .listed(info):
                    var cursor = try context.segment.cursor(info, positions: false)
                    cursor.decodeBlocksIfLong(keepingBufferIn: &buffers)
                    pairs.append(cursor)
                case .absent: return nil
                case .notKept: continue
                }
            }
            pairs.sort { $0.docFreq < $1.docFreq }
        }
        pairCursors = .allocate(capacity: pairs.count)
        _ = pairCursors.initialize(from: pairs)
        self.cursors = .allocate(capacity: cursors.count)
        _ = self.cursors.initialize(from: cursors)
        positions = .allocate(capacity: positionsCapacity)
        starts = Array(repeating: 0, count: cursors.count)
        ends = starts
        readOrder = .allocate(capacity: cursors.count)
        _ = readOrder.initialize(from: 0..<cursors.count)
        self.context = context
        weights = PhraseWeights(idf: idf, context: context)
        scoreKey = weights.scoreKey(of: phrase)
        super.init(upperBound: weights.upperBound, cost: cost)
    }

    // A cursor holds no references: its storage needs no deinitialising.
    deinit {
        cursors.deallocate()
        pairCursors.deallocate()
        positions.deallocate()
        readOrder.deallocate()
    }

    var segmentDocumentCount: Int { context.segment.documentCount }

    /// How many pair lists the phrase walks besides its words'.
    var pairListCount: Int { pairCursors.count }

    override func advance(to target: UInt32) throws -> UInt32 {
        if started && doc >= target { return doc }
        started = true
        var candidate = target
        while true {
            // The pairs' lists lead: the first stands where it may, the
            // others and the words must stand there too.
            var agreed = true
            for i in 0..<pairCursors.count {
                guard try pairCursors[i].advance(to: candidate) else { doc = exhaustedDoc; return doc }
                if pairCursors[i].doc != candidate {
                    candidate = pairCursors[i].doc
                    if i > 0 { agreed = false; break }
                }
            }
            guard agreed else { continue }
            guard try cursors[0].advance(to: candidate) else { doc = exhaustedDoc; return doc }
            if cursors[0].doc != candidate {
                candidate = cursors[0].doc
                if !pairCursors.isEmpty { continue }
            }
            for i in 1..<cursors.count {
                guard try cursors[i].advance(to: candidate) else { doc = exhaustedDoc; return doc }
                if cursors[i].doc != candidate { candidate = cursors[i].doc; agreed = false; break }
            }
            guard agreed else { continue }
            // The phrase stands in a plan at most as often as its rarest word,
            // or pair: a plan that cannot pass the floor even so is not looked into.
            if scoreFloor > -Double.infinity {
                var most = UInt32.max
                for c in cursors { most = min(most, c.tf) }
                for p in pairCursors { most = min(most, p.tf) }
                if try weights.score(occurrences: most, plan: Int(candidate)) <= scoreFloor {
                    skippedUnmatched = true
                    candidate += 1
                    continue
                }
            }
            occurrences = try countOccurrences()
            if occurrences > 0 { doc = candidate; return doc }
            candidate += 1
        }
    }

    /// How many times the words stand one after another in the current plan.
    ///
    /// Of three words or more, the words are read fewest occurrences first,
    /// and each but the last is checked against the nearest word of the
    /// phrase already read: most plans that hold every word lack the phrase,
    /// and two words not standing at their distance in the phrase tell so
    /// before the more frequent words' positions are read. (The two rarest
    /// alone often stand together in plans without the phrase: "tiếp cận" in
    /// 4,735 of the 20,000 generated plans, "tiếp cận pháp luật" in 2,320.)
    private func countOccurrences() throws -> Int {
        var used = 0
        func read(_ i: Int) throws {
            let n = try cursors[i].pendingPositionCount()
            if used + n > positionsCapacity {
                positionsCapacity = max(2 * positionsCapacity, used + n)
                let larger = UnsafeMutablePointer<UInt32>.allocate(capacity: positionsCapacity)
                larger.update(from: positions, count: used)
                positions.deallocate()
                positions = larger
            }
            starts[i] = used
            used += try cursors[i].readPositions(into: positions + used)
            ends[i] = used
        }
        let words = cursors.count
        if words >= 3 {
            // Insertion sort by the plan's counts: a handful of words.
            for r in 1..<words {
                let k = readOrder[r]
                var q = r
                while q > 0 && cursors[readOrder[q - 1]].tf > cursors[k].tf { readOrder[q] = readOrder[q - 1]; q -= 1 }
                readOrder[q] = k
            }
            try read(readOrder[0])
            for r in 1..<words {
                let k = readOrder[r]
                try read(k)
                // The last word read is checked by the count itself.
                guard r < words - 1 else { break }
                var j = readOrder[0]
                for q in 1..<r where abs(readOrder[q] - k) < abs(j - k) { j = readOrder[q] }
                let p = UnsafeBufferPointer(start: positions, count: used)
                if !Self.stand(p[starts[j]..<ends[j]], p[starts[k]..<ends[k]], at: k - j) { return 0 }
            }
        } else {
            for i in 0..<words { try read(i) }
        }
        let p = UnsafeBufferPointer(start: positions, count: used)
        if words == 2 { return Self.pairs(p[starts[0]..<ends[0]], p[starts[1]..<ends[1]]) }
        return starts.withUnsafeBufferPointer { s in ends.withUnsafeBufferPointer { e in Self.runs(p, starts: s, ends: e) } }
    }

    /// Whether some position of `second` is `distance` (which may be
    /// negative) after one of `first` (both ascending).
    static func stand(_ first: Slice<UnsafeBufferPointer<UInt32>>, _ second: Slice<UnsafeBufferPointer<UInt32>>,
                      at distance: Int) -> Bool {
        var j = second.startIndex
        for x in first {
            let want = Int(x) + distance
            while j < second.endIndex && Int(second[j]) < want { j += 1 }
            if j == second.endIndex { return false }
            if Int(second[j]) == want { return true }
        }
        return false
    }

    /// How many positions of `first` have the next one in `second` (both
    /// ascending): `runs` for two words, without its bookkeeping per word,
    /// for a phrase of one two-syllable word such as "nhân quyền" (11% of
    /// its work, callgrind).
    ///
    /// A merge that moves on by arithmetic, not by branches: where the next
    /// position of either word falls is as good as random, and the merge's
    /// branches were the most mispredicted of the peers' query mix (11% of
    /// them, cachegrind --branch-sim).
    static func pairs(_ first: Slice<UnsafeBufferPointer<UInt32>>, _ second: Slice<UnsafeBufferPointer<UInt32>>) -> Int {
        var n = 0, i = first.startIndex, j = second.startIndex
        while i < first.endIndex && j < second.endIndex {
            // d < 1 when the first word's next position, plus one, is at
            // most the second's (the first moves on); d > -1 when at least
            // (the second moves on); both when they stand side by side.
            let d = Int64(first[i]) + 1 - Int64(second[j])
            let firstMoves = Int(truncatingIfNeeded: UInt64(bitPattern: d &- 1) >> 63)
            let secondMoves = Int(truncatingIfNeeded: UInt64(bitPattern: 0 &- d &- 1) >> 63)
            n &+= firstMoves & secondMoves
            i &+= firstMoves
            j &+= secondMoves
        }
        return n
    }

    /// How many positions of word 0 have word 1 at the next one, word 2 at
    /// the one after, and so on: a walk over each word's sorted positions
    /// (word i's from `starts[i]` to `ends[i]`).
    static func runs(_ positions: UnsafeBufferPointer<UInt32>, starts: UnsafeBufferPointer<Int>,
                     ends: UnsafeBufferPointer<Int>) -> Int {
        let words = starts.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: words) { next in
            for i in 0..<words { next[i] = starts[i] }
            var n = 0
            for k in starts[0]..<ends[0] {
                let start = positions[k]
                var all = true
                for i in 1..<words {
                    let want = start &+ UInt32(i)
                    let end = ends[i]
                    var j = next[i]
                    while j < end && positions[j] < want { j += 1 }
                    next[i] = j
                    if j == end { return n }
                    if positions[j] != want { all = false; break }
                }
                if all { n += 1 }
            }
            return n
        }
    }

    override func score() throws -> Double { try weights.score(occurrences: UInt32(occurrences), plan: Int(doc)) }

    /// The phrase's score in every plan holding it (`TermScores.absent`
    /// elsewhere), one plan at a time, for an iterator not yet advanced.
    func scoreEveryPlan() throws -> TermScores {
        let scores = TermScores(documentCount: context.segment.documentCount)
        var d = try advance(to: 0)
        while d != exhaustedDoc {
            let score = try score()  // throws for a plan past the segment's last
            scores.values[Int(d)] = score
            d = try advance(to: d &+ 1)
        }
        return scores
    }
}

/// What a quoted phrase's score in a plan depends on besides how often it
/// stands there: one formula for `PhraseIterator` and `WordPairIterator`,
/// whose scores must agree to the bit.
struct PhraseWeights {
    let idf: Double
    let context: SegmentContext
    /// The segment's norms (a phrase is scored in the body alone).
    let norms: FieldNorms

    init(idf: Double, context: SegmentContext) {
        self.idf = idf
        self.context = context
        norms = context.norms
    }

    /// No plan scores more: BM25's tf stays below k1 + 1.
    var upperBound: Double { idf * (context.bm25.k1 + 1) }

    /// What the phrase's per-plan scores in this segment depend on
    /// (`TermScoreCache`): its folded words, idf and BM25; a phrase is
    /// scored in the body alone, so the weights of the title and of
    /// folded-only matches are left out (0).
    func scoreKey(of phrase: Query.Phrase) -> TermScoreCache.Key {
        TermScoreCache.Key(segment: context.segment.name, clause: .phrase(folded: phrase.terms.map(\.folded)),
                           idf: idf, titleWeight: 0, foldedOnlyWeight: 0, bm25: context.bm25)
    }

    /// The score of plan `d`, where the phrase stands `occurrences` times;
    /// throws for a plan past the segment's last.
    @inline(__always) func score(occurrences: UInt32, plan d: Int) throws -> Double {
        guard d < context.segment.documentCount else {
            throw StoreError.corrupt(path: context.segment.name, reason: "posting beyond the last plan")
        }
        return idf * context.bm25.tf(Double(occurrences), k1Norm: norms.body(d))
    }
}
