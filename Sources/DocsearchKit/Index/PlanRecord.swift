/// What the index stores for each plan, shown in results and by `show`.
/// Kept as JSON inside the segment so that new fields do not change the
/// segment grammar; decoded only for the plans a query shows.
public struct PlanRecord: Codable, Sendable, Equatable {
    /// A stable id derived from the path ("3f2a9c1b7d0e").
    public var id: String
    /// The file's path as it was given to `index`.
    public var path: String
    /// The absolute path, to read the text back for snippets.
    public var absolutePath: String
    /// The encoding the file was read in ("UTF-8", "UTF-16 LE", "TCVN3 (ABC)" …).
    public var encoding: String
    public var warnings: [String]

    public var title: String
    public var documentType: String?
    public var number: String?
    public var numberKey: String?
    public var issuer: String?
    public var place: String?
    /// ISO date, as precise as the text gives it: "2023-07-13", "2021-10" or "2021".
    public var date: String?
    public var year: Int?
    public var signer: String?
    public var signerTitle: String?
    public var citations: [CitationRecord]
    /// Every agency the plan names, canonical, with its roles (issuer first). Nil in indexes built before agencies.
    public var agencies: [PlanAgency]?
    /// The plan's topics, best first, with the terms that decided each.
    public var topics: [TopicAssignment]?

    public init(id: String, path: String, absolutePath: String, encoding: String, warnings: [String] = [],
                title: String, documentType: String? = nil, number: String? = nil, numberKey: String? = nil,
                issuer: String? = nil, place: String? = nil, date: String? = nil, year: Int? = nil,
                signer: String? = nil, signerTitle: String? = nil, citations: [CitationRecord] = [],
                agencies: [PlanAgency]? = nil, topics: [TopicAssignment]? = nil) {
        self.id = id; self.path = path; self.absolutePath = absolutePath; self.encoding = encoding
        self.warnings = warnings; self.title = title; self.documentType = documentType; self.number = number
        self.numberKey = numberKey; self.issuer = issuer; self.place = place; self.date = date; self.year = year
        self.signer = signer; self.signerTitle = signerTitle; self.citations = citations
        self.agencies = agencies; self.topics = topics
    }
}

/// One document a plan cites, as the plan writes it.
public struct CitationRecord: Codable, Sendable, Equatable {
    /// The canonical key ("20-CT/TW", "1373/QD-TTG").
    public var key: String
    /// The symbol as the plan writes it, diacritics kept ("20-CT/TW", "1373/QĐ-TTg").
    public var symbol: String
    /// The kind in Vietnamese ("Chỉ thị").
    public var kind: String
    public var year: Int?
    public var date: String?
    public var issuer: String?
    /// The strongest role (`CitationRole` raw value): "legalBasis" (căn cứ, thực hiện; or in the title),
    /// "body" or "footnote".
    public var role: String
    public var mentions: Int
    /// The kind-and-number keys under which queries find it ("CT:20", "ND:162:2017").
    public var lookupKeys: [String]
    /// Every role it is cited in, legal basis first.
    public var roles: [String]?
    /// The number ("04/KH-BCĐNQ" → 4).
    public var number: Int?
    /// The issuer's canonical name ("Ủy ban nhân dân tỉnh Long An"), from the words after the
    /// symbol completed with the plan's place, or from the agency code ("TTg").
    public var issuerAgency: String?

    public init(key: String, symbol: String, kind: String, year: Int? = nil, date: String? = nil,
                issuer: String? = nil, role: String, mentions: Int, lookupKeys: [String] = [],
                roles: [String]? = nil, number: Int? = nil, issuerAgency: String? = nil) {
        self.key = key; self.symbol = symbol; self.kind = kind; self.year = year; self.date = date
        self.issuer = issuer; self.role = role; self.mentions = mentions; self.lookupKeys = lookupKeys
        self.roles = roles; self.number = number; self.issuerAgency = issuerAgency
    }

    /// Every role, for records written before `roles` was stored.
    public var allRoles: [String] { roles ?? [role] }
}

/// How a file looked when it was indexed, to tell later which files changed.
public struct FileFingerprint: Sendable, Equatable {
    public var path: String
    public var size: UInt64
    public var modified: Int64 // nanoseconds since 1970
    public var contentHash: UInt64

    public init(path: String, size: UInt64, modified: Int64, contentHash: UInt64) {
        self.path = path; self.size = size; self.modified = modified; self.contentHash = contentHash
    }
}
