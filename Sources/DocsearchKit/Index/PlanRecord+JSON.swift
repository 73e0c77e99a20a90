/// The stored JSON of a record, written by hand (`JSONWriter`): the text that
/// `JSONEncoder` with sorted keys gives, at a fraction of the cost (JSONEncoder
/// was 6% of the index build, perf). Read back by hand too (`JSONReader`), as
/// `Decodable` would read it.
extension PlanRecord {
    func jsonBytes() -> [UInt8] {
        var w = JSONWriter(capacity: 2048)
        w.beginObject()
        w.string("absolutePath", absolutePath)
        w.array("agencies", agencies) { w, a in a.write(to: &w) }
        w.array("citations", citations) { w, c in c.write(to: &w) }
        w.string("date", date)
        w.string("documentType", documentType)
        w.string("encoding", encoding)
        w.string("id", id)
        w.string("issuer", issuer)
        w.string("number", number)
        w.string("numberKey", numberKey)
        w.string("path", path)
        w.string("place", place)
        w.string("signer", signer)
        w.string("signerTitle", signerTitle)
        w.string("title", title)
        w.array("topics", topics) { w, t in t.write(to: &w) }
        w.strings("warnings", warnings)
        w.int("year", year)
        w.endObject()
        return w.bytes
    }
}

extension PlanAgency {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.string("code", code)
        w.string("level", level.rawValue)
        w.string("name", name)
        w.string("place", place)
        w.strings("roles", roles.map(\.rawValue))
        w.strings("writtenAs", writtenAs)
        w.endObject()
    }
}

extension TopicAssignment {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("score"); w.double(score)
        w.int("textCount", textCount)
        w.strings("textTerms", textTerms)
        w.strings("titleTerms", titleTerms)
        w.string("topic", topic)
        w.endObject()
    }
}

// MARK: Reading

/// A stored record lacks a field its type requires.
struct MissingJSONField: Error, Equatable, CustomStringConvertible {
    let name: String
    var description: String { "no valid \"\(name)\"" }
}

/// A field that must be present: nil until read, and an error when it never was.
private func required<T>(_ value: T?, _ name: String) throws -> T {
    guard let value else { throw MissingJSONField(name: name) }
    return value
}

extension PlanRecord {
    /// Reads what `jsonBytes()` writes (or `JSONEncoder` wrote, in older
    /// indexes): keys in any order, unknown keys skipped, the same fields
    /// required as `Decodable` requires.
    init(json bytes: UnsafeRawBufferPointer) throws {
        var r = JSONReader(bytes)
        var id: String?, path: String?, absolutePath: String?, encoding: String?, warnings: [String]?
        var title: String?, citations: [CitationRecord]?
        var record = PlanRecord(id: "", path: "", absolutePath: "", encoding: "", title: "")
        try r.object { r, key in
            switch key {
            case "id": id = try r.string()
            case "path": path = try r.string()
            case "absolutePath": absolutePath = try r.string()
            case "encoding": encoding = try r.string()
            case "warnings": warnings = try r.strings()
            case "title": title = try r.string()
            case "documentType": record.documentType = try r.optionalString()
            case "number": record.number = try r.optionalString()
            case "numberKey": record.numberKey = try r.optionalString()
            case "issuer": record.issuer = try r.optionalString()
            case "place": record.place = try r.optionalString()
            case "date": record.date = try r.optionalString()
            case "year": record.year = try r.optionalInt()
            case "signer": record.signer = try r.optionalString()
            case "signerTitle": record.signerTitle = try r.optionalString()
            case "citations": citations = try r.elements(CitationRecord.init(reading:))
            case "agencies": record.agencies = r.null() ? nil : try r.elements(PlanAgency.init(reading:))
            case "topics": record.topics = r.null() ? nil : try r.elements(TopicAssignment.init(reading:))
            default: try r.skipValue()
            }
        }
        try r.end()
        record.id = try required(id, "id")
        record.path = try required(path, "path")
        record.absolutePath = try required(absolutePath, "absolutePath")
        record.encoding = try required(encoding, "encoding")
        record.warnings = try required(warnings, "warnings")
        record.title = try required(title, "title")
        record.citations = try required(citations, "citations")
        self = record
    }
}

extension CitationRecord {
    init(reading r: inout JSONReader) throws {
        var key: String?, symbol: String?, kind: String?, role: String?, mentions: Int?, lookupKeys: [String]?
        var year: Int?, date: String?, issuer: String?, roles: [String]?, number: Int?, issuerAgency: String?
        try r.object { r, name in
            switch name {
            case "key": key = try r.string()
            case "symbol": symbol = try r.string()
            case "kind": kind = try r.string()
            case "role": role = try r.string()
            case "mentions": mentions = try r.int()
            case "lookupKeys": lookupKeys = try r.strings()
            case "year": year = try r.optionalInt()
            case "date": date = try r.optionalString()
            case "issuer": issuer = try r.optionalString()
            case "roles": roles = r.null() ? nil : try r.strings()
            case "number": number = try r.optionalInt()
            case "issuerAgency": issuerAgency = try r.optionalString()
            default: try r.skipValue()
            }
        }
        self.init(key: try required(key, "key"), symbol: try required(symbol, "symbol"), kind: try required(kind, "kind"),
                  year: year, date: date, issuer: issuer, role: try required(role, "role"),
                  mentions: try required(mentions, "mentions"), lookupKeys: try required(lookupKeys, "lookupKeys"),
                  roles: roles, number: number, issuerAgency: issuerAgency)
    }
}

extension PlanAgency {
    init(reading r: inout JSONReader) throws {
        var name: String?, code: String?, level: AgencyLevel?, place: String?, roles: [AgencyRole]?, writtenAs: [String]?
        try r.object { r, key in
            switch key {
            case "name": name = try r.string()
            case "code": code = try r.optionalString()
            case "level":
                let text = try r.string()
                guard let l = AgencyLevel(rawValue: text) else { throw MissingJSONField(name: "level \(text)") }
                level = l
            case "place": place = try r.optionalString()
            case "roles":
                roles = try r.strings().map {
                    guard let role = AgencyRole(rawValue: $0) else { throw MissingJSONField(name: "role \($0)") }
                    return role
                }
            case "writtenAs": writtenAs = try r.strings()
            default: try r.skipValue()
            }
        }
        self.name = try required(name, "name")
        self.code = code
        self.level = try required(level, "level")
        self.place = place
        self.roles = try required(roles, "roles")
        self.writtenAs = try required(writtenAs, "writtenAs")
    }
}

extension TopicAssignment {
    init(reading r: inout JSONReader) throws {
        var topic: String?, score: Double?, titleTerms: [String]?, textCount: Int?, textTerms: [String]?
        try r.object { r, key in
            switch key {
            case "topic": topic = try r.string()
            case "score": score = try r.double()
            case "titleTerms": titleTerms = try r.strings()
            case "textCount": textCount = try r.int()
            case "textTerms": textTerms = try r.strings()
            default: try r.skipValue()
            }
        }
        self.init(topic: try required(topic, "topic"), score: try required(score, "score"),
                  titleTerms: try required(titleTerms, "titleTerms"), textCount: try required(textCount, "textCount"),
                  textTerms: try required(textTerms, "textTerms"))
    }
}
