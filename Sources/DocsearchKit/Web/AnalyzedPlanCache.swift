import Foundation

/// A plan's text as read back for snippets and the plan page (its first
/// `PlanLookup.shownTextLimit` bytes), with where each word stands.
///
/// Each token is kept as its byte range, grouped by its folded form's
/// number and, with diacritics, by its exact form's (`formKey`,
/// `FormIndex`): a query's word is found in one probe. Dictionaries from
/// each word as a String to its ranges made a String or two per token and
/// hashed each with Unicode normalisation: analysing plans that missed the
/// cache was most of a server's time on 289 varied queries (perf). A scan
/// over every token per query word instead was 11% of the server's time
/// on corpus/; sorting the tokens by number made analysing dearer, and a
/// table per form as large as twice the tokens left fewer plans in the
/// cache's budget. Where cited documents are written, which only queries
/// naming one ask for, is worked out on first use.
final class AnalyzedPlan: @unchecked Sendable {
    let text: String
    /// True when the plan's text goes on past `text`.
    let isCut: Bool
    /// `text` as UTF-8, for snippets.
    let bytes: [UInt8]
    /// Each token's UTF-8 range, in text order, as two offsets (the text
    /// is at most `PlanLookup.shownTextLimit` bytes): half a Range's size,
    /// and the budget keeps more plans.
    private let starts: [UInt32]
    private let ends: [UInt32]
    /// The tokens by folded form; the tokens with diacritics by exact form.
    private let byFolded: FormIndex
    private let byExact: FormIndex
    /// Cited document key → where it is written in `text`.
    private let citationMentions = OnceValue<[String: [Range<Int>]]>()
    /// Approximate memory held, for the cache's budget.
    let cost: Int

    init(text: String, isCut: Bool, analyzer: Analyzer) {
        self.text = text
        self.isCut = isCut
        let bytes = Array(text.utf8)
        var starts: [UInt32] = [], ends: [UInt32] = [], folded: [UInt64] = [], exact: [UInt64] = []
        starts.reserveCapacity(bytes.count / 4)
        ends.reserveCapacity(bytes.count / 4)
        folded.reserveCapacity(bytes.count / 4)
        exact.reserveCapacity(bytes.count / 4)
        bytes.withUnsafeBufferPointer { utf8 in
            analyzer.forEachToken(inUTF8: utf8) { token in
                starts.append(UInt32(truncatingIfNeeded: token.byteRange.lowerBound))
                ends.append(UInt32(truncatingIfNeeded: token.byteRange.upperBound))
                folded.append(Self.formKey(token.foldedUTF8))
                // A form without diacritics is its folded word's (`SnippetBuilder.marks`).
                exact.append(token.hasDiacritics ? Self.formKey(token.exactUTF8) : FormIndex.none)
            }
        }
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        byFolded = FormIndex(folded)
        byExact = FormIndex(exact)
        cost = 2 * bytes.count + starts.count * 8 + byFolded.byteCount + byExact.byteCount + 256
    }

    /// One number per word form (`FNV1a` over its UTF-8, as the analyser
    /// writes it). Two forms of a plan and a query sharing a number by
    /// chance would mark a wrong word in a snippet.
    static func formKey(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = FNV1a()
        for b in utf8 { h.add(UInt64(b)) }
        return h.value
    }

    static func formKey(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { formKey($0) }
    }

    /// Where a form stands, in text order.
    private func ranges(of word: String, in index: FormIndex) -> [Range<Int>] {
        index.tokens(withKey: Self.formKey(word)).map { Int(starts[Int($0)])..<Int(ends[Int($0)]) }
    }

    /// What a snippet and the plan page mark for a query: its words, and
    /// where the cited documents it matched (`citations`) are written.
    func marks(for query: Query, citations: [CitationRecord]) -> [Range<Int>] {
        marks(for: query) + marks(for: citations)
    }

    /// Where the cited documents among `citations` are written in the text.
    func marks(for citations: [CitationRecord]) -> [Range<Int>] {
        guard !citations.isEmpty else { return [] }
        let mentions = citationMentions.get {
            var mentions: [String: [Range<Int>]] = [:]
            for m in CitationExtractor().mentions(in: AnalyzedText(text)) { mentions[m.citation.key, default: []].append(m.byteRange) }
            return mentions
        }
        return citations.flatMap { mentions[$0.key] ?? [] }
    }

    /// The byte ranges of the query's words and phrase words (not the excluded
    /// ones): the same marks as `SnippetBuilder.matches(in:query:)`, without
    /// analysing the text again.
    func marks(for query: Query) -> [Range<Int>] {
        SnippetBuilder.marks(for: query, folded: { self.ranges(of: $0, in: self.byFolded) },
                             exact: { self.ranges(of: $0, in: self.byExact) })
    }
}

