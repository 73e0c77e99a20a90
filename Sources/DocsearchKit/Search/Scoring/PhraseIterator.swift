/// A quoted phrase: plans where the folded words stand one after another.
final class PhraseIterator: ClauseIterator {
    private var cursors: [PostingsCursor]
    private let context: SegmentContext
    private let idf: Double
    let upperBound: Double
    let cost: Int
    private(set) var doc: UInt32 = 0
    private var started = false
    private var occurrences = 0

    init?(phrase: Query.Phrase, idf: Double, context: SegmentContext) throws {
        var cursors: [PostingsCursor] = []
        var cost = Int.max
        for t in phrase.terms {
            guard let info = context.segment.info(TermField.bodyFolded.key(t.folded)) else { return nil }
            cursors.append(try context.segment.cursor(info, positions: true))
            cost = min(cost, info.docFreq)
        }
        guard !cursors.isEmpty else { return nil }
        self.cursors = cursors
        self.context = context
        self.idf = idf
        self.cost = cost
        upperBound = idf * (context.bm25.k1 + 1)
    }

    func advance(to target: UInt32) throws -> UInt32 {
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
            occurrences = try countOccurrences()
            if occurrences > 0 { doc = candidate; return doc }
            candidate += 1
        }
    }

    private func countOccurrences() throws -> Int {
        let first = try cursors[0].positions()
        var rest: [Set<UInt32>] = []
        for i in 1..<cursors.count { rest.append(Set(try cursors[i].positions())) }
        var n = 0
        for start in first where rest.enumerated().allSatisfy({ $0.element.contains(start &+ UInt32($0.offset + 1)) }) { n += 1 }
        return n
    }

    func score() throws -> Double {
        let d = Int(doc)
        guard d < context.segment.documentCount else {
            throw StoreError.corrupt(path: context.segment.name, reason: "posting beyond the last plan")
        }
        return idf * context.bm25.tf(Double(occurrences), length: Double(context.segment.bodyLength(d)),
                                     averageLength: context.averageBodyLength)
    }
}
