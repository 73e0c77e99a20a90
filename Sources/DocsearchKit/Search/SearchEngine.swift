import Foundation

/// Runs queries against one `IndexSnapshot`: BM25 over title and body, exact
/// over folded matches, phrases, document references and filters. Thread-safe:
/// a snapshot never changes.
public final class SearchEngine: @unchecked Sendable {
    public let snapshot: IndexSnapshot
    public var bm25 = BM25()
    /// How much a title match counts beside a body match.
    public var titleWeight = 2.0
    /// Weight of a match that differs from the query only in diacritics
    /// ("ban" or "bạn" for "bàn"): still found, ranked below exact matches.
    public var foldedOnlyWeight = 0.3
    /// Weight of a matched document reference.
    public var referenceWeight = 4.0
    /// The most words and phrases a query may have; the rest are ignored (a cost cap).
    public static let maxClauses = 48

    private let parser = QueryParser()

    public init(snapshot: IndexSnapshot) { self.snapshot = snapshot }

    public func search(_ request: SearchRequest) throws -> SearchResults {
        var query = parser.parse(request.query)
        var request = request
        // A "cites" filter naming a document is a required reference.
        request.filters = request.filters.filter { f in
            guard f.facet == "cites", case let .text(value) = f.value else { return true }
            let found = Citation.parseQuery(value)
            guard !found.isEmpty else { return true }
            for q in found { query.references.append(QueryReferences.reference(q, text: value)) }
            return false
        }
        return try search(query, request: request)
    }

    // A clause is one bit in a plan's match mask.
    private enum Clause {
        case term(Query.Term)
        case phrase(Query.Phrase)
        case reference(Query.Reference)
        var occur: Query.Occur {
            switch self {
            case let .term(t): return t.occur
            case let .phrase(p): return p.occur
            case let .reference(r): return r.occur
            }
        }
    }

    public func search(_ query: Query, request: SearchRequest) throws -> SearchResults {
        var clauses: [Clause] = query.references.map { .reference($0) } + query.phrases.map { .phrase($0) } + query.terms.map { .term($0) }
        if clauses.count > Self.maxClauses { clauses = Array(clauses.prefix(Self.maxClauses)) }
        var mustMask: UInt64 = 0, notMask: UInt64 = 0, shouldMask: UInt64 = 0
        for (i, c) in clauses.enumerated() {
            switch c.occur {
            case .must: mustMask |= 1 << UInt64(i)
            case .mustNot: notMask |= 1 << UInt64(i)
            case .should: shouldMask |= 1 << UInt64(i)
            }
        }
        let shouldCount = shouldMask.nonzeroBitCount
        let hasPositive = (mustMask | shouldMask) != 0
        // Short queries want every word; long ones (questions) want some; a
        // reference or phrase carries the query, so its words only rank.
        let strictShould: Int
        if mustMask != 0 { strictShould = 0 } else if shouldCount <= 3 { strictShould = shouldCount } else { strictShould = max(2, (shouldCount * 2 + 4) / 5) }

        let n = max(snapshot.documentCount, 1)
        var scoresBySegment: [[Double]] = []
        var masksBySegment: [[UInt64]] = []
        for (s, segment) in snapshot.segments.enumerated() {
            var scores = [Double](repeating: 0, count: segment.documentCount)
            var masks = [UInt64](repeating: 0, count: segment.documentCount)
            for (i, c) in clauses.enumerated() {
                let bit: UInt64 = 1 << UInt64(i)
                switch c {
                case let .term(t): try scoreTerm(t, segment: segment, n: n, bit: bit, scores: &scores, masks: &masks)
                case let .phrase(p): try scorePhrase(p, segment: segment, n: n, bit: bit, scores: &scores, masks: &masks)
                case let .reference(r): try scoreReference(r, segment: segment, n: n, bit: bit, scores: &scores, masks: &masks)
                }
            }
            _ = s
            scoresBySegment.append(scores)
            masksBySegment.append(masks)
        }

        let filters = try FilterSet(request.filters, snapshot: snapshot)
        func collect(minShould: Int) -> [(Double, Int, Int)] {
            var out: [(Double, Int, Int)] = []
            for (s, segment) in snapshot.segments.enumerated() {
                let masks = masksBySegment[s], scores = scoresBySegment[s]
                for d in 0..<segment.documentCount {
                    let m = masks[d]
                    if hasPositive && m == 0 { continue }
                    if m & notMask != 0 || m & mustMask != mustMask { continue }
                    let matched = (m & shouldMask).nonzeroBitCount
                    if matched < minShould { continue }
                    if snapshot.isDeleted(segment: s, doc: d) { continue }
                    if !filters.accepts(segment: s, doc: d) { continue }
                    var score = scores[d]
                    if shouldCount > 3 { score *= Double(matched) / Double(shouldCount) }
                    out.append((score, s, d))
                }
            }
            return out
        }
        var matches = collect(minShould: strictShould)
        var relaxed = false
        if matches.isEmpty && strictShould > 1 && mustMask == 0 {
            matches = collect(minShould: 1)
            relaxed = !matches.isEmpty
        }

        let wanted = request.offset + request.limit
        let top = TopK.select(matches, k: wanted)
        var hits: [SearchResults.Hit] = []
        for (score, s, d) in top.dropFirst(request.offset) {
            let record = try snapshot.record(segment: s, doc: d)
            hits.append(SearchResults.Hit(record: record, score: score,
                                          matchedCitations: Self.matchedCitations(record, query.references),
                                          segment: s, doc: d))
        }
        var facets: [String: [SearchResults.FacetCount]] = [:]
        if request.wantFacets { facets = try FacetCounter.count(matches.map { ($0.1, $0.2) }, snapshot: snapshot) }
        return SearchResults(query: query, total: matches.count, hits: hits, relaxed: relaxed, facets: facets)
    }

