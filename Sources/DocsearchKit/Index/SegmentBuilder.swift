import Foundation

/// Collects analysed plans in memory until they are written as one segment.
/// Not thread-safe: each indexing worker fills its own builder.
///
/// A term's postings are not kept in arrays of their own: appending to one
/// of 30,000 terms' arrays for every token missed the cache on the array's
/// header and end (60% of the indexing loop's own time, perf annotate). A
/// term keeps only the plan it was last seen in and its count there
/// (`Pending`, 8 bytes, in one array), written to one list of (term, plan,
/// count) when the term turns up in a later plan; the body's folded words,
/// the only terms with positions (`TermField.hasPositions`), go to one list
/// in the order of the text, a word's position being its place in its plan.
/// `serialize` sorts both by term, stably, so each term's plans and
/// positions come out in order.
public final class SegmentBuilder {
    /// The plan a term was last seen in, and its count there, not yet in
    /// the list of postings.
    private struct Pending {
        var doc: UInt32
        var tf: UInt32
    }

    /// Every term's postings: a value, so that the loop over a plan's words
    /// works on its own copy (taken out of the builder and put back) rather
    /// than reach each array through the class for every word (49 M of the
    /// 2,000 plans' build, callgrind).
    private struct Postings {
        var pending: [Pending] = []
        /// Each (term, plan, count) written out of `pending`: a term's plans in increasing order.
        var terms: [UInt32] = []
        var docs: [UInt32] = []
        var tfs: [UInt32] = []

        /// One occurrence of term `id` in plan `doc`, the plan being added
        /// (plans come in increasing order). True when the term is new.
        @inline(__always) mutating func add(_ id: Int, doc: UInt32) -> Bool {
            if id == pending.count {
                pending.append(Pending(doc: doc, tf: 1))
                return true
            } else if pending[id].doc == doc {
                pending[id].tf += 1
            } else {
                terms.append(UInt32(id))
                docs.append(pending[id].doc)
                tfs.append(pending[id].tf)
                pending[id] = Pending(doc: doc, tf: 1)
            }
            return false
        }

        /// Every term's plans and counts, its pending one last (every term
        /// has one), by a stable counting sort on the term: term t's at
        /// `starts[t]..<starts[t + 1]`, in plan order.
        func byTerm() -> (starts: [Int], docs: [UInt32], tfs: [UInt32]) {
            let starts = SegmentBuilder.starts(of: terms, termCount: pending.count, perTerm: 1)
            var next = starts
            let total = starts[pending.count]
            // Over the buffers: with the arrays' checks, this one loop for
            // the words' postings and the pairs' cost 37 M more of the 2,000
            // plans' build than the two loops it replaced; over the buffers,
            // 27 M less (callgrind). Every place written lies below `total`:
            // `starts` counted the terms.
            var docs = [UInt32](repeating: 0, count: total), tfs = docs
            docs.withUnsafeMutableBufferPointer { docs in
                tfs.withUnsafeMutableBufferPointer { tfs in
                    next.withUnsafeMutableBufferPointer { next in
                        for i in terms.indices {
                            let t = Int(terms[i]), at = next[t]
                            docs[at] = self.docs[i]
                            tfs[at] = self.tfs[i]
                            next[t] = at + 1
                        }
                        for (t, p) in pending.enumerated() {
                            docs[next[t]] = p.doc
                            tfs[next[t]] = p.tf
                        }
                    }
                }
            }
            return (starts, docs, tfs)
        }
    }

    private var table = TermTable()
    private var postings = Postings()
    /// The body's folded words, plan after plan, each in the order of its
    /// text: the k-th of a plan stands at position k (`bodyLengths` words a plan).
    private var bodyWords: [UInt32] = []
    private(set) var records: [PlanRecord] = []
    private(set) var fingerprints: [FileFingerprint] = []
    private(set) var bodyLengths: [UInt32] = []
    private(set) var titleLengths: [UInt32] = []
    private(set) var facets: [String: [[String]]] = [:]
    /// A rough count of the bytes held, to decide when to flush.
    public private(set) var estimatedBytes = 0
    private let analyzer = Analyzer()
    /// Numbers the word forms of the plans analysed for this builder
    /// (`PlanDocument.analyze(…, interner:)`), so that `add` finds a body
    /// word's term by its form's number, not by its bytes.
    let interner = TokenInterner()
    /// The term of each folded and exact form of `interner`, -1 until a plan holds it.
    private var termOfFolded: [Int32] = [], termOfExact: [Int32] = []

    public init() {}

    public var documentCount: Int { records.count }

