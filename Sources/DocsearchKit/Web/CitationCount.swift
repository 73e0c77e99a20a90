/// A document that plans in the index cite, with how many live plans cite it.
public struct CitationCount: Codable, Sendable, Equatable {
    /// The canonical key ("20-CT/TW").
    public var key: String
    /// As one citing plan writes it ("20-CT/TW"), when a record says so.
    public var symbol: String?
    /// The kind in Vietnamese ("Chỉ thị"), when a record says so.
    public var kind: String?
    /// Live plans citing it.
    public var plans: Int

    public init(key: String, symbol: String? = nil, kind: String? = nil, plans: Int) {
        self.key = key; self.symbol = symbol; self.kind = kind; self.plans = plans
    }

    /// "Chỉ thị 20-CT/TW", or the key when nothing better is known.
    public var label: String {
        [kind, symbol ?? key].compactMap { $0 }.joined(separator: " ")
    }
}

/// Who cites what, read from the citation terms ('C' + key) of a snapshot.
enum CitationCounts {
    /// Every cited document with the number of live plans citing it, most cited first.
    static func citedDocuments(in snapshot: IndexSnapshot) throws -> [CitationCount] {
        var counts: [String: (plans: Int, first: (Int, Int))] = [:]
        for (s, segment) in snapshot.segments.enumerated() {
            for i in segment.terms(withPrefix: [TermField.citation.rawValue]) {
                let key = String(decoding: segment.termKey(i).dropFirst(), as: UTF8.self)
                var cursor = try segment.cursor(segment.info(i), positions: false)
                while try cursor.next() {
                    let d = Int(cursor.doc)
                    guard d < segment.documentCount, !snapshot.isDeleted(segment: s, doc: d) else { continue }
                    if let c = counts[key] { counts[key] = (c.plans + 1, c.first) } else { counts[key] = (1, (s, d)) }
                }
            }
        }
        var out: [CitationCount] = []
        out.reserveCapacity(counts.count)
        for (key, c) in counts {
            let record = try? snapshot.record(segment: c.first.0, doc: c.first.1)
            let citation = record?.citations.first { $0.key == key }
            out.append(CitationCount(key: key, symbol: citation?.symbol, kind: citation?.kind, plans: c.plans))
        }
        return out.sorted { $0.plans != $1.plans ? $0.plans > $1.plans : $0.key < $1.key }
    }

    /// The live plans citing `key`, as (segment, doc), in index order.
    static func citingPlans(_ key: String, in snapshot: IndexSnapshot) throws -> [(segment: Int, doc: Int)] {
        var out: [(segment: Int, doc: Int)] = []
        let term = TermField.citation.key(key)
        for (s, segment) in snapshot.segments.enumerated() {
            guard let info = segment.info(term) else { continue }
            var cursor = try segment.cursor(info, positions: false)
            while try cursor.next() {
                let d = Int(cursor.doc)
                if d < segment.documentCount && !snapshot.isDeleted(segment: s, doc: d) { out.append((s, d)) }
            }
        }
        return out
    }

    /// Plans that cite the most of the documents `record` cites (itself excluded), best first.
    static func related(to record: PlanRecord, segment: Int, doc: Int, in snapshot: IndexSnapshot,
                        limit: Int) throws -> [(segment: Int, doc: Int, shared: Int)] {
        var shared: [Int: [Int: Int]] = [:]
        for key in Set(record.citations.map(\.key)) {
            for p in try citingPlans(key, in: snapshot) where !(p.segment == segment && p.doc == doc) {
                shared[p.segment, default: [:]][p.doc, default: 0] += 1
            }
        }
        var all: [(segment: Int, doc: Int, shared: Int)] = []
        for (s, docs) in shared { for (d, n) in docs { all.append((s, d, n)) } }
        all.sort { a, b in
            if a.shared != b.shared { return a.shared > b.shared }
            return a.segment != b.segment ? a.segment < b.segment : a.doc < b.doc
        }
        return Array(all.prefix(limit))
    }
}