    static func matchedCitations(_ record: PlanRecord, _ references: [Query.Reference]) -> [CitationRecord] {
        guard !references.isEmpty else { return [] }
        return record.citations.filter { c in
            references.contains { r in
                r.keys.contains { k in
                    switch k.field {
                    case .citation, .legalBasis: return c.key == k.value
                    case .citationNumber: return c.lookupKeys.contains(k.value)
                    default: return false
                    }
                }
            }
        }
    }

    // MARK: clauses

    private func scoreTerm(_ t: Query.Term, segment: SegmentReader, n: Int, bit: UInt64,
                           scores: inout [Double], masks: inout [UInt64]) throws {
        let df = snapshot.documentFrequency(TermField.bodyFolded.key(t.folded))
        guard df > 0 else { return }
        let idf = bm25.idf(documentFrequency: df, documentCount: n)
        try accumulate(t, folded: .bodyFolded, exact: .bodyExact, weight: idf, segment: segment, bit: bit,
                       averageLength: snapshot.averageBodyLength, length: segment.bodyLength, scores: &scores, masks: &masks)
        try accumulate(t, folded: .titleFolded, exact: .titleExact, weight: idf * titleWeight, segment: segment, bit: bit,
                       averageLength: snapshot.averageTitleLength, length: segment.titleLength, scores: &scores, masks: &masks)
    }

    private func accumulate(_ t: Query.Term, folded: TermField, exact: TermField, weight: Double, segment: SegmentReader,
                            bit: UInt64, averageLength: Double, length: (Int) -> UInt32,
                            scores: inout [Double], masks: inout [UInt64]) throws {
        guard let info = segment.info(folded.key(t.folded)) else { return }
        var cursor = try segment.cursor(info, positions: false)
        var exactCursor: PostingsCursor? = nil
        if t.hasDiacritics, let e = segment.info(exact.key(t.exact)) {
            exactCursor = try segment.cursor(e, positions: false)
        }
        let count = scores.count
        while try cursor.next() {
            let d = Int(cursor.doc)
            guard d < count else { throw StoreError.corrupt(path: segment.name, reason: "posting beyond the last plan") }
            let len = Double(length(d))
            if t.hasDiacritics {
                var exactTF: UInt32 = 0
                if exactCursor != nil, try exactCursor!.advance(to: cursor.doc), exactCursor!.doc == cursor.doc {
                    exactTF = min(exactCursor!.tf, cursor.tf)
                }
                let foldedOnly = cursor.tf - exactTF
                scores[d] += weight * bm25.tf(Double(exactTF), length: len, averageLength: averageLength)
                scores[d] += weight * foldedOnlyWeight * bm25.tf(Double(foldedOnly), length: len, averageLength: averageLength)
            } else {
                scores[d] += weight * bm25.tf(Double(cursor.tf), length: len, averageLength: averageLength)
            }
            masks[d] |= bit
        }
    }

