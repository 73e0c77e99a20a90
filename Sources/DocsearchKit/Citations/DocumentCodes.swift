import Foundation

// The one table of official codes: document type codes (Nghị định
// 30/2020/NĐ-CP, Phụ lục III; Party forms of Hướng dẫn 36-HD/VPTW) and the
// agency codes that appear after them in a document's symbol (số, ký hiệu).
// Every other file asks this one; no other file spells an official code.

/// The kind of an official document (thể loại văn bản).
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    case resolution          // Nghị quyết (NQ)
    case decision            // Quyết định (QĐ)
    case directive           // Chỉ thị (CT)
    case statute             // Quy chế (QC)
    case regulation          // Quy định (QyĐ; QĐi in Party forms)
    case communique          // Thông cáo (TC)
    case notice              // Thông báo, Thông báo kết luận (TB)
    case conclusion          // Kết luận (KL, Party)
    case guidance            // Hướng dẫn (HD)
    case programme           // Chương trình (CTr)
    case plan                // Kế hoạch (KH)
    case option              // Phương án (PA)
    case scheme              // Đề án (ĐA)
    case project             // Dự án (DA)
    case report              // Báo cáo (BC)
    case minutes             // Biên bản (BB)
    case submission          // Tờ trình (TTr)
    case contract            // Hợp đồng (HĐ)
    case telegram            // Công điện (CĐ)
    case memorandum          // Bản ghi nhớ (BGN)
    case agreement           // Bản thỏa thuận (BTT)
    case invitation          // Giấy mời (GM)
    case officialLetter      // Công văn (CV)
    case decree              // Nghị định (NĐ)
    case circular            // Thông tư (TT, State forms: TT-BTC)
    case jointCircular       // Thông tư liên tịch (TTLT)
    case partyCircular       // Thông tri (TT in Party forms: TT/TW)
    case law                 // Luật (symbol n/yyyy/QHk)
    case code                // Bộ luật (symbol n/yyyy/QHk)
    case ordinance           // Pháp lệnh (PL, UBTVQH)

    /// The Vietnamese name, as written in a title ("Chỉ thị").
    public var vietnameseName: String { DocumentCodes.kindInfo[self]?.names.first ?? rawValue }

    /// Short ASCII code used in lookup keys ("CT", "QD", "ND", "LUAT").
    public var keyCode: String { DocumentCodes.kindInfo[self]?.keyCode ?? rawValue.uppercased() }
}

/// Administrative level of an agency (cấp).
public enum AgencyLevel: String, Codable, Sendable, CaseIterable {
    case central     // Trung ương: Quốc hội, Chính phủ, Thủ tướng
    case ministry    // Bộ, cơ quan ngang bộ
    case province    // cấp tỉnh: UBND tỉnh, Sở
    case district    // cấp huyện: UBND huyện, Phòng
    case commune     // cấp xã
    case party       // cơ quan Đảng
}

/// One agency code ("BGDĐT" = Bộ Giáo dục và Đào tạo) with its names.
public struct AgencyCode: Codable, Sendable, Hashable {
    /// The code as written in a symbol ("SGDĐT", "TTg").
    public let code: String
    /// Full official name without place ("Sở Giáo dục và Đào tạo").
    public let name: String
    /// The level the agency usually sits at.
    public let level: AgencyLevel
    /// True when the level depends on the place written after the name
    /// ("Ủy ban nhân dân tỉnh …" vs "… huyện …").
    public let levelFollowsPlace: Bool
    /// Other ways texts write the name ("Sở GD&ĐT", "Sở GDĐT").
    public let aliases: [String]
}

/// The tables and their lookups.
public enum DocumentCodes {
    struct KindInfo {
        let keyCode: String
        let names: [String]          // kind words, first is the display name
        let abbreviations: [String]  // what people type in a query ("QĐ")
    }

