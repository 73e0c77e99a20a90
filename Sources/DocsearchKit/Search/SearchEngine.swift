import Foundation

/// Runs queries against one `IndexSnapshot`: BM25 over title and body, exact
/// over folded matches, phrases, document references and filters. Thread-safe:
/// a snapshot never changes.
public final class SearchEngine: @unchecked Sendable {
    public let snapshot: IndexSnapshot
    /// k1 = 0.9 saturates repeated words sooner than the textbook 1.2: in
    /// short legal texts one occurrence of a rare word says most of it.
    public var bm25 = BM25(k1: 0.9, b: 0.75)
    /// How much a title match counts beside a body match.
    public var titleWeight = 2.0
    /// Weight of a match that differs from the query only in diacritics
    /// ("ban" or "bạn" for "bàn"): still found, ranked below exact matches.
    public var foldedOnlyWeight = 0.3
    /// Weight of a matched document reference.
    public var referenceWeight = 4.0
    /// The most words and phrases a query may have; the rest are ignored (a cost cap).
    public static let maxClauses = 48
    /// Matches are counted exactly up to this many. Past it, a query that
    /// counts no facets skips, block by block, the plans that cannot reach
    /// the top (block-max), and its total becomes a lower bound (Lucene's
    /// totalHitsThreshold is the same idea, and the same number).
    public var totalLimit = 1_000
    /// A query stops collecting after this long (seconds) and answers with
    /// the best plans found so far, its total marked as a lower bound (a cost
    /// cap); a segment read term at a time is finished first. `.infinity`:
    /// no cap.
    public var timeBudget: Double = 0.08

    /// A search of words alone (and, with `termScores`, quoted phrases)
    /// scores a segment term at a time (`TermAtATime`) when its clauses'
    /// lists hold at least one plan in this many: the rarest, when every
    /// word is required; all together, when any will do and the search
    /// counts every match (facets, an exact total).
    /// 0: never.
    ///
    /// Counting every match leaves one plan at a time nothing to skip, and a
    /// plan at a time costs calls per list and plan (over the web mix on
    /// 20,000 plans: 10.8 M instructions a search against 13.8 M). Where
    /// plans may be skipped, common words that must all be there still skip
    /// too few: of the nine such queries of the peers' mix, term at a time
    /// was cheaper for six (−0.7 M to −3.0 M instructions), within 0.2 M for
    /// two, and 0.4 M dearer for "chuyển đổi số", while questions, where any
    /// word will do, cost more (+4.0 M and +9.9 M): they stay one plan at a
    /// time (callgrind).
    public var termAtATimeDensity = 8
    /// Per-plan scores of common words, quoted phrases and the proximity
    /// pass's pairs, kept across searches (`TermScoreCache`): the server's
    /// engines have one; nil, every search reads every list.
    public var termScores: TermScoreCache?
    /// Threads a costly search runs on: each takes the next segment no
    /// thread has taken into a top k of its own, and the tops are merged
    /// (`parallelPostings`). 1: the calling thread alone. Searches under way
    /// on the same engine take one each first: a search uses the cores the
    /// others leave idle.
    public var searchThreads = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// A search runs on `searchThreads` threads when its clauses' lists hold
    /// at least this many plans together (their document frequencies): below
    /// it, waking a thread costs about what it would spare.
    public var parallelPostings = 16_384

    /// Whether a search reads the title lists to find the plans worth
    /// scoring once only a plan with a query word in its title can reach
    /// the top (`TitleLed`). Off: every plan is scored as before (for
    /// comparison, in tests and benchmarks).
    public var titleLed = true

    private let parser = QueryParser()
    /// Searches under way on this engine (the server's workers share one).
    private let underWay = SearchesUnderWay()
    /// Each segment's field norms, worked out by the first search that
    /// scores there and kept while `bm25` stays as it was.
    private let fieldNorms: [NormsSlot]

    public init(snapshot: IndexSnapshot) {
        self.snapshot = snapshot
        fieldNorms = snapshot.segments.map { _ in NormsSlot() }
    }

    public func search(_ request: SearchRequest) throws -> SearchResults {
        var query = parser.parse(request.query)
        var request = request
        // A "cites" filter naming a document is a required reference.
        request.filters = request.filters.filter { f in
            guard f.facet == "cites", case let .text(value) = f.value else { return true }
            let found = Citation.parseQuery(value)
            guard !found.isEmpty else { return true }
            // A plan's own number is not a citation of it.
            for q in found {
                var r = QueryReferences.reference(q, text: value)
                r.keys.removeAll { $0.field == .ownNumber }
                query.references.append(r)
            }
            return false
        }
        return try search(query, request: request)
    }

    /// Queries of at most this many words want every word; longer ones
    /// (questions) want any, ranked by how much of the query they hold.
    public static let shortQueryWords = 5
    /// Weight of query words that stand side by side in a plan as in the
    /// query ("bình đẳng" in "bình đẳng giới"), over their separate scores.
    public var proximityWeight = 2.0
    /// How many of the best plans the proximity pass reorders.
    public static let proximityWindow = 40

    private enum Clause {
        case term(Query.Term, idf: Double)
        case phrase(Query.Phrase, idf: Double)
        case reference(Query.Reference, keys: [(key: [UInt8], weight: Double)])

