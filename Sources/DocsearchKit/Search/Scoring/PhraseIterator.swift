/// A quoted phrase: plans where the folded words stand one after another.
final class PhraseIterator: ClauseIterator {
    private var cursors: [PostingsCursor]
    private let context: SegmentContext
    private let idf: Double
    private var started = false
    private var occurrences = 0
    /// Each word's positions in the current plan.
    private var positions: [[UInt32]]
    /// Where each word's walk stands in `positions`.
    private var next: [Int]
    /// Storage of the cursors that decode whole blocks; freed with the iterator.
    private var buffers: [PostingsBlockBuffer] = []

    init?(phrase: Query.Phrase, idf: Double, context: SegmentContext) throws {
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
        self.cursors = cursors
        positions = Array(repeating: [], count: cursors.count)
        next = Array(repeating: 0, count: cursors.count)
        self.context = context
        self.idf = idf
        super.init(upperBound: idf * (context.bm25.k1 + 1), cost: cost)
    }

    override func advance(to target: UInt32) throws -> UInt32 {
        if started && doc >= target { return doc }
        started = true
        var candidate = target
        while true {
            guard try cursors[0].advance(to: candidate) else { doc = exhaustedDoc; return doc }
            candidate = cursors[0].doc
            var agreed = true
            for i in 1..<cursors.count {
                guard try cursors[i].advance(to: candidate) else { doc = exhaustedDoc; return doc }
                if cursors[i].doc != candidate { candidate = cursors[i].doc; agreed = false; break }
            }
            guard agreed else { continue }
            // The phrase stands in a plan at most as often as its rarest word:
            // a plan that cannot pass the floor even so is not looked into.
            if scoreFloor > -Double.infinity {
                var most = UInt32.max
                for c in cursors { most = min(most, c.tf) }
                if try bound(occurrences: most, doc: candidate) <= scoreFloor {
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

    /// How many times the words stand one after another in the current plan:
    /// a walk over each word's sorted positions, kept in buffers reused from
    /// plan to plan.
    private func countOccurrences() throws -> Int {
        for i in cursors.indices { try cursors[i].positions(into: &positions[i]) }
        for i in next.indices { next[i] = 0 }
        var n = 0
        for start in positions[0] {
            var all = true
            for i in 1..<cursors.count {
                let want = start &+ UInt32(i)
                let count = positions[i].count
                var j = next[i]
                while j < count && positions[i][j] < want { j += 1 }
                next[i] = j
                if j == count { return n }
                if positions[i][j] != want { all = false; break }
            }
            if all { n += 1 }
        }
        return n
    }

    override func score() throws -> Double { try bound(occurrences: UInt32(occurrences), doc: doc) }

    /// The score of a plan where the phrase stands `occurrences` times.
    private func bound(occurrences: UInt32, doc: UInt32) throws -> Double {
        let d = Int(doc)
        guard d < context.segment.documentCount else {
            throw StoreError.corrupt(path: context.segment.name, reason: "posting beyond the last plan")
        }
        return idf * context.bm25.tf(Double(occurrences), length: Double(context.segment.bodyLength(d)),
                                     averageLength: context.averageBodyLength)
    }
}