    static let kindInfo: [DocumentKind: KindInfo] = [
        .resolution: KindInfo(keyCode: "NQ", names: ["Nghị quyết"], abbreviations: ["NQ"]),
        .decision: KindInfo(keyCode: "QD", names: ["Quyết định"], abbreviations: ["QĐ"]),
        .directive: KindInfo(keyCode: "CT", names: ["Chỉ thị"], abbreviations: ["CT"]),
        .statute: KindInfo(keyCode: "QC", names: ["Quy chế"], abbreviations: ["QC"]),
        .regulation: KindInfo(keyCode: "QYD", names: ["Quy định"], abbreviations: ["QyĐ", "QĐi"]),
        .communique: KindInfo(keyCode: "TC", names: ["Thông cáo"], abbreviations: []),
        .notice: KindInfo(keyCode: "TB", names: ["Thông báo kết luận", "Thông báo"], abbreviations: ["TB"]),
        .conclusion: KindInfo(keyCode: "KL", names: ["Kết luận"], abbreviations: ["KL"]),
        .guidance: KindInfo(keyCode: "HD", names: ["Hướng dẫn"], abbreviations: ["HD"]),
        .programme: KindInfo(keyCode: "CTR", names: ["Chương trình"], abbreviations: ["CTr"]),
        .plan: KindInfo(keyCode: "KH", names: ["Kế hoạch"], abbreviations: ["KH"]),
        .option: KindInfo(keyCode: "PA", names: ["Phương án"], abbreviations: ["PA"]),
        .scheme: KindInfo(keyCode: "DA", names: ["Đề án"], abbreviations: ["ĐA"]),
        .project: KindInfo(keyCode: "DUAN", names: ["Dự án"], abbreviations: []),
        .report: KindInfo(keyCode: "BC", names: ["Báo cáo"], abbreviations: ["BC"]),
        .minutes: KindInfo(keyCode: "BB", names: ["Biên bản"], abbreviations: ["BB"]),
        .submission: KindInfo(keyCode: "TTR", names: ["Tờ trình"], abbreviations: ["TTr"]),
        .contract: KindInfo(keyCode: "HDONG", names: ["Hợp đồng"], abbreviations: []),
        .telegram: KindInfo(keyCode: "CD", names: ["Công điện"], abbreviations: ["CĐ"]),
        .memorandum: KindInfo(keyCode: "BGN", names: ["Bản ghi nhớ"], abbreviations: []),
        .agreement: KindInfo(keyCode: "BTT", names: ["Bản thỏa thuận"], abbreviations: []),
        .invitation: KindInfo(keyCode: "GM", names: ["Giấy mời"], abbreviations: []),
        .officialLetter: KindInfo(keyCode: "CV", names: ["Công văn"], abbreviations: ["CV"]),
        .decree: KindInfo(keyCode: "ND", names: ["Nghị định"], abbreviations: ["NĐ"]),
        .circular: KindInfo(keyCode: "TT", names: ["Thông tư"], abbreviations: ["TT"]),
        .jointCircular: KindInfo(keyCode: "TTLT", names: ["Thông tư liên tịch"], abbreviations: ["TTLT"]),
        .partyCircular: KindInfo(keyCode: "TTRI", names: ["Thông tri"], abbreviations: []),
        .law: KindInfo(keyCode: "LUAT", names: ["Luật"], abbreviations: []),
        .code: KindInfo(keyCode: "BOLUAT", names: ["Bộ luật"], abbreviations: []),
        .ordinance: KindInfo(keyCode: "PL", names: ["Pháp lệnh"], abbreviations: ["PL"]),
    ]

    /// Type codes as they appear in symbols (NĐ 30/2020 Phụ lục III, HD 36-HD/VPTW).
    /// "TT" is Thông tư in State forms and Thông tri in Party forms; see `kind(forTypeCode:party:)`.
    static let typeCodes: [(code: String, kind: DocumentKind)] = [
        ("NQ", .resolution), ("QĐ", .decision), ("CT", .directive), ("QC", .statute),
        ("QyĐ", .regulation), ("QĐi", .regulation), ("TC", .communique), ("TB", .notice),
        ("KL", .conclusion), ("HD", .guidance), ("CTr", .programme), ("KH", .plan),
        ("PA", .option), ("ĐA", .scheme), ("DA", .project), ("BC", .report), ("BB", .minutes),
        ("TTr", .submission), ("HĐ", .contract), ("CĐ", .telegram), ("BGN", .memorandum),
        ("BTT", .agreement), ("GM", .invitation), ("CV", .officialLetter), ("NĐ", .decree),
        ("TT", .circular), ("TTLT", .jointCircular), ("NQLT", .resolution), ("PL", .ordinance),
    ]

