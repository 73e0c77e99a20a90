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
    private let lengths: UnsafeRawPointer?
    private let documentCount: Int
    private let averageBodyLength: Double
    private let averageTitleLength: Double
    private let bm25: BM25
    private let idf: Double
    private let titleWeight: Double
    private let foldedOnlyWeight: Double
    private let hasDiacritics: Bool
    private var started = false
    /// Storage of the cursors that decode whole blocks; freed with the iterator.
    private var buffers: [PostingsBlockBuffer] = []

    /// Nil when the segment lacks the word.
    init?(term: Query.Term, idf: Double, context: SegmentContext, titleWeight: Double, foldedOnlyWeight: Double) throws {
        let s = context.segment
        guard let info = s.info(TermField.bodyFolded.key(term.folded)) else { return nil }
        body = try s.cursor(info, positions: false)
        hasDiacritics = term.hasDiacritics
        if hasDiacritics, let e = s.info(TermField.bodyExact.key(term.exact)) { bodyExact = try s.cursor(e, positions: false) }
        if let t = s.info(TermField.titleFolded.key(term.folded)) { title = try s.cursor(t, positions: false) }
        if hasDiacritics, let t = s.info(TermField.titleExact.key(term.exact)) { titleExact = try s.cursor(t, positions: false) }
        hasTitle = title.docFreq > 0
        lengths = s.lengthTable
        documentCount = s.documentCount
        averageBodyLength = context.averageBodyLength
        averageTitleLength = context.averageTitleLength
        bm25 = context.bm25
        self.idf = idf
        self.titleWeight = titleWeight
        self.foldedOnlyWeight = foldedOnlyWeight
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

    @inline(__always) private func length(_ slot: Int) -> Double {
        guard let lengths else { return 0 }
        return Double(UInt32(littleEndian: lengths.loadUnaligned(fromByteOffset: slot * 4, as: UInt32.self)))
    }

    override func score() throws -> Double {
        let d = Int(doc)
        guard d < documentCount else { throw PostingsCursor.corrupt("posting beyond the last plan") }
        var s = part(folded: body.tf, exact: try tf(&bodyExact), length: length(d), average: averageBodyLength)
        if hasTitle {
            let titleTF = try tf(&title)
            if titleTF > 0 {
                s += titleWeight * part(folded: titleTF, exact: try tf(&titleExact), length: length(documentCount + d),
                                        average: averageTitleLength)
            }
        }
        return idf * s
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
        guard d < documentCount else { throw PostingsCursor.corrupt("posting beyond the last plan") }
        var s = part(folded: body.tf, exact: hasDiacritics ? try tf(&bodyExact) : 0, length: length(d),
                     average: averageBodyLength)
        if hasTitle {
            let titleTF = try tf(&title)
            if titleTF > 0 {
                s += titleWeight * partBound(folded: titleTF, length: length(documentCount + d), average: averageTitleLength)
            }
        }
        return idf * s
    }

    /// From the body list's block impact (the block holding `target`), and
    /// the title list's when the title holds the word within that block:
    /// every plan there holds the word at most maxTF times in a field at
    /// least minLength long.
    override func blockBound(from target: UInt32) throws -> BlockBound? {
        guard let block = try body.blockImpact(from: target) else { return nil }
        var s = partBound(folded: block.maxTF, length: Double(block.minLength), average: averageBodyLength)
        if hasTitle, try title.advance(to: target), title.doc <= block.lastDoc {
            var t = try title.blockImpact(from: target) ?? .unknown
            // A title block that ends first says nothing of the title's later blocks.
            if t.lastDoc < block.lastDoc { t = .unknown }
            s += titleWeight * partBound(folded: t.maxTF, length: Double(t.minLength), average: averageTitleLength)
        }
        return BlockBound(lastDoc: block.lastDoc, score: min(idf * s, upperBound))
    }

    /// At least `part(folded: f, exact: e, …)` for every e, without e: with
    /// e ≥ 1, tf(e) ≤ tf(f) and tf(f − e) ≤ tf(f − 1); with e = 0, w·tf(f) ≤
    /// tf(f). A word held once is bounded by its score, where (1 + w)·tf(f),
    /// the bound before, stood 30% above it; it is never above (1 + w)·tf(f).
    @inline(__always) private func partBound(folded f: UInt32, length: Double, average: Double) -> Double {
        var b = bm25.tf(Double(f), length: length, averageLength: average)
        if hasDiacritics && f > 1 { b += foldedOnlyWeight * bm25.tf(Double(f - 1), length: length, averageLength: average) }
        return b
    }

    @inline(__always) private func part(folded: UInt32, exact: UInt32, length: Double, average: Double) -> Double {
        guard hasDiacritics else { return bm25.tf(Double(folded), length: length, averageLength: average) }
        let e = min(exact, folded)
        return bm25.tf(Double(e), length: length, averageLength: average)
            + foldedOnlyWeight * bm25.tf(Double(folded - e), length: length, averageLength: average)
    }
}
