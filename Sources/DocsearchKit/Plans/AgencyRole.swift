/// What an agency does in a plan (vai trò của cơ quan trong kế hoạch).
public enum AgencyRole: String, Codable, Sendable, CaseIterable, Comparable {
    /// Cơ quan ban hành: the plan's own issuer.
    case issuer
    /// Cơ quan ban hành văn bản được dẫn chiếu: issued a document the plan cites.
    case citedIssuer
    /// Đơn vị được giao nhiệm vụ: named under "Tổ chức thực hiện" or as "Đơn vị chủ trì".
    case assignee
    /// Nơi nhận: listed among the recipients.
    case recipient

    public static func < (a: AgencyRole, b: AgencyRole) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// Vietnamese label for display ("cơ quan ban hành").
    public var vietnameseName: String {
        switch self {
        case .issuer: return "cơ quan ban hành"
        case .citedIssuer: return "ban hành văn bản được dẫn chiếu"
        case .assignee: return "được giao nhiệm vụ"
        case .recipient: return "nơi nhận"
        }
    }
}

/// One agency a plan names, in its canonical full form, with every role it
/// has in that plan and the ways the plan writes it.
public struct PlanAgency: Codable, Sendable, Equatable {
    /// "Sở Giáo dục và Đào tạo tỉnh Long An".
    public var name: String
    public var code: String?
    public var level: AgencyLevel
    /// "Long An", "Thủ Thừa".
    public var place: String?
    /// Sorted: issuer first.
    public var roles: [AgencyRole]
    /// Forms as written in the plan ("Sở GD&ĐT", "UBND tỉnh"), at most a few.
    public var writtenAs: [String]

    public init(agency: Agency, roles: [AgencyRole], writtenAs: [String]) {
        name = agency.canonicalName
        code = agency.code
        level = agency.level
        place = agency.place
        self.roles = roles
        self.writtenAs = writtenAs
    }
}