    /// Agency codes: Party, central, ministries, provincial and district offices.
    public static let agencies: [AgencyCode] = [
        // Party (Đảng)
        AgencyCode(code: "TW", name: "Trung ương", level: .party, levelFollowsPlace: false,
                   aliases: ["Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng", "Trung ương Đảng"]),
        // The Party organs that issue "…/TW" documents: same code, their own names.
        AgencyCode(code: "TW", name: "Bộ Chính trị", level: .party, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "TW", name: "Ban Bí thư", level: .party, levelFollowsPlace: false,
                   aliases: ["Ban Bí thư Trung ương Đảng", "Ban Bí thư Trung ương"]),
        AgencyCode(code: "VPTW", name: "Văn phòng Trung ương Đảng", level: .party, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "BTGTW", name: "Ban Tuyên giáo Trung ương", level: .party, levelFollowsPlace: false,
                   aliases: ["Ban TGTW"]),
        AgencyCode(code: "TU", name: "Tỉnh ủy", level: .party, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "HU", name: "Huyện ủy", level: .party, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "BTGTU", name: "Ban Tuyên giáo Tỉnh ủy", level: .party, levelFollowsPlace: false,
                   aliases: ["Ban TGTU"]),
        AgencyCode(code: "BTGHU", name: "Ban Tuyên giáo Huyện ủy", level: .party, levelFollowsPlace: false,
                   aliases: ["Ban TGHU"]),
        // Central State bodies (Trung ương)
        AgencyCode(code: "QH", name: "Quốc hội", level: .central, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "UBTVQH", name: "Ủy ban Thường vụ Quốc hội", level: .central, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "CTN", name: "Chủ tịch nước", level: .central, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "CP", name: "Chính phủ", level: .central, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "TTg", name: "Thủ tướng Chính phủ", level: .central, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "VPCP", name: "Văn phòng Chính phủ", level: .central, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "BCĐNQ", name: "Ban Chỉ đạo nhân quyền", level: .province, levelFollowsPlace: true,
                   aliases: ["Ban Chỉ đạo về nhân quyền"]),
        // Ministries (Bộ)
        AgencyCode(code: "BGDĐT", name: "Bộ Giáo dục và Đào tạo", level: .ministry, levelFollowsPlace: false,
                   aliases: ["Bộ GD&ĐT", "Bộ GDĐT", "Bộ GD-ĐT", "BGDĐT"]),
        AgencyCode(code: "BTC", name: "Bộ Tài chính", level: .ministry, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "BTP", name: "Bộ Tư pháp", level: .ministry, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "BLĐTBXH", name: "Bộ Lao động - Thương binh và Xã hội", level: .ministry, levelFollowsPlace: false,
                   aliases: ["Bộ LĐTB-XH", "Bộ LĐTBXH", "Bộ LĐTB&XH", "Bộ Lao động Thương binh và Xã hội"]),
        AgencyCode(code: "BNV", name: "Bộ Nội vụ", level: .ministry, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "BCA", name: "Bộ Công an", level: .ministry, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "BYT", name: "Bộ Y tế", level: .ministry, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "BVHTTDL", name: "Bộ Văn hóa, Thể thao và Du lịch", level: .ministry, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "BTTTT", name: "Bộ Thông tin và Truyền thông", level: .ministry, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "BKHĐT", name: "Bộ Kế hoạch và Đầu tư", level: .ministry, levelFollowsPlace: false, aliases: []),
        // Provincial departments and people's committees (cấp tỉnh)
        AgencyCode(code: "UBND", name: "Ủy ban nhân dân", level: .province, levelFollowsPlace: true, aliases: ["UBND"]),
        AgencyCode(code: "HĐND", name: "Hội đồng nhân dân", level: .province, levelFollowsPlace: true, aliases: ["HĐND"]),
        AgencyCode(code: "SGDĐT", name: "Sở Giáo dục và Đào tạo", level: .province, levelFollowsPlace: false,
                   aliases: ["Sở GD&ĐT", "Sở GDĐT", "Sở GD-ĐT", "SGDĐT"]),
        AgencyCode(code: "STP", name: "Sở Tư pháp", level: .province, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "SLĐTBXH", name: "Sở Lao động - Thương binh và Xã hội", level: .province, levelFollowsPlace: false,
                   aliases: ["Sở LĐTB&XH", "Sở LĐTBXH", "Sở LĐTB-XH", "Sở Lao động Thương binh và Xã hội"]),
        AgencyCode(code: "STC", name: "Sở Tài chính", level: .province, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "SNV", name: "Sở Nội vụ", level: .province, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "SYT", name: "Sở Y tế", level: .province, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "STTTT", name: "Sở Thông tin và Truyền thông", level: .province, levelFollowsPlace: false,
                   aliases: ["Sở TT&TT", "Sở TTTT"]),
        AgencyCode(code: "SVHTTDL", name: "Sở Văn hóa, Thể thao và Du lịch", level: .province, levelFollowsPlace: false, aliases: []),
        // District offices (cấp huyện)
        AgencyCode(code: "PGDĐT", name: "Phòng Giáo dục và Đào tạo", level: .district, levelFollowsPlace: false,
                   aliases: ["Phòng GD&ĐT", "Phòng GDĐT", "Phòng GD-ĐT", "PGDĐT"]),
        AgencyCode(code: "PTP", name: "Phòng Tư pháp", level: .district, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "PLĐTBXH", name: "Phòng Lao động - Thương binh và Xã hội", level: .district, levelFollowsPlace: false,
                   aliases: ["Phòng LĐTB&XH", "Phòng LĐTBXH"]),
        AgencyCode(code: "PVHTT", name: "Phòng Văn hóa và Thông tin", level: .district, levelFollowsPlace: false, aliases: []),
        AgencyCode(code: "PTCKH", name: "Phòng Tài chính - Kế hoạch", level: .district, levelFollowsPlace: false,
                   aliases: ["Phòng Tài chính Kế hoạch", "Phòng TC-KH"]),
    ]

