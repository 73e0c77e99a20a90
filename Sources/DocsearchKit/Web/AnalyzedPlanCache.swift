import Foundation

/// A plan's text as read back for snippets and the plan page (its first
/// `PlanLookup.shownTextLimit` bytes), with where each folded word occurs.
final class AnalyzedPlan: @unchecked Sendable {
    let text: String
    /// True when the plan's text goes on past `text`.
    let isCut: Bool
    /// `text` as UTF-8, for snippets.
    let bytes: [UInt8]
    /// Folded word → its UTF-8 byte ranges in `text`, in order.
    let occurrences: [String: [Range<Int>]]
    /// Exact form with diacritics → its byte ranges, in order (forms without
    /// diacritics are their folded word's).
    let exactOccurrences: [String: [Range<Int>]]
    /// Cited document key → where it is written in `text`, for highlighting
    /// the documents a reference query matched.
    let citationMentions: [String: [Range<Int>]]
    /// Approximate memory held, for the cache's budget.
    let cost: Int

    init(text: String, isCut: Bool, analyzer: Analyzer) {
        // Tokenised once, for the words and the citation mentions alike.
        let analyzed = AnalyzedText(text, analyzer: analyzer)
        self.text = text
        self.isCut = isCut
        bytes = analyzed.bytes
        var occurrences: [String: [Range<Int>]] = [:], exact: [String: [Range<Int>]] = [:]
        for token in analyzed.tokens {
            occurrences[token.folded, default: []].append(token.byteRange)
            if token.exact != token.folded { exact[token.exact, default: []].append(token.byteRange) }
        }
        self.occurrences = occurrences
        exactOccurrences = exact
        var mentions: [String: [Range<Int>]] = [:]
        for m in CitationExtractor().mentions(in: analyzed) { mentions[m.citation.key, default: []].append(m.byteRange) }
        citationMentions = mentions
        cost = 2 * bytes.count + analyzed.tokens.count * 24 + (occurrences.count + exact.count) * 48 + mentions.count * 64
    }

    /// What a snippet and the plan page mark for a query: its words, and
    /// where the cited documents it matched (`citations`) are written.
    func marks(for query: Query, citations: [CitationRecord]) -> [Range<Int>] {
        marks(for: query) + marks(for: citations)
    }

    /// Where the cited documents among `citations` are written in the text.
    func marks(for citations: [CitationRecord]) -> [Range<Int>] {
        citations.flatMap { citationMentions[$0.key] ?? [] }
    }

    /// The byte ranges of the query's words and phrase words (not the excluded
    /// ones): the same marks as `SnippetBuilder.matches(in:query:)`, without
    /// analysing the text again.
    func marks(for query: Query) -> [Range<Int>] {
        SnippetBuilder.marks(for: query, folded: { self.occurrences[$0] ?? [] }, exact: { self.exactOccurrences[$0] ?? [] })
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