        var occur: Query.Occur {
            switch self {
            case let .term(t, _): return t.occur
            case let .phrase(p, _): return p.occur
            case let .reference(r, _): return r.occur
            }
        }
        var idf: Double {
            switch self {
            case let .term(_, idf), let .phrase(_, idf): return idf
            case .reference: return 0
            }
        }
    }

    public func search(_ query: Query, request: SearchRequest) throws -> SearchResults {
        let others = underWay.enter()
        defer { underWay.leave() }
        do {
            return try run(query, request: request, idleThreads: searchThreads - others)
        } catch let e as StoreError {
            throw IndexError.corrupt(directory: snapshot.directory, cause: e)
        }
    }

    /// `idleThreads`: the threads of `searchThreads` that other searches
    /// under way leave to this one.
    private func run(_ query: Query, request: SearchRequest, idleThreads: Int) throws -> SearchResults {
        let n = max(snapshot.statisticsDocumentCount, 1)
        /// The plans the clauses' lists hold together: what the search will read, about.
        var postings = 0
        func idf(_ folded: String) -> Double {
            let df = snapshot.documentFrequency(TermField.bodyFolded.key(folded))
            postings += df
            return bm25.idf(documentFrequency: df, documentCount: n)
        }
        var clauses: [Clause] = []
        for r in query.references {
            let keys = r.keys.map { k -> (key: [UInt8], weight: Double) in
                let key = k.field.key(k.value)
                let df = snapshot.documentFrequency(key)
                postings += df
                let w = bm25.idf(documentFrequency: df, documentCount: n)
                return (key, referenceWeight * k.boost * max(w, 0.5))
            }
            clauses.append(.reference(r, keys: keys))
        }
        for p in query.phrases { clauses.append(.phrase(p, idf: p.terms.reduce(0) { $0 + idf($1.folded) })) }
        for t in query.terms { clauses.append(.term(t, idf: idf(t.folded))) }
        if clauses.count > Self.maxClauses { clauses = Array(clauses.prefix(Self.maxClauses)) }

        let shouldCount = clauses.filter { $0.occur == .should }.count
        let hasMust = clauses.contains { $0.occur == .must }
        let allWords = !hasMust && shouldCount <= Self.shortQueryWords
        let filters = try FilterSet(request.filters, snapshot: snapshot)
        let wantProximity = query.terms.filter { $0.occur != .mustNot }.count >= 2
        let k = request.offset + request.limit
        let window = wantProximity ? max(k, Self.proximityWindow) : k

        let exhaustive = request.wantFacets || request.exactTotal
        let threads = postings >= parallelPostings ? max(1, min(idleThreads, snapshot.segments.count)) : 1
        var pass = try evaluate(clauses, requireAll: allWords, filters: filters, keep: window,
                                exhaustive: exhaustive, collect: request.wantFacets, threads: threads)
        var relaxed = false
        if pass.total == 0 && allWords && shouldCount > 1 {
            pass = try evaluate(clauses, requireAll: false, filters: filters, keep: window, exhaustive: exhaustive,
                                collect: request.wantFacets, threads: threads)
            relaxed = pass.total > 0
        }
        var ranked = pass.heap.sorted()
        if wantProximity { ranked = try rerankByProximity(ranked, query: query, threads: threads) }

        var hits: [SearchResults.Hit] = []
        for e in ranked.prefix(k).dropFirst(request.offset) {
            let record = try snapshot.record(segment: e.segment, doc: e.doc)
            hits.append(SearchResults.Hit(record: record, score: e.score,
                                          matchedCitations: Self.matchedCitations(record, query.references),
                                          segment: e.segment, doc: e.doc))
        }
        var facets: [String: [SearchResults.FacetCount]] = [:]
        if request.wantFacets { facets = try FacetCounter.count(pass.matches, snapshot: snapshot) }
        return SearchResults(query: query, total: pass.total, totalIsExact: pass.exact, hits: hits,
                             relaxed: relaxed, facets: facets)
    }

    private struct Pass {
        var heap: TopKHeap
        var total = 0
        var exact = true
        var matches: MatchedPlans

        init(keep: Int, segmentCount: Int) {
            heap = TopKHeap(k: keep)
            matches = MatchedPlans(segmentCount: segmentCount)
        }

        /// Adds what another thread's pass over other segments found.
        mutating func absorb(_ other: Pass) {
            total += other.total
            exact = exact && other.exact
            for e in other.heap.entries { heap.push(e) }
            matches.absorb(other.matches)
        }
    }

    private struct OutOfTime: Error {}

