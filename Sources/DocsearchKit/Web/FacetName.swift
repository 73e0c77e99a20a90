/// The facets a search can be narrowed by, with their labels on the pages.
public enum FacetName: String, CaseIterable, Sendable {
    case type      // Loại văn bản
    case agency    // Cơ quan ban hành
    case topic     // Chủ đề
    case year      // Năm ban hành
    case place     // Địa danh
    case cites     // Văn bản được trích dẫn

    /// The facets the search form offers as filters.
    public static let formFilters: [FacetName] = [.agency, .topic, .year, .type]

    public var label: String {
        switch self {
        case .type: return "Loại văn bản"
        case .agency: return "Cơ quan ban hành"
        case .topic: return "Chủ đề"
        case .year: return "Năm"
        case .place: return "Địa danh"
        case .cites: return "Trích dẫn"
        }
    }
}
