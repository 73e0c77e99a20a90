/// One subject plans are written about (lĩnh vực), with the terms that show it.
public struct Topic: Sendable, Equatable, Codable {
    /// Display name, also the facet value: "bình đẳng giới".
    public let name: String
    /// Other names a user may filter by ("tiến bộ phụ nữ").
    public let aliases: [String]
    /// Phrases that show the topic, matched on folded words, so "phòng, chống ma tuý"
    /// and "phong chong ma tuy" both count.
    public let terms: [String]
    /// What the topic covers, for `docsearch topics`.
    public let scope: String
}

/// The small taxonomy of what these plans are about. Each topic lists the
/// phrases that show it; a term is specific enough to count on its own
/// (so "tiêu cực" alone, common in any text, is not a term of anti-corruption,
/// but "tham nhũng" is). Built from the seed plans and the subjects provincial
/// and district plans are most often issued on.
public enum TopicTaxonomy {
    public static let topics: [Topic] = [
        Topic(name: "nhân quyền", aliases: ["quyền con người"],
              terms: ["nhân quyền", "quyền con người", "Tuyên ngôn thế giới về nhân quyền", "Ngày Nhân quyền thế giới"],
              scope: "tuyên truyền, bảo vệ và đấu tranh về nhân quyền"),
        Topic(name: "bình đẳng giới", aliases: ["tiến bộ phụ nữ", "vì sự tiến bộ của phụ nữ"],
              terms: ["bình đẳng giới", "tiến bộ phụ nữ", "tiến bộ của phụ nữ", "bạo lực trên cơ sở giới", "công tác phụ nữ"],
              scope: "bình đẳng giới, vì sự tiến bộ của phụ nữ"),
        Topic(name: "tiếp cận pháp luật", aliases: ["phổ biến giáo dục pháp luật", "PBGDPL"],
              terms: ["tiếp cận pháp luật", "phổ biến, giáo dục pháp luật", "phổ biến giáo dục pháp luật", "trợ giúp pháp lý",
                      "hòa giải ở cơ sở", "Ngày Pháp luật"],
              scope: "tiếp cận pháp luật của người dân, phổ biến, giáo dục pháp luật"),
        Topic(name: "trẻ em", aliases: ["quyền trẻ em", "bảo vệ trẻ em"],
              terms: ["trẻ em", "quyền trẻ em", "bảo vệ trẻ em", "chăm sóc, giáo dục và bảo vệ trẻ em"],
              scope: "chăm sóc, giáo dục và bảo vệ trẻ em"),
        Topic(name: "xã hội học tập", aliases: ["học tập suốt đời", "khuyến học"],
              terms: ["xã hội học tập", "học tập suốt đời", "khuyến học", "khuyến tài", "công dân học tập"],
              scope: "xây dựng xã hội học tập, học tập suốt đời, khuyến học"),
        Topic(name: "chuyển đổi số", aliases: ["công nghệ thông tin"],
              terms: ["chuyển đổi số", "công nghệ thông tin", "chính phủ số", "chính quyền số", "kinh tế số", "dữ liệu số"],
              scope: "chuyển đổi số, ứng dụng công nghệ thông tin"),
        Topic(name: "phòng chống ma túy", aliases: ["phòng, chống ma túy", "tệ nạn xã hội"],
              terms: ["ma túy", "tệ nạn xã hội", "cai nghiện"],
              scope: "phòng, chống ma túy và tệ nạn xã hội"),
        Topic(name: "an toàn giao thông", aliases: ["trật tự an toàn giao thông"],
              terms: ["an toàn giao thông", "văn hóa giao thông", "tai nạn giao thông"],
              scope: "bảo đảm trật tự an toàn giao thông"),
        Topic(name: "cải cách hành chính", aliases: ["thủ tục hành chính"],
              terms: ["cải cách hành chính", "thủ tục hành chính", "một cửa"],
              scope: "cải cách hành chính, thủ tục hành chính"),
        Topic(name: "phòng chống tham nhũng", aliases: ["phòng, chống tham nhũng"],
              terms: ["tham nhũng", "tiêu cực, lãng phí"],
              scope: "phòng, chống tham nhũng, tiêu cực, lãng phí"),
        Topic(name: "bạo lực gia đình", aliases: ["phòng chống bạo lực gia đình"],
              terms: ["bạo lực gia đình"],
              scope: "phòng, chống bạo lực gia đình"),
        Topic(name: "bảo vệ môi trường", aliases: ["môi trường"],
              terms: ["bảo vệ môi trường", "biến đổi khí hậu", "rác thải nhựa"],
              scope: "bảo vệ môi trường, ứng phó biến đổi khí hậu"),
        Topic(name: "phòng chống dịch bệnh", aliases: ["y tế", "Covid-19"],
              terms: ["phòng, chống dịch", "dịch bệnh", "Covid"],
              scope: "phòng, chống dịch bệnh"),
        Topic(name: "xây dựng Nhà nước pháp quyền", aliases: ["pháp quyền"],
              terms: ["Nhà nước pháp quyền"],
              scope: "xây dựng và hoàn thiện Nhà nước pháp quyền"),
    ]

    /// The topic named `name` or one of its aliases, matched folded.
    public static func topic(named name: String) -> Topic? {
        let f = Folding.fold(name)
        return topics.first { t in Folding.fold(t.name) == f || t.aliases.contains { Folding.fold($0) == f } }
    }
}