    /// One pass over every segment, on `threads` threads. With `requireAll`,
    /// every word is required; else any word will do. Unless `exhaustive`,
    /// MaxScore, block-max and the title lists (`TitleLed`) skip plans that
    /// cannot enter the top `keep`.
    /// With `collect`, every match is kept in `matches` (for the facets).
    ///
    /// On several threads, each takes the next segment not yet taken, so its
    /// own are in increasing order, and skips what cannot enter its own top
    /// `keep`, whose k-th score is never above the one a single pass would
    /// have at that plan (it holds fewer plans, all of them earlier): it skips
    /// nothing the single pass would keep, and ties go to the earlier plan
    /// as there. The tops merged are the single pass's, plan for plan; the
    /// totals past counting (lower bounds) may be higher.
    private func evaluate(_ clauses: [Clause], requireAll: Bool, filters: FilterSet, keep: Int,
                          exhaustive: Bool, collect: Bool, threads: Int) throws -> Pass {
        let segmentCount = snapshot.segments.count
        // A budget of a day or more (or infinity) is none.
        let now = DispatchTime.now().uptimeNanoseconds
        let deadline = timeBudget >= 86_400 ? UInt64.max : now + UInt64(max(0, timeBudget) * 1e9)
        /// One thread's pass over the segments `next` hands it.
        func onePass(taking next: () -> Int?) throws -> Pass {
            var pass = Pass(keep: keep, segmentCount: segmentCount)
            var visited = 0
            func clock() throws { if DispatchTime.now().uptimeNanoseconds > deadline { throw OutOfTime() } }
            do {
                try evaluateSegments(clauses, requireAll: requireAll, filters: filters, exhaustive: exhaustive,
                                     collect: collect, taking: next, pass: &pass, clock: clock) {
                    visited += 1
                    if visited & 1023 == 0 { try clock() }
                }
            } catch is OutOfTime {
                pass.exact = false
            }
            return pass
        }
        guard threads > 1 else {
            var s = 0
            return try onePass {
                guard s < segmentCount else { return nil }
                defer { s += 1 }
                return s
            }
        }
        let work = WorkQueue(count: segmentCount)
        let passes = NumberedResults<Pass>(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            do { passes.set(t, try onePass(taking: work.take)) } catch { work.fail(error) }
        }
        if let failure = work.failure { throw failure }
        var merged = Pass(keep: keep, segmentCount: segmentCount)
        for case let pass? in passes.values { merged.absorb(pass) }
        return merged
    }

    /// How many searches are under way on an engine, from any thread.
    private final class SearchesUnderWay: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        /// Counts one more; returns how many others were under way.
        func enter() -> Int {
            lock.lock(); defer { lock.unlock() }
            count += 1
            return count - 1
        }