    private func scorePhrase(_ p: Query.Phrase, segment: SegmentReader, n: Int, bit: UInt64,
                             scores: inout [Double], masks: inout [UInt64]) throws {
        var cursors: [PostingsCursor] = []
        var idf = 0.0
        for t in p.terms {
            let key = TermField.bodyFolded.key(t.folded)
            guard let info = segment.info(key) else { return }
            cursors.append(try segment.cursor(info, positions: true))
            idf += bm25.idf(documentFrequency: snapshot.documentFrequency(key), documentCount: n)
        }
        let count = scores.count
        outer: while try cursors[0].next() {
            let doc = cursors[0].doc
            for i in 1..<cursors.count {
                guard try cursors[i].advance(to: doc) else { break outer }
                if cursors[i].doc != doc { continue outer }
            }
            var positions: [Set<UInt32>] = []
            let first = try cursors[0].positions()
            for i in 1..<cursors.count { positions.append(Set(try cursors[i].positions())) }
            var occurrences = 0
            for start in first {
                var ok = true
                for (k, set) in positions.enumerated() where !set.contains(start &+ UInt32(k + 1)) { ok = false; break }
                if ok { occurrences += 1 }
            }
            guard occurrences > 0 else { continue }
            let d = Int(doc)
            guard d < count else { throw StoreError.corrupt(path: segment.name, reason: "posting beyond the last plan") }
            scores[d] += idf * bm25.tf(Double(occurrences), length: Double(segment.bodyLength(d)), averageLength: snapshot.averageBodyLength)
            masks[d] |= bit
        }
    }

    private func scoreReference(_ r: Query.Reference, segment: SegmentReader, n: Int, bit: UInt64,
                                scores: inout [Double], masks: inout [UInt64]) throws {
        let count = scores.count
        for key in r.keys {
            let k = key.field.key(key.value)
            guard let info = segment.info(k) else { continue }
            let idf = bm25.idf(documentFrequency: snapshot.documentFrequency(k), documentCount: n)
            var cursor = try segment.cursor(info, positions: false)
            while try cursor.next() {
                let d = Int(cursor.doc)
                guard d < count else { throw StoreError.corrupt(path: segment.name, reason: "posting beyond the last plan") }
                scores[d] += referenceWeight * key.boost * max(idf, 0.5) * bm25.tf(Double(cursor.tf), length: 1, averageLength: 1)
                masks[d] |= bit
            }
        }
    }
}

/// The k best of many scored plans, best first; ties go to the earlier plan.
enum TopK {
    static func select(_ items: [(Double, Int, Int)], k: Int) -> [(Double, Int, Int)] {
        guard k > 0 else { return [] }
        func better(_ a: (Double, Int, Int), _ b: (Double, Int, Int)) -> Bool {
            if a.0 != b.0 { return a.0 > b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return a.2 < b.2
        }
        if items.count <= k { return items.sorted(by: better) }
        // A bounded min-heap of the best k.
        var heap: [(Double, Int, Int)] = []
        heap.reserveCapacity(k)
        func siftDown(_ i0: Int) {
            var i = i0
            while true {
                let l = 2 * i + 1, r = l + 1
                var worst = i
                if l < heap.count && better(heap[worst], heap[l]) { worst = l }
                if r < heap.count && better(heap[worst], heap[r]) { worst = r }
                if worst == i { return }
                heap.swapAt(i, worst)
                i = worst
            }
        }
        func siftUp(_ i0: Int) {
            var i = i0
            while i > 0 {
                let p = (i - 1) / 2
                if better(heap[p], heap[i]) { heap.swapAt(p, i); i = p } else { return }
            }
        }
        for item in items {
            if heap.count < k {
                heap.append(item)
                siftUp(heap.count - 1)
            } else if better(item, heap[0]) {
                heap[0] = item
                siftDown(0)
            }
        }
        return heap.sorted(by: better)
    }
}
