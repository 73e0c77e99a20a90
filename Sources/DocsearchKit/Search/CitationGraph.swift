/// Who cites what, over a whole index: for every cited document (văn bản được
/// dẫn chiếu) its kind, number, year, symbol and issuer as far as any citing
/// plan gives them, and the plans that cite it with how each cites it.
public struct CitationGraph: Sendable {
    /// A plan that cites a document, and in which roles ("legalBasis", "body", "footnote").
    public struct CitingPlan: Codable, Sendable, Equatable {
        public var id: String
        public var path: String
        public var title: String
        public var number: String?
        public var roles: [String]
    }

    /// One cited document.
    public struct Document: Codable, Sendable, Equatable {
        /// Canonical key ("1373/QD-TTG").
        public var key: String
        /// The symbol as most citing plans write it ("1373/QĐ-TTg").
        public var symbol: String
        /// "Quyết định".
        public var kind: String
        public var number: Int?
        public var year: Int?
        public var date: String?
        /// Canonical issuer ("Thủ tướng Chính phủ"), else as written.
        public var issuer: String?
        /// How many plans cite it.
        public var citedBy: Int
        /// How many cite it as a legal basis.
        public var asLegalBasis: Int
        public var plans: [CitingPlan]
    }

    /// Most cited first, then by key.
    public let documents: [Document]
    /// Plans in the index (the N of specificity weights).
    public let planCount: Int
    /// Per plan id: the plan and what it cites (key → roles).
    public let citationsByPlan: [String: (plan: CitingPlan, cites: [String: [String]])]
    private let indexByKey: [String: Int]

    public init(snapshot: IndexSnapshot) throws {
        self.init(records: try snapshot.liveRecords())
    }

    public init(records: [PlanRecord]) {
        struct Acc {
            var symbols: [String: Int] = [:], kinds: [String: Int] = [:], issuers: [String: Int] = [:]
            var years: [Int: Int] = [:], dates: [String: Int] = [:]
            var number: Int?
            var plans: [CitingPlan] = []
            var basis = 0
        }
        var acc: [String: Acc] = [:]
        var byPlan: [String: (plan: CitingPlan, cites: [String: [String]])] = [:]
        for r in records {
            var cites: [String: [String]] = [:]
            for c in r.citations {
                let roles = c.allRoles
                cites[c.key] = roles
                var a = acc[c.key] ?? Acc()
                a.symbols[c.symbol, default: 0] += 1
                a.kinds[c.kind, default: 0] += 1
                if let i = c.issuerAgency ?? c.issuer { a.issuers[i, default: 0] += 1 }
                if let y = c.year ?? c.date.flatMap({ Int($0.prefix(4)) }) { a.years[y, default: 0] += 1 }
                if let d = c.date { a.dates[d, default: 0] += 1 }
                a.number = a.number ?? c.number ?? Self.leadingNumber(c.key)
                a.plans.append(CitingPlan(id: r.id, path: r.path, title: r.title, number: r.number, roles: roles))
                if roles.contains(CitationRole.legalBasis.rawValue) { a.basis += 1 }
                acc[c.key] = a
            }
            byPlan[r.id] = (CitingPlan(id: r.id, path: r.path, title: r.title, number: r.number, roles: []), cites)
        }
        func top<K: Comparable>(_ d: [K: Int]) -> K? {
            d.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        }
        var docs: [Document] = acc.map { key, a in
            Document(key: key, symbol: top(a.symbols) ?? key, kind: top(a.kinds) ?? "", number: a.number,
                     year: top(a.years), date: top(a.dates), issuer: top(a.issuers), citedBy: a.plans.count,
                     asLegalBasis: a.basis, plans: a.plans.sorted { $0.path < $1.path })
        }
        docs.sort { $0.citedBy != $1.citedBy ? $0.citedBy > $1.citedBy : $0.key < $1.key }
        documents = docs
        planCount = records.count
        citationsByPlan = byPlan
        indexByKey = Dictionary(uniqueKeysWithValues: docs.enumerated().map { ($0.element.key, $0.offset) })
    }

    /// The document with this canonical key, or with the key of this symbol ("1373/QĐ-TTg").
    public func document(_ keyOrSymbol: String) -> Document? {
        let i = indexByKey[keyOrSymbol] ?? indexByKey[Citation.canonicalKey(ofSymbol: keyOrSymbol)]
        return i.map { documents[$0] }
    }

    static func leadingNumber(_ key: String) -> Int? {
        Int(String(key.prefix { $0.isASCII && $0.isNumber }))
    }
}