        func leave() { lock.lock(); count -= 1; lock.unlock() }
    }

    /// The segments `next` hands out, in increasing order, into `pass`.
    private func evaluateSegments(_ clauses: [Clause], requireAll: Bool, filters: FilterSet, exhaustive: Bool,
                                  collect: Bool, taking next: () -> Int?, pass: inout Pass, clock: () throws -> Void,
                                  tick: () throws -> Void) throws {
        let shouldIDF = clauses.filter { $0.occur == .should }.reduce(0) { $0 + $1.idf }
        while let s = next() {
            let segment = snapshot.segments[s]
            if collect { pass.matches.reserve(segment.documentCount, forSegment: s) }
            let context = context(ofSegment: s)
            var required: [ClauseIterator] = [], optional: [(ClauseIterator, Double)] = [], prohibited: [ClauseIterator] = []
            var missingRequired = false
            for c in clauses {
                let it = try iterator(for: c, context: context)
                switch c.occur {
                case .must:
                    if let it { required.append(it) } else { missingRequired = true }
                case .should where requireAll:
                    if let it { required.append(it) } else { missingRequired = true }
                case .should:
                    if let it { optional.append((it, c.idf)) }
                case .mustNot:
                    if let it { prohibited.append(it) }
                }
            }
            if missingRequired { continue }
            let deleted = snapshot.deleted[s]
            let excluded = prohibited.map(UnretainedClause.init)
            /// Whether a plan the clauses match is live, passes the filters and holds no excluded word.
            @inline(__always) func admits(_ d: UInt32) throws -> Bool {
                let doc = Int(d)
                if !deleted.isEmpty && doc < deleted.count && deleted[doc] { return false }
                if !filters.accepts(segment: s, doc: doc) { return false }
                for p in excluded where try p.advance(to: d) == d { return false }
                return true
            }
            func accept(_ d: UInt32, _ score: Double) throws {
                guard try admits(d) else { return }
                pass.total += 1
                if collect { pass.matches.append(Int(d), toSegment: s) }
                // A plan passed over unscored (-infinity) cannot enter a full heap.
                if score > -Double.infinity { pass.heap.push(TopKHeap.Entry(score: score, segment: s, doc: Int(d))) }
            }
            /// Whether `admits` holds for every live plan: no filter, no excluded word.
            let admitsLive = filters.isEmpty && excluded.isEmpty
            /// `accept` for a segment's live matches at once, in plan order
            /// (term at a time): a plan below the heap's threshold is not
            /// offered to it.
            func acceptAll(_ docs: UnsafeBufferPointer<UInt32>, _ scores: UnsafeBufferPointer<Double>) throws {
                var theta = pass.heap.threshold
                if admitsLive {
                    // Most searches: the matches are counted and kept at once,
                    // and only the scores are read one by one (the per-plan
                    // checks were a tenth of a search matching every plan).
                    pass.total += docs.count
                    if collect { pass.matches.append(docs: docs, toSegment: s) }
                    for i in scores.indices where scores[i] >= theta {
                        pass.heap.push(TopKHeap.Entry(score: scores[i], segment: s, doc: Int(docs[i])))
                        theta = pass.heap.threshold
                    }
                    return
                }
                for i in docs.indices {
                    let d = docs[i]
                    guard try admits(d) else { continue }
                    pass.total += 1
                    if collect { pass.matches.append(Int(d), toSegment: s) }
                    if scores[i] >= theta {
                        pass.heap.push(TopKHeap.Entry(score: scores[i], segment: s, doc: Int(d)))
                        theta = pass.heap.threshold
                    }
                }
            }
            // The loops hold the iterators unretained; these arrays keep them alive.
            try withExtendedLifetime((required, optional, prohibited)) {
                let n = segment.documentCount
                if optional.isEmpty,
                   let whole = TermAtATime.clauses(Self.conjunctionOrder(required), requireAll: true, documentCount: n,
                                                   density: termAtATimeDensity, phrasesKeptIn: termScores) {
                    // A segment read term at a time is finished before the clock is read.
                    try TermAtATime.conjunction(whole, documentCount: n, deleted: deleted, cache: termScores,
                                                threshold: titleLed ? pass.heap.threshold : -.infinity,
                                                accept: acceptAll)
                    try clock()
                } else if required.isEmpty, case let ordered = Self.disjunctionOrder(optional),
                          let whole = TermAtATime.clauses(ordered.map(\.0), requireAll: false, documentCount: n,
                                                          density: exhaustive ? termAtATimeDensity : 0,
                                                          phrasesKeptIn: termScores) {
                    try TermAtATime.disjunction(Array(zip(whole, ordered.map(\.1))), shouldIDF: shouldIDF,
                                                documentCount: n, deleted: deleted, cache: termScores, accept: acceptAll)
                    try clock()
                } else if !required.isEmpty {
                    try conjunction(required, optional: optional, threshold: { pass.heap.threshold },
                                    skipBlocks: { !exhaustive && pass.total >= totalLimit && pass.heap.threshold > -.infinity },
                                    skipped: { pass.exact = false }, tick: tick, accept: accept)
                    if required.contains(where: \.skippedUnmatched) { pass.exact = false }
                } else if !optional.isEmpty {
                    try disjunction(optional, shouldIDF: shouldIDF, heap: { pass.heap.threshold }, exhaustive: exhaustive,
                                    pruned: { pass.exact = false }, tick: tick, accept: accept)
                } else if clauses.allSatisfy({ $0.occur == .mustNot }) {
                    for d in 0..<segment.documentCount { try tick(); try accept(UInt32(d), 0) }
                }
            }
        }
    }

    private func iterator(for clause: Clause, context: SegmentContext) throws -> ClauseIterator? {
        switch clause {
        case let .term(t, idf):
            return try TermIterator(term: t, idf: idf, context: context, titleWeight: titleWeight, foldedOnlyWeight: foldedOnlyWeight)
        case let .phrase(p, idf):
            return try WordPairIterator.make(phrase: p, idf: idf, context: context)
        case let .reference(_, keys):
            return try ReferenceIterator(keys: keys, context: context)
        }
    }

    /// The order a conjunction walks and sums its clauses in: rarest first.
    static func conjunctionOrder(_ required: [ClauseIterator]) -> [ClauseIterator] {
        required.sorted { $0.cost < $1.cost }
    }

    /// The order a disjunction sums its clauses (with their idf) in: smallest
    /// bound first, as MaxScore sets the non-essential ones aside.
    static func disjunctionOrder(_ optional: [(ClauseIterator, Double)]) -> [(ClauseIterator, Double)] {
        optional.sorted { $0.0.upperBound < $1.0.upperBound }
    }

    /// Plans holding every required clause, led by the rarest. Each is
    /// counted; once the heap is full, a plan whose clauses' bounds cannot beat
    /// its threshold is passed on unscored (score -infinity, which the heap
    /// refuses). Once `skipBlocks()` allows it, the plans that cannot reach the
    /// top are skipped uncounted (`ConjunctionSkipper`), and `skipped()` is
    /// told. The caller keeps the iterators alive (they are read unretained).
    private func conjunction(_ required: [ClauseIterator], optional: [(ClauseIterator, Double)], threshold: () -> Double,
                             skipBlocks: () -> Bool, skipped: () -> Void,
                             tick: () throws -> Void, accept: (UInt32, Double) throws -> Void) throws {
        let ordered = Self.conjunctionOrder(required).map(UnretainedClause.init)
        let others = optional.map { UnretainedClause($0.0) }
        var skipper = ConjunctionSkipper(required: required, optional: optional.map(\.0))
        let lead = ordered[0]
        var d = try lead.advance(to: 0)
        while d != exhaustedDoc {
            try tick()
            if skipBlocks() {
                switch try skipper.step(from: d, theta: threshold()) {
                case .stay:
                    break
                case let .jump(target):
                    skipped()
                    d = try lead.advance(to: target)
                    continue
                case let .end(skippedMatches):
                    if skippedMatches { skipped() }
                    return
                }
            }
            var agreed = true
            for r in ordered.dropFirst() {
                let x = try r.advance(to: d)
                if x != d { d = try lead.advance(to: x); agreed = false; break }
            }
            if !agreed { continue }
            let theta = threshold()
            // Most matches hold no query word in their title, and then their
            // dense bounds say enough without reading their body counts.
            if theta >= skipper.denseBound, try skipper.titleBound(at: d) <= theta {
                try accept(d, -Double.infinity)
                d = try lead.advance(to: d &+ 1)
                continue
            }
            if theta > -Double.infinity {
                var bound = 0.0
                for r in ordered { bound += try r.bound() }
                for o in others where try o.advance(to: d) == d { bound += try o.bound() }
                if bound <= theta {
                    try accept(d, -Double.infinity)
                    d = try lead.advance(to: d &+ 1)
                    continue
                }
            }
            var score = 0.0
            for r in ordered { score += try r.score() }
            for o in others where try o.advance(to: d) == d { score += try o.score() }
            try accept(d, score)
            d = try lead.advance(to: d &+ 1)
        }
    }

    /// Plans holding any clause (MaxScore): clauses whose bounds together
    /// cannot beat the current k-th score only score plans the others found.
    /// Long queries are scaled by the share of the query's weight (idf) that
    /// a plan holds, so plans with more of the rare words come first. The
    /// caller keeps the iterators alive (they are read unretained).
    private func disjunction(_ optional: [(ClauseIterator, Double)], shouldIDF: Double, heap threshold: () -> Double,
                             exhaustive: Bool, pruned: () -> Void, tick: () throws -> Void,
                             accept: (UInt32, Double) throws -> Void) throws {
        let sorted = Self.disjunctionOrder(optional)
        let its = sorted.map { UnretainedClause($0.0) }, idfs = sorted.map(\.1)
        let bounds = sorted.map(\.0.upperBound)
        var prefix = [0.0], idfPrefix = [0.0]
        for b in bounds { prefix.append(prefix.last! + b) }
        for w in idfs { idfPrefix.append(idfPrefix.last! + w) }
        let reach = Self.nonEssentialReach(prefix: prefix, idfPrefix: idfPrefix, shouldIDF: shouldIDF)
        // Once no plan can reach the top but through its title, the plans to
        // score are those of the title lists (`TitleLed`); the others are
        // not counted.
        if titleLed, !exhaustive, let read = TitleLed.titlesRead(sorted.map(\.0), threshold: threshold()) {
            pruned()
            return try titleLedDisjunction(its, idfs: idfs, bounds: bounds, shouldIDF: shouldIDF, titlesRead: read,
                                           threshold: threshold, tick: tick, accept: accept)
        }
        // A word's bound in a plan is its dense bound, plus its title part
        // when the plan has it in its title (ClauseIterator.sparseNext).
        let dense = sorted.map(\.0.denseBound)
        let hasSparse = sorted.map(\.0.hasSparseList)
        // The clauses whose title lists can lower a plan's bound, most first
        // (what their title adds to their bound).
        let byTitleGap = its.indices.filter { hasSparse[$0] && bounds[$0] > dense[$0] }
            .sorted { bounds[$0] - dense[$0] > bounds[$1] - dense[$1] }
        var tight = [Double](repeating: 0, count: its.count)
        var clauseScores = [Double](repeating: 0, count: its.count)
        // Where each clause stands, kept beside it to spare the loops a call.
        var docs = [UInt32](repeating: 0, count: its.count)
        for i in its.indices { docs[i] = try its[i].advance(to: 0) }
        // The clauses before `e` are not essential: a plan holding none but
        // them cannot beat θ (`reach`). θ never falls, so `e` never goes back,
        // and moves on from where it stood (counted afresh for every plan, it
        // was the loop's costliest line).
        var e = 0
        while true {
            try tick()
            let theta = threshold()
            // Counting every match (facets) visits every plan holding a word;
            // only the scoring of those that cannot reach the top is spared.
            while !exhaustive && e < its.count && reach[e + 1] <= theta { e += 1 }
            if e > 0 { pruned() }
            guard e < its.count else { break }
            var d = exhaustedDoc
            for i in e..<its.count where docs[i] < d { d = docs[i] }
            if d == exhaustedDoc { break }
            // Before scoring: the plan's bound from the words it holds (the
            // essential ones, standing on it: their own bound there) or may
            // hold (the others, not yet moved: their dense bound, or their
            // whole bound when the title holds them), scaled by the share of
            // the query they could cover.
            if theta > -Double.infinity {
                // First from every word's whole bound, which asks the lists
                // nothing, where the plan's own bound below costs a call or
                // two per word. A plan holding few of the essential words
                // often stops here: three long questions take 22.9 M
                // instructions against 26.6 M (callgrind; one of them 1% more).
                // An upper bound of the one below, so the plans kept are the same.
                var loose = prefix[e], looseCovered = idfPrefix[e]
                for i in e..<its.count where docs[i] == d { loose += bounds[i]; looseCovered += idfs[i] }
                if shouldIDF > 0 { loose *= min(1, looseCovered / shouldIDF) }
                if loose <= theta {
                    if exhaustive { try accept(d, -Double.infinity) } else { pruned() }
                    for i in e..<its.count where docs[i] == d { docs[i] = try its[i].advance(to: d &+ 1) }
                    continue
                }
                // The set-aside words' title lists are read largest part
                // first, and only while the plan may still reach the top: a
                // common word's title part ("kế hoạch" heads every title) is
                // too small to decide, and reading its title list for every
                // plan the rarer words found cost the two questions of the
                // peers' mix 9% of their instructions (callgrind).
                var covered = idfPrefix[e], partial = prefix[e]
                for i in e..<its.count where docs[i] == d {
                    tight[i] = try its[i].bound()
                    partial += tight[i]
                    covered += idfs[i]
                }
                for j in 0..<e { tight[j] = bounds[j] }
                let share = shouldIDF > 0 ? min(1, covered / shouldIDF) : 1
                // Set aside on this bound only with a margin of rounding;
                // else every title read and the bound summed as it always was.
                let margin = theta - abs(theta) * 1e-12
                var settled = partial * share <= margin
                for i in byTitleGap where !settled && i < e {
                    if try its[i].sparseNext(from: d) != d {
                        tight[i] = dense[i]
                        partial -= bounds[i] - dense[i]
                        settled = partial * share <= margin
                    }
                }
                var bound = 0.0
                if !settled {
                    for i in its.indices where i < e || docs[i] == d { bound += tight[i] }
                    bound *= share
                }
                if settled || bound <= theta {
                    if exhaustive { try accept(d, -Double.infinity) } else { pruned() }
                    for i in e..<its.count where docs[i] == d { docs[i] = try its[i].advance(to: d &+ 1) }
                    continue
                }
            } else {
                for j in 0..<e { tight[j] = bounds[j] }
            }
            // Each clause's score is kept, and they are summed at the end in
            // the clauses' order, whichever θ set aside: a plan's score is the
            // same to the bit however the search came to it (on one thread or
            // several, term at a time or not).
            var partial = 0.0
            for i in e..<its.count where docs[i] == d {
                clauseScores[i] = try its[i].score()
                partial += clauseScores[i]
            }
            var complete = true
            var remaining = 0.0
            for j in 0..<e { remaining += tight[j] }
            for j in stride(from: e - 1, through: 0, by: -1) {
                if partial + remaining <= theta { complete = false; break }
                remaining -= tight[j]
                if docs[j] < d { docs[j] = try its[j].advance(to: d) }
                if docs[j] == d {
                    clauseScores[j] = try its[j].score()
                    partial += clauseScores[j]
                }
            }
            if complete {
                try accept(d, Self.heldScore(of: d, docs: docs, clauseScores: clauseScores, idfs: idfs, shouldIDF: shouldIDF))
            }
            for i in e..<its.count where docs[i] == d { docs[i] = try its[i].advance(to: d &+ 1) }
        }
    }

    /// `disjunction` once only the plans whose title holds one of the
    /// clauses `titlesRead` can reach the top (`TitleLed`): those plans,
    /// found in the title lists, in plan order. Each is scored as there (its
    /// clauses' scores summed in the clauses' order, times the share of the
    /// query's idf it holds), its clauses read largest bound first, and
    /// given up once what it holds and may still hold cannot pass θ: a
    /// question's common words are then read for few plans. `its` are in
    /// `disjunctionOrder` (smallest bound first). The caller keeps the
    /// iterators alive (they are read unretained).
    private func titleLedDisjunction(_ its: [UnretainedClause], idfs: [Double], bounds: [Double], shouldIDF: Double,
                                     titlesRead read: [Int], threshold: () -> Double, tick: () throws -> Void,
                                     accept: (UInt32, Double) throws -> Void) throws {
        var next = try read.map { try its[$0].sparseNext(from: 0) }
        var docs = [UInt32](repeating: exhaustedDoc, count: its.count)
        var clauseScores = [Double](repeating: 0, count: its.count)
        let allBounds = bounds.reduce(0, +), allIDF = idfs.reduce(0, +)
        while let d = next.min(), d != exhaustedDoc {
            try tick()
            let theta = threshold()
            var partial = 0.0, held = 0.0, remaining = allBounds, remainingIDF = allIDF
            var complete = true, holdsAny = false
            for i in its.indices.reversed() {
                docs[i] = try its[i].advance(to: d)
                remaining -= bounds[i]
                remainingIDF -= idfs[i]
                if docs[i] == d {
                    clauseScores[i] = try its[i].score()
                    partial += clauseScores[i]
                    held += idfs[i]
                    holdsAny = true
                }
                let share = shouldIDF > 0 ? min(1, (held + remainingIDF) / shouldIDF) : 1
                // With room for rounding: the sums run in another order than the score's.
                if (partial + remaining) * share * TitleLed.margin <= theta { complete = false; break }
            }
            // A title list holds plans of its body list unless it is damaged.
            if complete && holdsAny {
                try accept(d, Self.heldScore(of: d, docs: docs, clauseScores: clauseScores, idfs: idfs, shouldIDF: shouldIDF))
            }
            for k in read.indices where next[k] == d { next[k] = try its[read[k]].sparseNext(from: d &+ 1) }
        }
    }

    /// A disjunction's score of plan `d`: the scores of the clauses standing
    /// on it (`docs[i] == d`), summed in the clauses' order, times the share
    /// of `shouldIDF` their idfs cover. One sum for every way a search comes
    /// to the plan (MaxScore, led by titles, on one thread or several), so
    /// its score is the same to the bit.
    @inline(__always)
    static func heldScore(of d: UInt32, docs: [UInt32], clauseScores: [Double], idfs: [Double],
                          shouldIDF: Double) -> Double {
        var score = 0.0, held = 0.0
        for i in docs.indices where docs[i] == d {
            score += clauseScores[i]
            held += idfs[i]
        }
        return score * (shouldIDF > 0 ? held / shouldIDF : 1)
    }

    /// The most a plan holding none but the first i clauses of a disjunction
    /// (in `disjunctionOrder`) can score, at [i]: their bounds' sum
    /// (`prefix[i]`) times the share of the query's idf (`shouldIDF`) they
    /// cover at most (`idfPrefix[i]`), as `disjunction` scales a plan's score.
    ///
    /// The share counts: a question's common words ("kế hoạch", "về", "năm")
    /// cover little of it, so a plan holding only them, or them and one
    /// middling word, cannot reach the top long before their bounds alone
    /// say so, and those words' lists are then only looked up for plans the
    /// rarer words found.
    static func nonEssentialReach(prefix: [Double], idfPrefix: [Double], shouldIDF: Double) -> [Double] {
        zip(prefix, idfPrefix).map { sum, covered in shouldIDF > 0 ? sum * min(1, covered / shouldIDF) : sum }
    }

    /// Adds, for the best plans, the weight of query words that stand side by
    /// side in the plan as they do in the query, and reorders them.
    ///
    /// A pair's weight is the sum of its words' idf: the idf the pair would
    /// have if its words occurred independently. It is the pair's own rarity
    /// that counts: "hành khách" (passenger) is rare though "hành" is common,
    /// which the smaller of the two idfs (used before) hid. (Pairs in the
    /// title counted again at the title's weight ranked worse on ALQAC: the
    /// law's name, in every article's title, outweighed the heading.)
    ///
    /// Each segment's plans are read apart from the others', on up to
    /// `threads` threads (a seventh of a common-word search, callgrind).
    private func rerankByProximity(_ ranked: [TopKHeap.Entry], query: Query, threads: Int) throws -> [TopKHeap.Entry] {
        let words = query.terms.filter { $0.occur != .mustNot }
        guard words.count >= 2, !ranked.isEmpty else { return ranked }
        let n = max(snapshot.statisticsDocumentCount, 1)
        let idfs = words.map {
            bm25.idf(documentFrequency: snapshot.documentFrequency(TermField.bodyFolded.key($0.folded)), documentCount: n)
        }
        // The plans in index order, so each word's cursor only moves forward,
        // cut where the segment changes.
        let order = ranked.indices.sorted { (ranked[$0].segment, ranked[$0].doc) < (ranked[$1].segment, ranked[$1].doc) }
        var runs: [ArraySlice<Int>] = []
        var start = 0
        for k in order.indices.dropFirst() where ranked[order[k]].segment != ranked[order[k - 1]].segment {
            runs.append(order[start..<k])
            start = k
        }
        runs.append(order[start...])
        var bonuses = [Double](repeating: 0, count: ranked.count)
        try bonuses.withUnsafeMutableBufferPointer { bonuses in
            try WorkQueue.perform(count: runs.count, threads: threads) { r in
                try proximityBonuses(runs[r], of: ranked, words: words, idfs: idfs, into: bonuses)
            }
        }
        var out = ranked
        for i in out.indices { out[i].score += proximityWeight * bonuses[i] }
        return out.sorted(by: TopKHeap.better)
    }

    /// The proximity pass's bonus of `ranked[i]`, in `bonuses[i]`, for each i
    /// of `run`: plans of one segment in index order.
    private func proximityBonuses(_ run: ArraySlice<Int>, of ranked: [TopKHeap.Entry], words: [Query.Term],
                                  idfs: [Double], into bonuses: UnsafeMutableBufferPointer<Double>) throws {
        guard let first = run.first else { return }
        let s = ranked[first].segment
        let segment = snapshot.segments[s]
        var buffers: [PostingsBlockBuffer] = []
        var pairs: [PairSource] = try (0..<(words.count - 1)).map { j in
            let source = try pairSource(words[j], words[j + 1], idf: idfs[j] + idfs[j + 1], segment: s)
            // A long list decoded a block at a time: walked posting by
            // posting, its advances were a tenth of a search (callgrind).
            guard case var .listed(cursor) = source else { return source }
            cursor.decodeBlocksIfLong(keepingBufferIn: &buffers)
            return .listed(cursor)
        }
        var cursors: [PostingsCursor?] = try words.indices.map { j in
            // A word whose pairs are both kept or listed (or cannot stand) is not read.
            let read = (j > 0 && pairs[j - 1].readsPositions) || (j < pairs.count && pairs[j].readsPositions)
            guard read, let info = segment.info(TermField.bodyFolded.key(words[j].folded)) else { return nil }
            var cursor = try segment.cursor(info, positions: true)
            cursor.decodeBlocksIfLong(keepingBufferIn: &buffers)
            return cursor
        }
        var positions = [[UInt32]](repeating: [], count: words.count)
        for i in run {
            let doc = UInt32(ranked[i].doc)
            for j in words.indices {
                positions[j].removeAll(keepingCapacity: true)
                guard var c = cursors[j] else { continue }
                if try c.advance(to: doc), c.doc == doc { try c.positions(into: &positions[j]) }
                cursors[j] = c
            }
            var bonus = 0.0
            for j in 0..<(words.count - 1) {
                if case let .kept(scores) = pairs[j] {
                    // The pair's score as a phrase: the same product, bit for bit.
                    let score = scores.values[Int(doc)]
                    if score >= 0 { bonus += score }
                    continue
                }
                let adjacent: Int
                if case var .listed(cursor) = pairs[j] {
                    adjacent = try cursor.advance(to: doc) && cursor.doc == doc ? Int(cursor.tf) : 0
                    pairs[j] = .listed(cursor)
                } else {
                    adjacent = Self.adjacentCount(positions[j], positions[j + 1])
                }
                guard adjacent > 0 else { continue }
                bonus += (idfs[j] + idfs[j + 1]) * bm25.tf(Double(adjacent), length: Double(segment.bodyLength(Int(doc))),
                                                           averageLength: snapshot.averageBodyLength)
            }
            bonuses[i] = bonus
        }
        withExtendedLifetime(buffers) {}
    }

    /// Where the proximity pass finds how often a pair of query words stand
    /// side by side in a segment's plans.
    private enum PairSource {
        /// Its words' positions, read for each plan.
        case positions
        /// The pair's per-plan scores kept as those of the quoted phrase
        /// (`TermScoreCache`): its idf times BM25's tf of the times it stands.
        case kept(TermScores)
        /// The pair's list (`WordPairs`): how often it stands in each plan.
        case listed(PostingsCursor)
        /// Nowhere: the segment lacks one of the words, or the pair.
        case absent

        var readsPositions: Bool {
            if case .positions = self { return true }
            return false
        }
    }

    /// How the proximity pass finds the pair `first second` in segment `s`:
    /// kept when the engine keeps scores and the pair's words are common
    /// there (the rarest in one plan in `termAtATimeDensity`), as for a
    /// quoted phrase read term at a time, with whose scores they are shared.
    /// Reading both words' positions for each of the best 40 plans was a
    /// seventh of the server's time (perf); common pairs ("kế hoạch",
    /// "pháp luật") recur across searches.
    ///
    /// Else, when the segment lists the pair (`WordPairs`), from its list.
    private func pairSource(_ first: Query.Term, _ second: Query.Term, idf: Double, segment s: Int) throws -> PairSource {
        let segment = snapshot.segments[s]
        if let cache = termScores, termAtATimeDensity > 0 {
            let phrase = Query.Phrase(terms: [first, second], occur: .must)
            guard let pair = try WordPairIterator.make(phrase: phrase, idf: idf, context: context(ofSegment: s)) else {
                return .absent
            }
            let n = segment.documentCount
            if pair.cost * termAtATimeDensity >= n, cache.keeps(plans: pair.cost, documentCount: n) {
                if let phrase = pair as? any PhraseScoring {
                    return .kept(try cache.scores(for: phrase.scoreKey, documentCount: n) { try phrase.scoreEveryPlan() })
                }
            }
        }
        switch segment.wordPairList(first.folded, second.folded) {
        case let .listed(info): return .listed(try segment.cursor(info, positions: false))
        case .absent: return .absent
        case .notKept: return .positions
        }
    }

    /// How many positions in `first` have the next position in `second` (both
    /// ascending): the count of a two-word phrase (`PhraseIterator.pairs`,
    /// whose merge moves on by arithmetic, not by mispredicted branches).
    static func adjacentCount(_ first: [UInt32], _ second: [UInt32]) -> Int {
        first.withUnsafeBufferPointer { a in second.withUnsafeBufferPointer { b in PhraseIterator.pairs(a[...], b[...]) } }
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
}