    /// Administrative place words written before a place name, with the level they give.
    static let placeQualifiers: [(word: String, level: AgencyLevel)] = [
        ("thành phố", .province), ("tỉnh", .province), ("huyện", .district), ("quận", .district),
        ("thị xã", .district), ("xã", .commune), ("phường", .commune), ("thị trấn", .commune),
    ]

    /// Centrally-run cities (thành phố trực thuộc trung ương): "thành phố X", not "tỉnh X".
    static let centralCities: Set<String> = ["hai phong", "ha noi", "da nang", "can tho", "ho chi minh", "thanh pho ho chi minh", "hue"]

    /// Key of a code for table lookups: folded (no diacritics, đ→d) and
    /// upper-cased. Remembered: the same few codes are asked for ~50 times a
    /// plan ("QĐ" folded through the tables cost ~540 instructions, callgrind).
    static func codeKey(_ code: String) -> String {
        codeKeyMemo.value(for: TextKey(code)) { Folding.foldedUppercased(code) }
    }

    private static let codeKeyMemo = BoundedCache<TextKey, String>(capacity: 4096)

    private static let typeCodeByKey: [String: DocumentKind] = {
        var d: [String: DocumentKind] = [:]
        for entry in typeCodes where d[codeKey(entry.code)] == nil { d[codeKey(entry.code)] = entry.kind }
        return d
    }()
    private static let typeCodeByExact: [String: DocumentKind] = {
        var d: [String: DocumentKind] = [:]
        for entry in typeCodes { d[entry.code] = entry.kind }
        return d
    }()
    private static let agencyByKey: [String: AgencyCode] = {
        var d: [String: AgencyCode] = [:]
        for a in agencies where d[codeKey(a.code)] == nil { d[codeKey(a.code)] = a }
        return d
    }()

    /// The kind a type code denotes ("CT" → directive). `party` selects the
    /// Party reading of "TT" (Thông tri) over the State one (Thông tư).
    public static func kind(forTypeCode code: String, party: Bool = false) -> DocumentKind? {
        let kind = typeCodeByExact[code] ?? typeCodeByKey[codeKey(code)]
        if kind == .circular && party { return .partyCircular }
        return kind
    }

    /// The official spelling of a type code ("QD" or "qđ" → "QĐ").
    public static func officialTypeCode(_ code: String) -> String? {
        if typeCodeByExact[code] != nil { return code }
        let key = codeKey(code)
        return typeCodes.first { codeKey($0.code) == key }?.code
    }

    /// The agency a code in a symbol stands for ("TTg", "ttg", "BCDNQ").
    public static func agency(forCode code: String) -> AgencyCode? {
        agencyByKey[codeKey(code)] ?? (codeKey(code).hasPrefix("QH") ? agencyByKey["QH"] : nil)
    }

    /// True for agency codes of Party bodies ("TW", "BTGTW"): they select Party readings.
    static func isPartyCode(_ code: String) -> Bool {
        let key = codeKey(code)
        return key == "TW" || key.hasSuffix("TW") || agency(forCode: code)?.level == .party
    }

    /// Kind words and abbreviations as folded word sequences, longest first,
    /// for matching text and queries ("thong bao ket luan" before "thong bao").
    static let kindPhrases: [(words: [String], kind: DocumentKind, isAbbreviation: Bool)] = {
        var out: [(words: [String], kind: DocumentKind, isAbbreviation: Bool)] = []
        for (kind, info) in kindInfo {
            for name in info.names {
                out.append((Folding.fold(name).split(separator: " ").map(String.init), kind, false))
            }
            for abbr in info.abbreviations {
                out.append(([Folding.fold(abbr)], kind, true))
            }
        }
        return out.sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.kind.rawValue < $1.kind.rawValue }
    }()
}
