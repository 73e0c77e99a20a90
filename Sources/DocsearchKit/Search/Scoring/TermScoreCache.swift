import Foundation

/// Each plan's score for one word or phrase in one segment: what a
/// term-at-a-time search adds up for it (`WholeSegmentScoring.scoreEveryPlan`),
/// or `absent` where the plan lacks it. Immutable once made.
final class TermScores: @unchecked Sendable {
    /// Where the plan lacks the word or phrase (scores are never negative):
    /// -infinity, which stays so whatever is added to it.
    static let absent = -Double.infinity
    let values: UnsafeMutableBufferPointer<Double>

    init(documentCount: Int) {
        values = .allocate(capacity: documentCount)
        values.initialize(repeating: Self.absent)
    }

    deinit { values.deallocate() }

    var byteCount: Int { values.count * MemoryLayout<Double>.stride }
}

/// The scores of common words and phrases, kept across searches by the server.
///
/// A word in many plans ("pháp", "luật", "kế", "hoạch") costs most of a
/// search that holds it: its lists are read whole and scored plan by plan,
/// half of a web search's work (callgrind, 20,000 plans). Such words recur
/// across searches far more than whole queries do, so the server keeps each
/// one's per-plan scores, and a later search that holds it adds them up
/// instead (a loop over the segment's plans). Rare words are read as
/// before: their lists are short, and keeping them would only fill the
/// budget. The scores are the same to the bit, added in the same order.
///
/// A quoted phrase of common words is kept the same way: its words'
/// positions are read in every plan holding them all ("tiếp cận pháp luật":
/// 4,735 of 20,000 plans, of which 2,320 hold the phrase), 20 M
/// instructions a search, six times a search of words. Such phrases are
/// names of programmes and topics, typed again and again.
///
/// One cache per `SearchEngine`, that is per snapshot: a reload starts
/// afresh. The oldest entries go first when the budget is passed.
public final class TermScoreCache: @unchecked Sendable {
    /// What a clause's scores depend on besides the snapshot.
    struct Key: Hashable {
        /// What is scored.
        enum Clause: Hashable {
            /// A word, by its forms (`TermIterator`).
            case word(exact: String, folded: String, hasDiacritics: Bool)
            /// A quoted phrase, by its folded words (`PhraseIterator`).
            case phrase(folded: [String])
        }

        let segment: String
        let clause: Clause
        let idf: Double
        let titleWeight: Double
        let foldedOnlyWeight: Double
        let bm25: BM25
    }

    /// Most bytes of scores kept.
    public let budget: Int
    /// Words in fewer than one plan in this many of a segment are not kept.
    let density: Int
    private let lock = NSLock()
    private var entries: [Key: TermScores] = [:]
    /// Keys in the order they were stored, the oldest first (from `head`).
    private var order: [Key] = []
    private var head = 0
    private var used = 0

    public init(budget: Int = 64 << 20, density: Int = 16) {
        self.budget = budget
        self.density = density
    }

    /// Whether a word in `plans` of a segment's `documentCount` plans is worth keeping.
    func keeps(plans: Int, documentCount: Int) -> Bool {
        density > 0 && plans * density >= documentCount && documentCount * MemoryLayout<Double>.stride <= budget
    }

    /// The scores kept for `key`, or nil.
    func scores(for key: Key) -> TermScores? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key]
    }

    /// The scores kept for `key` over a segment of `documentCount` plans,
    /// or those `make` works out, then kept.
    func scores(for key: Key, documentCount: Int, make: () throws -> TermScores) rethrows -> TermScores {
        if let kept = scores(for: key), kept.values.count == documentCount { return kept }
        let made = try make()
        store(made, for: key)
        return made
    }

    /// Keeps `scores` for `key`, dropping the oldest entries past the budget.
    func store(_ scores: TermScores, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        guard entries[key] == nil, scores.byteCount <= budget else { return }
        entries[key] = scores
        order.append(key)
        used += scores.byteCount
        while used > budget, head < order.count {
            if let old = entries.removeValue(forKey: order[head]) { used -= old.byteCount }
            head += 1
        }
        // The dropped keys' slots are reclaimed now and then, not at each drop.
        if head > 64 && head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }

    /// Bytes of scores kept.
    public var bytesUsed: Int {
        lock.lock()
        defer { lock.unlock() }
        return used
    }

    /// Words, phrases and pairs kept (one entry per segment).
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