extension SearchEngine {
    /// One segment's `FieldNorms`, replaced when `bm25` has changed since.
    final class NormsSlot: @unchecked Sendable {
        private let lock = NSLock()
        private var norms: FieldNorms?

        func get(bm25: BM25, _ make: () -> FieldNorms) -> FieldNorms {
            lock.lock()
            defer { lock.unlock() }
            if let norms, norms.bm25 == bm25 { return norms }
            let made = make()
            norms = made
            return made
        }
    }

    /// What the iterators of segment s score with: the engine's `bm25`, the
    /// snapshot's average lengths and the segment's kept norms.
    func context(ofSegment s: Int) -> SegmentContext {
        SegmentContext(segment: snapshot.segments[s], bm25: bm25, averageBodyLength: snapshot.averageBodyLength,
                       averageTitleLength: snapshot.averageTitleLength, norms: { self.norms(ofSegment: s) })
    }

    /// Segment s's field norms under the engine's `bm25`.
    func norms(ofSegment s: Int) -> FieldNorms {
        fieldNorms[s].get(bm25: bm25) {
            FieldNorms(segment: snapshot.segments[s], bm25: bm25, averageBodyLength: snapshot.averageBodyLength,
                       averageTitleLength: snapshot.averageTitleLength)
        }
    }
}
