/// The taxonomy's topics with how many plans of an index have each.
public struct TopicDirectory: Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        public var topic: String
        public var aliases: [String]
        public var scope: String
        /// Plans given this topic at all, and as their first topic.
        public var plans: Int
        public var primary: Int
        public var terms: [String]
    }

    /// Every topic of `TopicTaxonomy`, most plans first (topics no plan has last, in taxonomy order).
    public let entries: [Entry]

    public init(snapshot: IndexSnapshot) throws { self.init(records: try snapshot.liveRecords()) }

    public init(records: [PlanRecord]) {
        var any: [String: Int] = [:], first: [String: Int] = [:]
        for r in records {
            let topics = r.topics ?? []
            for t in topics { any[t.topic, default: 0] += 1 }
            if let t = topics.first { first[t.topic, default: 0] += 1 }
        }
        let all = TopicTaxonomy.topics.enumerated().map { i, t in
            (i, Entry(topic: t.name, aliases: t.aliases, scope: t.scope, plans: any[t.name] ?? 0,
                      primary: first[t.name] ?? 0, terms: t.terms))
        }
        entries = all.sorted { $0.1.plans != $1.1.plans ? $0.1.plans > $1.1.plans : $0.0 < $1.0 }.map(\.1)
    }
}
