/// A plan's record as the API gives it (`/api/plans/{id}`): every field of
/// `PlanRecord` but `absolutePath`, which tells the server's disk layout and
/// is kept in the index only to read the text back. A test checks that the
/// two keep the same fields.
public struct PlanJSON: Codable, Sendable, Equatable {
    public var id: String
    public var path: String
    public var encoding: String
    public var warnings: [String]
    public var title: String
    public var documentType: String?
    public var number: String?
    public var numberKey: String?
    public var issuer: String?
    public var place: String?
    public var date: String?
    public var year: Int?
    public var signer: String?
    public var signerTitle: String?
    public var citations: [CitationRecord]
    public var agencies: [PlanAgency]?
    public var topics: [TopicAssignment]?

    public init(_ r: PlanRecord) {
        id = r.id; path = r.path; encoding = r.encoding; warnings = r.warnings; title = r.title
        documentType = r.documentType; number = r.number; numberKey = r.numberKey; issuer = r.issuer
        place = r.place; date = r.date; year = r.year; signer = r.signer; signerTitle = r.signerTitle
        citations = r.citations; agencies = r.agencies; topics = r.topics
    }
}