/// A text's tokens grouped by a number of their form: an open-addressed
/// table from each number to its group, and the groups' tokens one after
/// another, each group in text order (a counting sort, two passes).
struct FormIndex {
    /// A token filed under no number.
    static let none: UInt64 = 0
    /// The numbers, in open addressing, and each one's group.
    private let slots: [UInt64]
    private let groups: [Int32]
    /// Group g's tokens are `tokens[starts[g]..<starts[g + 1]]`.
    private let starts: [Int32]
    private let tokens: [Int32]

    /// Files token i under `keys[i]` (`none`: not filed).
    init(_ keys: [UInt64]) {
        // The table is kept at most half full, doubled and filled again
        // (each number in its group) when it would pass that.
        var slots = [UInt64](repeating: Self.none, count: 16), groups = [Int32](repeating: -1, count: 16)
        var groupOf = [Int32](repeating: -1, count: keys.count)
        var counts: [Int32] = []
        for (i, key) in keys.enumerated() where key != Self.none {
            if 2 * (counts.count + 1) > slots.count {
                let filed = zip(slots, groups).filter { $0.0 != Self.none }
                slots = [UInt64](repeating: Self.none, count: 2 * slots.count)
                groups = [Int32](repeating: -1, count: slots.count)
                for (k, g) in filed {
                    let s = Self.slot(of: k, in: slots)
                    slots[s] = k
                    groups[s] = g
                }
            }
            let s = Self.slot(of: key, in: slots)
            if slots[s] == Self.none {
                slots[s] = key
                groups[s] = Int32(counts.count)
                counts.append(0)
            }
            groupOf[i] = groups[s]
            counts[Int(groups[s])] += 1
        }
        var starts = [Int32](repeating: 0, count: counts.count + 1)
        for g in counts.indices { starts[g + 1] = starts[g] + counts[g] }
        var fill = starts
        var tokens = [Int32](repeating: 0, count: Int(starts[counts.count]))
        for (i, g) in groupOf.enumerated() where g >= 0 {
            tokens[Int(fill[Int(g)])] = Int32(i)
            fill[Int(g)] += 1
        }
        self.slots = slots
        self.groups = groups
        self.starts = starts
        self.tokens = tokens
    }

    /// Where `key` is in `slots` (a power of two long, never full), or the
    /// empty slot where it would go: linear probing from its low bits.
    private static func slot(of key: UInt64, in slots: [UInt64]) -> Int {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: key) & mask
        while slots[s] != key && slots[s] != none { s = (s + 1) & mask }
        return s
    }

    /// The tokens filed under `key`, ascending.
    func tokens(withKey key: UInt64) -> ArraySlice<Int32> {
        guard key != Self.none else { return [] }
        let s = Self.slot(of: key, in: slots)
        guard slots[s] == key else { return [] }
        let g = Int(groups[s])
        return tokens[Int(starts[g])..<Int(starts[g + 1])]
    }

    var byteCount: Int { slots.count * 12 + starts.count * 4 + tokens.count * 4 }
}

/// Plans recently shown, analysed once: reading a plan back and analysing its
/// whole text is most of the cost of a search answer (see the report in
/// Benchmarks/http), so the server keeps the most recently used ones up to a
/// memory budget. One cache per `LoadedIndex`: a reload starts a fresh one.
final class AnalyzedPlanCache: @unchecked Sendable {
    let budget: Int
    private let lock = NSLock()
    private var entries: [String: (plan: AnalyzedPlan, lastUse: UInt64)] = [:]
    private var used = 0
    private var clock: UInt64 = 0
    private let analyzer = Analyzer()

    init(budget: Int = 64 << 20) { self.budget = budget }

    /// The analysed text of `record`, or nil when its file cannot be read.
    func plan(_ record: PlanRecord) -> AnalyzedPlan? {
        lock.lock()
        clock &+= 1
        if let hit = entries[record.id] {
            entries[record.id] = (hit.plan, clock)
            lock.unlock()
            return hit.plan
        }
        lock.unlock()
        guard let shown = PlanLookup.shownText(of: record) else { return nil }
        let plan = AnalyzedPlan(text: shown.text, isCut: shown.isCut, analyzer: analyzer)
        lock.lock()
        defer { lock.unlock() }
        guard plan.cost <= budget / 4 else { return plan }
        if entries[record.id] == nil {
            entries[record.id] = (plan, clock)
            used += plan.cost
            evictIfNeeded()
        }
        return plan
    }

    /// Drops the least recently used plans (oldest eighth at a time) until within budget.
    private func evictIfNeeded() {
        guard used > budget else { return }
        let byAge = entries.sorted { $0.value.lastUse < $1.value.lastUse }
        var i = 0
        while used > budget * 7 / 8 && i < byAge.count {
            used -= byAge[i].value.plan.cost
            entries[byAge[i].key] = nil
            i += 1
        }
    }
}