    /// Adds one analysed plan: its body from the tokens the extractors read
    /// (`PlanDocument.tokens`, of the whole text, title included), not
    /// tokenised again, and its title.
    public func add(_ plan: PlanDocument) {
        let doc = UInt32(records.count)
        if plan.internerTag == interner.tag && plan.formIDs.count == 2 * plan.tokens.count {
            addBody(formIDs: plan.formIDs, doc: doc)
        } else {
            addBody(tokens: plan.tokens, path: plan.record.path, doc: doc)
        }
        let titleCount = index(title: plan.title, doc: doc)
        for (field, value) in plan.keywords where !value.isEmpty {
            add(table.id(field: field.rawValue, value), doc: doc)
        }
        for name in plan.facets.keys where facets[name] == nil {
            facets[name] = Array(repeating: [], count: Int(doc))
        }
        // Appended in place: a copy taken out of the dictionary and put back
        // was copied whole for every plan (a tenth of the build, perf).
        for name in Array(facets.keys) { facets[name]!.append(plan.facets[name] ?? []) }
        records.append(plan.record)
        fingerprints.append(plan.fingerprint)
        bodyLengths.append(UInt32(plan.tokens.count))
        titleLengths.append(UInt32(titleCount))
        estimatedBytes += plan.text.utf8.count * 3 + 512
    }

    /// The body's words by their Strings, for a plan not analysed with `interner`.
    private func addBody(tokens: [Token], path: String, doc: UInt32) {
        for (k, token) in tokens.enumerated() {
            // Positions are written as each word's place in the plan (`serialize`).
            assert(token.position == k, "tokens of \(path) out of order")
            // The bytes lookup, not TermTable's String one: called for every
            // word, that call's retains cost 0.4-0.7% of the build (callgrind).
            var folded = token.folded
            let id = folded.withUTF8 { table.id(field: TermField.bodyFolded.rawValue, $0) }
            add(id, doc: doc)
            bodyWords.append(UInt32(id))
            if token.hasDiacritics {
                var exact = token.exact
                exact.withUTF8 { add(table.id(field: TermField.bodyExact.rawValue, $0), doc: doc) }
            }
        }
    }

    /// The body's words by their forms' numbers in `interner`
    /// (`TokenInterner.tokens(in:analyzer:)`): a form's term is looked up by
    /// its bytes once a segment, then found by its number.
    private func addBody(formIDs: [UInt32], doc: UInt32) {
        if termOfFolded.count < interner.count {
            let more = interner.count - termOfFolded.count
            termOfFolded.append(contentsOf: repeatElement(-1, count: more))
            termOfExact.append(contentsOf: repeatElement(-1, count: more))
        }
        func term(_ form: UInt32, _ field: TermField, _ terms: inout [Int32]) -> Int {
            let known = terms[Int(form)]
            if known >= 0 { return Int(known) }
            let id = interner.withBytes(of: form) { table.id(field: field.rawValue, $0) }
            terms[Int(form)] = Int32(id)
            return id
        }
        var postings = Postings(), words: [UInt32] = []
        swap(&postings, &self.postings)
        swap(&words, &bodyWords)
        var newTerms = 0
        for k in stride(from: 0, to: formIDs.count, by: 2) {
            let folded = term(formIDs[k], .bodyFolded, &termOfFolded)
            if postings.add(folded, doc: doc) { newTerms += 1 }
            words.append(UInt32(folded))
            let exact = formIDs[k + 1]
            if exact != TokenInterner.noExactForm, postings.add(term(exact, .bodyExact, &termOfExact), doc: doc) { newTerms += 1 }
        }
        swap(&postings, &self.postings)
        swap(&words, &bodyWords)
        estimatedBytes += 96 * newTerms
    }

    /// One occurrence of term `id` in plan `doc`, the plan being added.
    @inline(__always) private func add(_ id: Int, doc: UInt32) {
        if postings.add(id, doc: doc) { estimatedBytes += 96 }
    }

    /// Indexes a title (without positions); returns its number of tokens.
    private func index(title: String, doc: UInt32) -> Int {
        var count = 0
        analyzer.forEachToken(in: title) { token in
            add(table.id(field: TermField.titleFolded.rawValue, token.foldedUTF8), doc: doc)
            if token.hasDiacritics {
                add(table.id(field: TermField.titleExact.rawValue, token.exactUTF8), doc: doc)
            }
            count += 1
        }
        return count
    }

    /// The segment file's bytes.
    public func serialize() -> [UInt8] { serialize(version: SegmentWriter.version) }

