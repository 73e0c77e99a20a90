/// The stored JSON of a record, written by hand (`JSONWriter`): the text that
/// `JSONEncoder` with sorted keys gives, which `JSONDecoder` reads back, at a
/// fraction of the cost (JSONEncoder was 6% of the index build, perf).
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
