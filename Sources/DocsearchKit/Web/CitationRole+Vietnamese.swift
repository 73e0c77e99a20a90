extension CitationRole {
    /// How a page names the role ("Căn cứ").
    var vietnameseName: String {
        switch self {
        case .legalBasis: return "Căn cứ"
        case .body: return "Nhắc đến trong nội dung"
        case .footnote: return "Chú thích"
        }
    }

    /// The labels of stored role names (`CitationRecord.allRoles`), unknown ones skipped.
    static func vietnameseNames(_ roles: [String]) -> [String] {
        roles.compactMap { CitationRole(rawValue: $0)?.vietnameseName }
    }
}
