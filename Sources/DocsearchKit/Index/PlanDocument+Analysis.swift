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
        let (text, encoding, warnings) = try decode(bytes)
        let identity = PlanIdentityExtractor().identity(of: text)
        let cited = CitationExtractor().citations(in: text)
        let title = identity.title ?? fallbackTitle(of: text)

        var keywords: [(TermField, String)] = []
        var citations: [CitationRecord] = []
        for doc in cited {
            let c = doc.citation
            let role = doc.roles.min() ?? .body
            for _ in doc.mentions { keywords.append((.citation, doc.key)) }
            for k in c.kindKeys { for _ in doc.mentions { keywords.append((.citationNumber, k)) } }
            if doc.roles.contains(.legalBasis) { keywords.append((.legalBasis, doc.key)) }
            citations.append(CitationRecord(key: doc.key, symbol: c.symbol, kind: c.kind?.vietnameseName ?? "Văn bản",
                                            year: c.year, date: c.date?.iso, issuer: c.issuerText, role: role.rawValue,
                                            mentions: doc.mentions.count, lookupKeys: c.kindKeys))
        }
        let numberKey = identity.number?.key
        if let numberKey { keywords.append((.ownNumber, numberKey)) }

        var facets: [String: [String]] = [:]
        if let y = identity.year { facets["year"] = [String(y)] }
        if let kind = identity.kind { facets["type"] = [kind.vietnameseName] }
        if let issuer = identity.issuer {
            facets["agency"] = [issuer.canonicalName]
            var aliases = Set([issuer.name])
            if let code = issuer.code, let known = DocumentCodes.agency(forCode: code) {
                aliases.insert(known.code)
                for a in known.aliases { aliases.insert(a) }
            }
            let place = issuer.place.map { " " + $0 } ?? ""
            facets["agency.alias"] = aliases.map { $0 + place }.sorted()
        }
        let places = [identity.place, identity.issuer?.place].compactMap { $0 }
        if !places.isEmpty { facets["place"] = Array(Set(places)).sorted() }
        if !cited.isEmpty { facets["cites"] = cited.map(\.citation.symbol) }

        let record = PlanRecord(id: PlanRecord.id(forPath: path), path: path, absolutePath: absolutePath,
                                encoding: encoding, warnings: warnings, title: title,
                                documentType: identity.kind?.vietnameseName, number: identity.number?.symbol,
                                numberKey: numberKey, issuer: identity.issuer?.canonicalName, place: identity.place,
                                date: identity.date?.iso ?? identity.year.map(String.init), year: identity.year,
                                signer: identity.signer?.name, signerTitle: identity.signer?.title, citations: citations)
        return (PlanDocument(record: record, fingerprint: fingerprint, text: text, title: title,
                             keywords: keywords, facets: facets), warnings)
    }
}
