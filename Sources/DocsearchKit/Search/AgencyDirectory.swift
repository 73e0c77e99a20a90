/// Every agency named in an index, with how many plans name it in each role.
public struct AgencyDirectory: Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        /// Canonical name ("Sở Giáo dục và Đào tạo tỉnh Long An").
        public var name: String
        public var code: String?
        public var level: AgencyLevel
        public var place: String?
        /// Plans that name it in any role.
        public var plans: Int
        /// Plans per role ("issuer": 2, "recipient": 5).
        public var roles: [String: Int]
    }

    /// Most plans first, then by name.
    public let entries: [Entry]

    public init(snapshot: IndexSnapshot) throws { self.init(records: try snapshot.liveRecords()) }

    public init(records: [PlanRecord]) {
        var d: [String: Entry] = [:]
        for r in records {
            for a in r.agencies ?? [] {
                var e = d[a.name] ?? Entry(name: a.name, code: a.code, level: a.level, place: a.place, plans: 0, roles: [:])
                e.plans += 1
                for role in a.roles { e.roles[role.rawValue, default: 0] += 1 }
                d[a.name] = e
            }
        }
        entries = d.values.sorted { $0.plans != $1.plans ? $0.plans > $1.plans : $0.name < $1.name }
    }
}
