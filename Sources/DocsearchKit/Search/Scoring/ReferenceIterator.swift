/// A document reference: plans holding any of its keys (a cited document's
/// key, its kind and number, a plan's own number), scored per key.
final class ReferenceIterator: ClauseIterator {
    private struct Key { var cursor: PostingsCursor; var weight: Double; var live: Bool }
    private var keys: [Key]
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
        self.keys = keys
        self.context = context
        super.init(upperBound: keys.reduce(0) { $0 + $1.weight } * (context.bm25.k1 + 1), cost: cost)
    }

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
        for k in keys where k.live && k.cursor.doc == doc {
            s += k.weight * context.bm25.tf(Double(k.cursor.tf), length: 1, averageLength: 1)
        }
        return s
    }
}
