/// A document reference: plans holding any of its keys (a cited document's
/// key, its kind and number, a plan's own number), scored per key.
final class ReferenceIterator: ClauseIterator {
    private struct Key { var cursor: PostingsCursor; var weight: Double; var live: Bool }
    /// In storage of their own, as `PhraseIterator`'s cursors: in an array
    /// property, each cursor's move checked the array's uniqueness, and
    /// reading a key copied its cursor.
    private let keys: UnsafeMutableBufferPointer<Key>
    private let context: SegmentContext
    private var started = false

    /// `weights` are the keys' full weights (idf and boost folded in).
    init?(keys found: [(key: [UInt8], weight: Double)], context: SegmentContext) throws {
        var keys: [Key] = []
        var cost = 0
        for (k, w) in found {
            guard let info = context.segment.info(k) else { continue }
            keys.append(Key(cursor: try context.segment.cursor(info, positions: false), weight: w, live: true))
            cost += info.docFreq
        }
        guard !keys.isEmpty else { return nil }
        self.keys = .allocate(capacity: keys.count)
        _ = self.keys.initialize(from: keys)
        self.context = context
        super.init(upperBound: keys.reduce(0) { $0 + $1.weight } * (context.bm25.k1 + 1), cost: cost)
    }

    // A key holds no references: its storage needs no deinitialising.
    deinit { keys.deallocate() }

    override func advance(to target: UInt32) throws -> UInt32 {
        if started && doc >= target { return doc }
        started = true
        var best = exhaustedDoc
        for i in keys.indices where keys[i].live {
            if try keys[i].cursor.advance(to: target) {
                best = min(best, keys[i].cursor.doc)
            } else {
                keys[i].live = false
            }
        }
        doc = best
        return doc
    }

    override func score() throws -> Double {
        var s = 0.0
        for i in keys.indices where keys[i].live && keys[i].cursor.doc == doc {
            s += keys[i].weight * tf(keys[i].cursor.tf)
        }
        return s
    }

    /// From each key's block impact: a plan from `target` to the first end of
    /// the keys' blocks holds each key at most its block's highest tf times.
    /// Most plans that cite a document cite it once or twice, so once the top
    /// is full of such plans, whole blocks of them cannot beat it and are
    /// skipped undecoded. "Nghị định 162/2017/NĐ-CP", cited by 4,602 of the
    /// 20,000 generated plans, visited every one of them: 3.54 M instructions,
    /// now 0.83 M, and 0.87 M on 100,000 plans (callgrind).
    override func blockBound(from target: UInt32) throws -> BlockBound? {
        var lastDoc = BlockBound.end, score = 0.0, any = false
        for i in keys.indices where keys[i].live {
            guard let impact = try keys[i].cursor.blockImpact(from: target) else { continue }
            any = true
            lastDoc = min(lastDoc, impact.lastDoc)
            score += keys[i].weight * tf(impact.maxTF)
        }
        return any ? BlockBound(lastDoc: lastDoc, score: min(score, upperBound)) : nil
    }

    /// A key's BM25 tf part: a key is one term of a field of length 1.
    @inline(__always) private func tf(_ count: UInt32) -> Double {
        context.bm25.tf(Double(count), length: 1, averageLength: 1)
    }
}
