import Foundation

/// A plan's text as read back for snippets and the plan page (its first
/// `PlanLookup.shownTextLimit` bytes), with where each word stands.
///
/// Each token is kept as two numbers, its folded and exact forms hashed
/// (`formKey`), and its byte range: a query's words are found by a scan
/// over them. Dictionaries from each word as a String to its ranges made
/// a String or two per token and hashed each with Unicode normalisation:
/// analysing a plan that missed the cache was most of a server's time on
/// 289 varied queries (perf). Where cited documents are written, which only
/// queries naming one ask for, is worked out on first use.
final class AnalyzedPlan: @unchecked Sendable {
    let text: String
    /// True when the plan's text goes on past `text`.
    let isCut: Bool
    /// `text` as UTF-8, for snippets.
    let bytes: [UInt8]
    /// Per token, in text order: its folded form's key, its exact form's
    /// key (the folded one's for a form without diacritics), its UTF-8 range.
    private let foldedKeys: [UInt64]
    private let exactKeys: [UInt64]
    private let ranges: [Range<Int>]
    /// Cited document key → where it is written in `text`.
    private let citationMentions = OnceValue<[String: [Range<Int>]]>()
    /// Approximate memory held, for the cache's budget.
    let cost: Int

    init(text: String, isCut: Bool, analyzer: Analyzer) {
        self.text = text
        self.isCut = isCut
        let bytes = Array(text.utf8)
        var foldedKeys: [UInt64] = [], exactKeys: [UInt64] = [], ranges: [Range<Int>] = []
        let estimate = bytes.count / 4
        foldedKeys.reserveCapacity(estimate)
        exactKeys.reserveCapacity(estimate)
        ranges.reserveCapacity(estimate)
        bytes.withUnsafeBufferPointer { utf8 in
            analyzer.forEachToken(inUTF8: utf8) { token in
                let folded = Self.formKey(token.foldedUTF8)
                foldedKeys.append(folded)
                exactKeys.append(token.hasDiacritics ? Self.formKey(token.exactUTF8) : folded)
                ranges.append(token.byteRange)
            }
        }
        self.bytes = bytes
        self.foldedKeys = foldedKeys
        self.exactKeys = exactKeys
        self.ranges = ranges
        cost = 2 * bytes.count + foldedKeys.count * 32 + 256
    }

    /// One number per word form (FNV-1a over its UTF-8, as the analyser
    /// writes it). Two forms of a plan and a query sharing a number by
    /// chance (about one in 2⁶⁴ a pair) would mark a wrong word in a snippet.
    static func formKey(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    static func formKey(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { formKey($0) }
    }

    /// Where a form stands: the ranges of the tokens whose key in `keys` is the form's.
    private func ranges(of word: String, in keys: [UInt64]) -> [Range<Int>] {
        let key = Self.formKey(word)
        var out: [Range<Int>] = []
        for i in keys.indices where keys[i] == key { out.append(ranges[i]) }
        return out
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
        SnippetBuilder.marks(for: query, folded: { self.ranges(of: $0, in: self.foldedKeys) },
                             exact: { self.ranges(of: $0, in: self.exactKeys) })
    }
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