    /// The segment file's bytes in format `version` (3 to the current one).
    func serialize(version: UInt16) -> [UInt8] {
        var writer = SegmentWriter(documentCount: records.count, version: version)
        writer.setDocuments(records: records.map(SegmentWriter.encodeRecord), fingerprints: fingerprints,
                            bodyLengths: bodyLengths, titleLengths: titleLengths, facets: facets)
        // Each term's postings (its pending one last: every term has one) and
        // positions, side by side, by a stable counting sort on the term.
        assert(!TermField.titleFolded.hasPositions && !TermField.titleExact.hasPositions && !TermField.bodyExact.hasPositions,
               "only the body's folded words keep positions here")
        assert(postings.pending.count == table.count, "a term without its pending posting")
        let (postingStarts, docs, tfs) = postings.byTerm()
        let positionStarts = Self.starts(of: bodyWords, termCount: table.count)
        var next = positionStarts
        var positions = [UInt32](repeating: 0, count: positionStarts[table.count])
        var i = 0
        for length in bodyLengths {
            for position in 0..<length {
                let t = Int(bodyWords[i])
                positions[next[t]] = position
                next[t] += 1
                i += 1
            }
        }
        let order = table.idsInKeyOrder()
        // The word pairs (format 10 on) come in among the terms by their keys.
        let pairs = SegmentWriter.hasWordPairs(version: version) ? wordPairPostings() : []
        var nextPair = 0
        func addPairs(before key: [UInt8]?) {
            while nextPair < pairs.count, key.map({ pairs[nextPair].key.lexicographicallyPrecedes($0) }) ?? true {
                let p = pairs[nextPair]
                writer.addTerm(p.key, docs: p.docs, tfs: p.tfs, positions: [], withPositions: false)
                nextPair += 1
            }
        }
        for id in order {
            let key = Array(table.key(id))
            addPairs(before: key)
            let postings = postingStarts[id]..<postingStarts[id + 1]
            writer.addTerm(key, docs: Array(docs[postings]), tfs: Array(tfs[postings]),
                           positions: Array(positions[positionStarts[id]..<positionStarts[id + 1]]),
                           withPositions: TermField(rawValue: key[0])?.hasPositions ?? false)
        }
        addPairs(before: nil)
        return writer.finish()
    }

    /// The postings of every pair of `WordPairs` syllables standing side by
    /// side in a body (the k-th and k+1-th folded words of a plan), in key
    /// order: the plans holding it and how often it stands there. Counted
    /// from the body's words in text order, as the positions are written.
    private func wordPairPostings() -> [(key: [UInt8], docs: [UInt32], tfs: [UInt32])] {
        let n = WordPairs.syllables.count
        // Each folded body word's syllable number; -1 for the other terms.
        var syllable = [Int32](repeating: -1, count: table.count)
        for id in 0..<table.count {
            let key = table.key(id)
            guard key.first == TermField.bodyFolded.rawValue,
                  let s = WordPairs.number(ofFolded: String(decoding: key.dropFirst(), as: UTF8.self)) else { continue }
            syllable[id] = Int32(s)
        }
        // Each pair numbered as it first turns up, its postings gathered as
        // the words' are (`Postings`: plans come in order).
        var pairs = Postings()
        var idOfPair = [Int32](repeating: -1, count: n * n), pairOfID: [Int] = []
        syllable.withUnsafeBufferPointer { syllable in
            bodyWords.withUnsafeBufferPointer { words in
                var start = 0
                for (doc, length) in bodyLengths.enumerated() {
                    var previous: Int32 = -1
                    for k in start..<(start + Int(length)) {
                        let current = syllable[Int(words[k])]
                        if previous >= 0 && current >= 0 {
                            let p = Int(previous) &* n &+ Int(current)
                            if idOfPair[p] < 0 {
                                idOfPair[p] = Int32(pairOfID.count)
                                pairOfID.append(p)
                            }
                            _ = pairs.add(Int(idOfPair[p]), doc: UInt32(doc))
                        }
                        previous = current
                    }
                    start += Int(length)
                }
            }
        }
        let (starts, docs, tfs) = pairs.byTerm()
        var out: [(key: [UInt8], docs: [UInt32], tfs: [UInt32])] = []
        for (id, p) in pairOfID.enumerated() {
            let list = starts[id]..<starts[id + 1]
            out.append((WordPairs.key(WordPairs.syllables[p / n], WordPairs.syllables[p % n]), Array(docs[list]), Array(tfs[list])))
        }
        out.sort { $0.key.lexicographicallyPrecedes($1.key) }
        return out
    }

    /// Where each term's entries start in a list sorted by term of the
    /// entries tagged by `terms` and `perTerm` more for every term;
    /// `[termCount]` is the list's length.
    private static func starts(of terms: [UInt32], termCount: Int, perTerm: Int = 0) -> [Int] {
        var counts = [Int](repeating: perTerm, count: termCount) + [0]
        for t in terms { counts[Int(t)] += 1 }
        var sum = 0
        for t in 0...termCount {
            let c = counts[t]
            counts[t] = sum
            sum += c
        }
        return counts
    }
}
