/// A quoted phrase of two common words ("nhân quyền"), read from the list
/// of the pair (`WordPairs`, `TermField.bodyPair`): the plans where the
/// folded words stand side by side and how often, which `PhraseIterator`
/// finds by merging the words' positions. Its scores are PhraseIterator's,
/// to the bit: the same formula (`PhraseWeights`) of the same count.
final class WordPairIterator: ClauseIterator, PhraseScoring {
    private var pair: PostingsCursor
    private let context: SegmentContext
    private let weights: PhraseWeights
    private var started = false
    /// Storage of the cursor when it decodes whole blocks; freed with the iterator.
    private var buffers: [PostingsBlockBuffer] = []
    /// PhraseIterator's key: the scores are the same, and so may be shared.
    let scoreKey: TermScoreCache.Key

    /// The two-word `phrase` from its pair's list `info` (`make` decides
    /// when there is one to read).
    private init(phrase: Query.Phrase, pair info: TermInfo, idf: Double, context: SegmentContext) throws {
        pair = try context.segment.cursor(info, positions: false)
        self.context = context
        weights = PhraseWeights(idf: idf, context: context)
        scoreKey = weights.scoreKey(of: phrase)
        super.init(upperBound: weights.upperBound, cost: info.docFreq)
        pair.decodeBlocksIfLong(keepingBufferIn: &buffers)
    }

    /// The clause of a quoted phrase in a segment: its pair's list when there
    /// is one to read, else the words' positions (`PhraseIterator`); nil when
    /// no plan of the segment can hold the phrase.
    static func make(phrase: Query.Phrase, idf: Double, context: SegmentContext) throws -> ClauseIterator? {
        if phrase.terms.count == 2 {
            switch context.segment.wordPairList(phrase.terms[0].folded, phrase.terms[1].folded) {
            case let .listed(info): return try WordPairIterator(phrase: phrase, pair: info, idf: idf, context: context)
            case .absent: return nil
            case .notKept: break
            }
        }
        return try PhraseIterator(phrase: phrase, idf: idf, context: context)
    }

    var segmentDocumentCount: Int { context.segment.documentCount }

    override func advance(to target: UInt32) throws -> UInt32 {
        if started && doc >= target { return doc }
        started = true
        doc = try pair.advance(to: target) ? pair.doc : exhaustedDoc
        return doc
    }

    override func score() throws -> Double { try weights.score(occurrences: pair.tf, plan: Int(doc)) }

    override func bound() throws -> Double { try score() }

    /// From the pair list's block impact: every plan of the block holds the
    /// pair at most maxTF times, in a body at least minLength long.
    override func blockBound(from target: UInt32) throws -> BlockBound? {
        guard let block = try pair.blockImpact(from: target) else { return nil }
        let k1Norm = context.bm25.k1Norm(length: Double(block.minLength), averageLength: context.averageBodyLength)
        return BlockBound(lastDoc: block.lastDoc, score: min(weights.idf * context.bm25.tf(Double(block.maxTF), k1Norm: k1Norm), upperBound))
    }

    /// The phrase's score in every plan holding it (`TermScores.absent`
    /// elsewhere), for an iterator not yet advanced.
    func scoreEveryPlan() throws -> TermScores {
        let scores = TermScores(documentCount: context.segment.documentCount)
        let values = scores.values.baseAddress!
        try pair.forEachBlock { docs, tfs, count in
            for i in 0..<count {
                let d = Int(docs[i])
                values[d] = try weights.score(occurrences: tfs[i], plan: d)
            }
        }
        return scores
    }
}
