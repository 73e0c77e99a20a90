import Foundation

/// A plan's own number and symbol ("Số: 2421/KH-SGDĐT"); the number may be blank ("Số: /KH-PGDĐT").
public struct PlanNumber: Codable, Sendable, Hashable {
    public var number: Int?
    /// "2421/KH-SGDĐT", or "/KH-PGDĐT" when the number is blank.
    public var symbol: String
    public var typeCode: String?
    public var issuerCode: String?

    public init(number: Int?, symbol: String, typeCode: String?, issuerCode: String?) {
        self.number = number
        self.symbol = symbol
        self.typeCode = typeCode
        self.issuerCode = issuerCode
    }

    /// Canonical key as for citations ("2421/KH-SGDDT"); nil when the number is blank.
    public var key: String? { number == nil ? nil : Citation.canonicalKey(ofSymbol: symbol) }
}

/// An agency with its one canonical full name ("Sở Giáo dục và Đào tạo tỉnh Long An").
public struct Agency: Codable, Sendable, Hashable {
    /// Official code when known ("SGDĐT", "UBND").
    public var code: String?
    /// Name without place ("Sở Giáo dục và Đào tạo").
    public var name: String
    public var level: AgencyLevel
    /// "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã"…
    public var placeQualifier: String?
    /// "Long An", "Thủ Thừa".
    public var place: String?

    public init(code: String?, name: String, level: AgencyLevel, placeQualifier: String?, place: String?) {
        self.code = code
        self.name = name
        self.level = level
        self.placeQualifier = placeQualifier
        self.place = place
    }

    /// "Sở Giáo dục và Đào tạo tỉnh Long An", "Bộ Giáo dục và Đào tạo".
    public var canonicalName: String {
        guard let q = placeQualifier, let p = place else { return name }
        return "\(name) \(q) \(p)"
    }
}

/// Who signed, from the signature block ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Phan Thị Dạ Thảo").
public struct Signer: Codable, Sendable, Hashable {
    public var name: String
    /// The signer's own post ("PHÓ GIÁM ĐỐC", "TRƯỞNG PHÒNG").
    public var title: String
    /// Signing on behalf of ("KT. GIÁM ĐỐC"), when written.
    public var capacity: String?

    public init(name: String, title: String, capacity: String?) {
        self.name = name
        self.title = title
        self.capacity = capacity
    }
}

/// Everything that identifies a plan.
public struct PlanIdentity: Codable, Sendable, Hashable {
    /// From the type word line ("KẾ HOẠCH" → plan).
    public var kind: DocumentKind?
    public var number: PlanNumber?
    /// The lines after the type word up to the first body sentence, joined by spaces.
    public var title: String?
    /// "Long An" from "Long An, ngày 13 tháng 7 năm 2023".
    public var place: String?
    /// Blank day or month gives year (and month) only.
    public var date: DocumentDate?
    /// The issuing agency, combined from header, number code and "… ban hành kế hoạch" sentences.
    public var issuer: Agency?
    /// The year when no date is written: the latest year among the dates the
    /// text schedules ("26/5/2022"), since plans set activities in their own year.
    public var inferredYear: Int?
    /// `date?.year`, else `inferredYear`.
    public var year: Int? { date?.year ?? inferredYear }
    /// Agencies named in the header ("UBND TỈNH LONG AN"), top to bottom.
    public var headerAgencies: [Agency]
    public var signer: Signer?

    public init(kind: DocumentKind? = nil, number: PlanNumber? = nil, title: String? = nil, place: String? = nil,
                date: DocumentDate? = nil, issuer: Agency? = nil, headerAgencies: [Agency] = [], signer: Signer? = nil) {
        self.kind = kind
        self.number = number
        self.title = title
        self.place = place
        self.date = date
        self.issuer = issuer
        self.headerAgencies = headerAgencies
        self.signer = signer
    }
}
