import Foundation

extension PlanDocument {
    /// Why a file could not become a plan.
    public struct Rejection: Error, Sendable { public var reason: String }

    /// The file's text, NFC, with the encoding it was read in and any warnings.
    /// Empty and binary files are rejected with the reason.
    public static func decode(_ bytes: [UInt8]) throws -> (text: String, encoding: String, warnings: [String]) {
        do {
            let decoded = try SourceDecoder.decode(bytes)
            return (decoded.text, decoded.encoding.label, decoded.warnings.map(\.description))
        } catch let error as DecodeError {
            throw Rejection(reason: error.description)
        }
    }

    /// Decodes, normalises and analyses one file's bytes: identity, citations,
    /// the terms to index and the facet values.
    public static func analyze(bytes: [UInt8], path: String, absolutePath: String,
                               fingerprint: FileFingerprint) throws -> (PlanDocument, [String]) {
        try analyze(bytes: bytes, path: path, absolutePath: absolutePath, fingerprint: fingerprint, interner: nil)
    }

    /// As `analyze(bytes:path:absolutePath:fingerprint:)`, the words' forms
    /// numbered by `interner` when given: that of the `SegmentBuilder` the
    /// plan goes to (`SegmentBuilder.interner`).
    static func analyze(bytes: [UInt8], path: String, absolutePath: String, fingerprint: FileFingerprint,
                        interner: TokenInterner?) throws -> (PlanDocument, [String]) {
        let (text, encoding, warnings) = try decode(bytes)
        let analyzed = interner.map { AnalyzedText(text, interner: $0) } ?? AnalyzedText(text)
        // Cut once: the identity and the agencies both read the lines.
        let lines = text.splitLines().map(String.init)
        let identity = PlanIdentityExtractor().identity(of: text, analyzed: analyzed, lines: lines)
        let cited = CitationExtractor().citations(in: analyzed)
        let title = bounded(identity.title ?? fallbackTitle(of: text))

        let resolver = AgencyResolver()
        let context = resolver.context(identity: identity, text: analyzed)
        let citedIssuers = resolver.citedIssuers(cited, context: context)
        let agencies = resolver.agencies(lines: lines, identity: identity, citations: cited, context: context,
                                         citedIssuers: citedIssuers)
        let topics = TopicClassifier().topics(title: title, text: analyzed, interner: interner)

        var keywords: [(TermField, String)] = []
        var citations: [CitationRecord] = []
        for (n, doc) in cited.enumerated() {
            let c = doc.citation
            let role = doc.roles.min() ?? .body
            for _ in doc.mentions { keywords.append((.citation, doc.key)) }
            for k in c.kindKeys { for _ in doc.mentions { keywords.append((.citationNumber, k)) } }
            if doc.roles.contains(.legalBasis) { keywords.append((.legalBasis, doc.key)) }
            citations.append(CitationRecord(key: doc.key, symbol: c.symbol, kind: c.kind?.vietnameseName ?? "Văn bản",
                                            year: c.year, date: c.date?.iso, issuer: c.issuerText, role: role.rawValue,
                                            mentions: doc.mentions.count, lookupKeys: c.kindKeys,
                                            roles: doc.roles.map(\.rawValue), number: c.number,
                                            issuerAgency: citedIssuers[n]?.canonicalName))
        }
        let numberKey = identity.number?.key
        if let numberKey { keywords.append((.ownNumber, numberKey)) }

        var facets: [String: [String]] = [:]
        if let y = identity.year { facets["year"] = [String(y)] }
        if let kind = identity.kind { facets["type"] = [kind.vietnameseName] }
        // "agency" is the issuer: what a plan is filed under. Its other forms
        // ("Sở GD&ĐT Long An", "SGDĐT") go to "agency.alias", which the filter also reads.
        if let issuer = identity.issuer {
            facets["agency"] = [issuer.canonicalName]
            facets["agency.alias"] = AgencyResolver.searchForms(of: issuer)
        }
        if !topics.isEmpty {
            facets["topic"] = topics.map(\.topic)
            let aliases = topics.flatMap { TopicTaxonomy.topic(named: $0.topic)?.aliases ?? [] }
            if !aliases.isEmpty { facets["topic.alias"] = aliases }
        }
        let places = Self.places(identity: identity, context: context)
        if !places.isEmpty { facets["place"] = places }
        if !cited.isEmpty { facets["cites"] = cited.map(\.citation.symbol) }

        let record = PlanRecord(id: PlanRecord.id(forPath: path), path: path, absolutePath: absolutePath,
                                encoding: encoding, warnings: warnings, title: title,
                                documentType: identity.kind?.vietnameseName, number: identity.number?.symbol,
                                numberKey: numberKey, issuer: identity.issuer?.canonicalName, place: identity.place,
                                date: identity.date?.iso ?? identity.year.map(String.init), year: identity.year,
                                signer: identity.signer?.name, signerTitle: identity.signer?.title, citations: citations,
                                agencies: agencies, topics: topics)
        return (PlanDocument(record: record, fingerprint: fingerprint, text: text, tokens: analyzed.tokens,
                             formIDs: analyzed.formIDs, internerTag: analyzed.internerTag, title: title,
                             keywords: keywords, facets: facets), warnings)
    }

    /// The plan's district and province with their qualifiers ("huyện Thủ Thừa", "tỉnh Long An"),
    /// and the place of the date line when it is neither.
    static func places(identity: PlanIdentity, context: AgencyContext) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for slot in [context.district, context.province].compactMap({ $0 }) where seen.insert(Folding.fold(slot.place)).inserted {
            out.append(slot.qualifier + " " + slot.place)
        }
        if let p = identity.place, seen.insert(Folding.fold(p)).inserted { out.append(p) }
        return out
    }
}
