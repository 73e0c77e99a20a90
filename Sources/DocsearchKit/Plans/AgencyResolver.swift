import Foundation

/// Where a plan sits, for completing names it writes without a place: in a
/// Long An plan "UBND tỉnh" is the people's committee of Long An province and
/// "Sở Tư pháp" is Long An's; in a Hà Quảng plan "Phòng Văn hóa và Thông tin"
/// is Hà Quảng's.
public struct AgencyContext: Sendable, Equatable {
    public var issuer: Agency?
    /// ("tỉnh" or "thành phố", "Long An").
    public var province: (qualifier: String, place: String)?
    /// ("huyện", "Thủ Thừa").
    public var district: (qualifier: String, place: String)?

    public init(issuer: Agency?, province: (qualifier: String, place: String)?, district: (qualifier: String, place: String)?) {
        self.issuer = issuer
        self.province = province
        self.district = district
    }

    public static func == (a: AgencyContext, b: AgencyContext) -> Bool {
        a.issuer == b.issuer && a.province?.place == b.province?.place && a.province?.qualifier == b.province?.qualifier
            && a.district?.place == b.district?.place && a.district?.qualifier == b.district?.qualifier
    }
}

/// Turns agency names as plans write them into one canonical agency each
/// ("UBND TỈNH LONG AN", "Uỷ ban nhân dân tỉnh Long An" and "UBND tỉnh" in a
/// Long An plan → "Ủy ban nhân dân tỉnh Long An"), and collects every agency a
/// plan names with its roles: issuer, issuer of a cited document, assignee
/// under "Tổ chức thực hiện", recipient under "Nơi nhận".
public struct AgencyResolver: Sendable {
    private let parser = AgencyNameParser()
    private let analyzer = Analyzer()

    public init() {}

    // MARK: - Tables derived from DocumentCodes

    /// Party and central bodies by name ("Bộ Chính trị", "Ban Tuyên giáo Trung ương"): the
    /// name parser leaves them out so that plan headers stay unambiguous.
    static let partyAndCentral: [(words: [String], agency: AgencyCode)] = {
        let analyzer = Analyzer()
        var out: [(words: [String], agency: AgencyCode)] = []
        for a in DocumentCodes.agencies where a.level == .party || a.level == .central {
            for form in [a.name] + a.aliases {
                let words = analyzer.tokens(in: form).map(\.folded)
                if !words.isEmpty { out.append((words, a)) }
            }
        }
        return out.sorted { $0.words.count > $1.words.count }
    }()

    /// First words of names of bodies that are not in the code table ("Vụ Giáo dục thể chất",
    /// "Trung tâm Văn hóa và Truyền thông", "Công an tỉnh").
    static let unitHeads: [[String]] = [
        ["van", "phong"], ["thanh", "tra"], ["trung", "tam"], ["cong", "an"], ["toa", "an"], ["vien", "kiem", "sat"],
        ["phong"], ["ban"], ["vu"], ["cuc"], ["hoi"], ["doan"], ["uy", "ban"], ["chi", "cuc"], ["dai"],
    ]

    /// Words that make a recipient a group rather than one agency ("Các phòng GD&ĐT", "UBND các xã").
    static let groupWords: Set<String> = ["cac", "nhung", "moi"]

    // MARK: - Context

    /// The plan's own province and district, from its issuer, else from a people's
    /// committee the text names with its place ("Ủy ban nhân dân tỉnh Long An").
    public func context(identity: PlanIdentity, text: String) -> AgencyContext {
        context(identity: identity, text: AnalyzedText(text))
    }

    /// The plan's own province and district, its text analysed already.
    public func context(identity: PlanIdentity, text analyzed: AnalyzedText) -> AgencyContext {
        let issuer = identity.issuer
        var province: (qualifier: String, place: String)?
        var district: (qualifier: String, place: String)?
        if let i = issuer, let p = i.place {
            let q = i.placeQualifier ?? (i.level == .district ? "huyện" : "tỉnh")
            if i.level == .province { province = (q, p) }
            if i.level == .district { district = (q, p) }
        }
        if province == nil, issuer?.level == .district || issuer?.level == .commune {
            // The first provincial committee named in the header, else in the text.
            func isCommittee(_ a: Agency) -> Bool {
                (a.code == "UBND" || a.code == "HĐND") && a.level == .province && a.place != nil
            }
            let committee = identity.headerAgencies.first(where: isCommittee)
                ?? parser.firstMention(in: analyzed, where: { isCommittee($0.agency) })?.agency
            if let c = committee, let p = c.place { province = (c.placeQualifier ?? "tỉnh", p) }
        }
        return AgencyContext(issuer: issuer, province: province, district: district)
    }

    // MARK: - One name

    /// The canonical agency for one name as written, completed from the context;
    /// nil when the words name no agency, a group of agencies, or an office
    /// whose place cannot be known ("UBND huyện" in a provincial plan).
    public func resolve(_ written: String, context: AgencyContext) -> Agency? {
        let name = Self.clean(written)
        // Analysed once, for the words and the mention: analysed twice, and every
        // mention looked for, it cost over a quarter more (callgrind).
        let analyzed = AnalyzedText(name, analyzer: analyzer)
        let tokens = analyzed.tokens
        guard let first = tokens.first else { return nil }
        let folded = tokens.map(\.folded)
        if folded.contains(where: Self.groupWords.contains) { return nil }

        // Known codes and names: "Sở GD&ĐT", "UBND tỉnh", "Phòng Văn hóa và Thông tin".
        if let m = parser.firstMention(in: analyzed, where: { _ in true }), m.byteRange.lowerBound == first.byteRange.lowerBound {
            return placed(m.agency, context: context)
        }
        // Party and central bodies: "Bộ Chính trị", "Ban Tuyên giáo Trung ương".
        for v in Self.partyAndCentral where v.words.count <= folded.count && Array(folded.prefix(v.words.count)) == v.words {
            return Agency(code: v.agency.code, name: v.agency.name, level: v.agency.level, placeQualifier: nil, place: nil)
        }
        // A unit of the issuer: "Thanh tra Sở", "Văn phòng Bộ", "Ban Giám đốc Sở".
        let words = name.split(separator: " ").map(String.init)
        if let issuer = context.issuer, words.count >= 2, let last = words.last,
           let head = issuer.name.split(separator: " ").first, Folding.fold(last) == Folding.fold(String(head)),
           folded.count <= 8, Self.startsWithUnitHead(folded) {
            var unit = issuer
            unit.code = nil
            unit.name = AgencyNameParser.canonicalSpelling(words.dropLast().joined(separator: " ")) + " " + issuer.name
            return unit
        }
        // Other bodies named by their kind: "Vụ Giáo dục thể chất", "Công an tỉnh".
        guard Self.startsWithUnitHead(folded), (2...10).contains(folded.count),
              String(name.prefix(1)).uppercased() == String(name.prefix(1)) else { return nil }
        var level = context.issuer?.level ?? .province
        var qualifier: String?
        var place: String?
        var base = words
        if let lastWord = words.last,
           let q = DocumentCodes.placeQualifiers.first(where: { Folding.fold($0.word) == Folding.fold(lastWord) }) {
            // "Công an tỉnh": the plan's province.
            guard let p = q.level == .province ? context.province : (q.level == .district ? context.district : nil) else { return nil }
            base = Array(words.dropLast())
            level = q.level
            qualifier = p.qualifier
            place = p.place
        } else if context.issuer?.level == .district, let d = context.district {
            // "Phòng Tài chính", "Trung tâm Văn hóa và Truyền thông" in a district plan.
            qualifier = d.qualifier
            place = d.place
        }
        return Agency(code: nil, name: AgencyNameParser.canonicalSpelling(base.joined(separator: " ")), level: level,
                      placeQualifier: qualifier, place: place)
    }

    /// Completes the place of a parsed agency from the context; nil when it needs one and none is known.
    func placed(_ parsed: Agency, context: AgencyContext) -> Agency? {
        var a = parsed
        guard a.place == nil else { return a }
        let needsPlace = a.level == .province || a.level == .district || a.level == .commune
        guard needsPlace else { a.placeQualifier = nil; return a }
        let known = a.code.flatMap { DocumentCodes.agency(forCode: $0) }
        if a.placeQualifier == nil, known?.levelFollowsPlace == true {
            // "UBND" alone: the plan's own committee only if the plan is one of its offices.
            guard let issuer = context.issuer, issuer.code == a.code, issuer.place != nil else { return nil }
            return issuer
        }
        let slot = a.level == .district ? context.district : (a.level == .province ? context.province : nil)
        guard let s = slot else { return nil }
        a.placeQualifier = s.qualifier
        a.place = s.place
        return a
    }

    static func startsWithUnitHead(_ folded: [String]) -> Bool {
        unitHeads.contains { h in h.count <= folded.count && Array(folded.prefix(h.count)) == h }
    }

    /// Without brackets, bullets, numbering, "Đối với", and trailing punctuation.
    static func clean(_ s: String) -> String {
        // Most names hold no parenthesis and no tab or doubled space, and
        // the walks over their Characters changed nothing (4% of indexing,
        // callgrind): a scan of the bytes sends only the others through them.
        var out: String
        if s.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) {
            out = ""
            var depth = 0
            for ch in s {
                if ch == "(" { depth += 1; continue }
                if ch == ")" { depth = max(0, depth - 1); continue }
                if depth == 0 { out.append(ch) }
            }
        } else {
            out = s
        }
        let strip = " \t*·•-+;:,./"
        out = out.trimming(strip)
        if Folding.foldedHasPrefix(out, "doi voi ") { out = String(out.dropFirst("đối với ".count)) }
        guard mayHoldLooseSpace(out.utf8) else { return out }
        return out.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// False when splitting at spaces and tabs and joining with one space
    /// would give the text back: no tab, no two spaces side by side, no
    /// space first or last (checked on bytes, so a space with a combining
    /// mark, one Character, is counted a space: the walk then decides).
    static func mayHoldLooseSpace(_ utf8: String.UTF8View) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        var previous: UInt8 = 0
        for b in utf8 {
            if b == 0x09 || (b == 0x20 && previous == 0x20) { return true }
            previous = b
        }
        return false
    }

    // MARK: - Every agency of a plan

    /// Every agency the plan names, canonical, with its roles; issuer first, then by first role and name.
    public func agencies(in text: String, identity: PlanIdentity, citations: [CitedDocument]) -> [PlanAgency] {
        agencies(in: text, identity: identity, citations: citations, context: context(identity: identity, text: text))
    }

    /// Every agency the plan names, given its context (`context(identity:text:)`)
    /// and, when worked out already, the issuers of its citations
    /// (`citedIssuers(citations, context:)`): the indexer, which keeps them
    /// too, worked them out twice (1.9% of the build, callgrind).
    public func agencies(in text: String, identity: PlanIdentity, citations: [CitedDocument],
                         context: AgencyContext, citedIssuers issuers: [Agency?]? = nil) -> [PlanAgency] {
        agencies(lines: text.splitLines().map(String.init), identity: identity, citations: citations,
                 context: context, citedIssuers: issuers)
    }

    /// As `agencies(in:identity:citations:context:citedIssuers:)`, with the
    /// text's lines (`splitLines()`), cut once for the extractors that read them.
    func agencies(lines: [String], identity: PlanIdentity, citations: [CitedDocument],
                  context: AgencyContext, citedIssuers issuers: [Agency?]? = nil) -> [PlanAgency] {
        var order: [String] = []
        var byKey: [String: (agency: Agency, roles: Set<AgencyRole>, written: [String])] = [:]
        func add(_ a: Agency, _ role: AgencyRole, _ written: String?) {
            let key = Folding.fold(a.canonicalName)
            if byKey[key] == nil { order.append(key); byKey[key] = (a, [], []) }
            byKey[key]?.roles.insert(role)
            if let w = written, !(byKey[key]?.written.contains(w) ?? true), (byKey[key]?.written.count ?? 0) < 5 {
                byKey[key]?.written.append(w)
            }
        }
        if let issuer = identity.issuer { add(issuer, .issuer, nil) }
        for (doc, a) in zip(citations, issuers ?? citedIssuers(citations, context: context)) {
            if let a { add(a, .citedIssuer, doc.citation.issuerText) }
        }
        for name in assigneeNames(lines: lines) {
            if let a = resolve(name, context: context) { add(a, .assignee, name) }
        }
        for name in recipientNames(lines: lines) {
            if let a = resolve(name, context: context) { add(a, .recipient, name) }
        }
        let all = order.compactMap { key in byKey[key].map { PlanAgency(agency: $0.agency, roles: $0.roles.sorted(), writtenAs: $0.written) } }
        return all.enumerated().sorted { x, y in
            let rx = x.element.roles.first ?? .recipient, ry = y.element.roles.first ?? .recipient
            return rx != ry ? rx < ry : x.offset < y.offset
        }.map(\.element)
    }

    /// The issuers of the documents a plan cites, in the same order. A document whose issuer is
    /// not written, or written short ("Ban Chỉ đạo"), takes the issuer of the next document with
    /// the same agency code ("Quyết định số 1691/QĐ-UBND … và Quyết định số 3306/QĐ-UBND … của
    /// Ủy ban nhân dân tỉnh Long An"), else of the previous one.
    public func citedIssuers(_ docs: [CitedDocument], context: AgencyContext) -> [Agency?] {
        let own = docs.map { citedIssuer($0.citation, context: context) }
        let codeKeys = docs.map { $0.citation.issuerCode.map(DocumentCodes.codeKey) }
        let matches = own.indices.map { i -> Bool in
            guard let a = own[i], let c = a.code, let k = codeKeys[i] else { return false }
            return DocumentCodes.codeKey(c) == k && (a.place != nil || !(a.level == .province || a.level == .district))
        }
        // Per code, the documents whose issuer was resolved to that code, in
        // order: a document borrows the nearest later one, else the nearest
        // earlier (found by bisection: one pass, not one scan per document).
        var resolvedByCode: [String: [Int]] = [:]
        for i in own.indices where matches[i] { resolvedByCode[codeKeys[i]!, default: []].append(i) }
        return own.indices.map { i in
            if matches[i] { return own[i] }
            guard let k = codeKeys[i], let resolved = resolvedByCode[k], DocumentCodes.agency(forCode: k) != nil else { return own[i] }
            var lo = 0, hi = resolved.count
            while lo < hi { let mid = (lo + hi) / 2; if resolved[mid] <= i { lo = mid + 1 } else { hi = mid } }
            if lo < resolved.count { return own[resolved[lo]] }
            return lo > 0 ? own[resolved[lo - 1]] : own[i]
        }
    }

    /// The issuer of a cited document: its name after the symbol ("của Ủy ban nhân dân tỉnh Long An"),
    /// else the agency code in the symbol when that needs no place ("TTg", "BGDĐT", "TW").
    public func citedIssuer(_ c: Citation, context: AgencyContext) -> Agency? {
        if let text = c.issuerText, let a = resolve(text, context: context) { return a }
        guard let code = c.issuerCode, let known = DocumentCodes.agency(forCode: code) else { return nil }
        let agency = Agency(code: known.code, name: known.name, level: known.level, placeQualifier: nil, place: nil)
        switch known.level {
        case .central, .ministry, .party: return agency
        case .province, .district, .commune:
            // "1202/KH-SGDĐT" in a Sở GD&ĐT plan: the issuer's own earlier document.
            if let issuer = context.issuer, let ic = issuer.code, DocumentCodes.codeKey(ic) == DocumentCodes.codeKey(code) { return issuer }
            return nil
        }
    }

    // MARK: - Sections

    /// The starts of line `assigneeNames` looks for, folded.
    private static let assigneeLinePrefixes = ["noi nhan", "- don vi chu tri:", "don vi chu tri:"]

    /// The numbered headings under "Tổ chức thực hiện" ("1. Thanh tra Sở", "2. Đối với Văn phòng Sở"),
    /// split at commas, and every "Đơn vị chủ trì: …" in the text.
    func assigneeNames(lines: [String]) -> [String] {
        var out: [String] = []
        var inSection = false
        for raw in lines {
            // A line led by an ASCII byte that starts none of the lines read
            // here (most lines of a plan) is passed by that byte, not trimmed
            // and folded: the scan was 253 M of the 2,000 plans' build, 221 M
            // after (callgrind).
            if let lead = Self.leadByte(of: raw, skipping: " \t*#"), lead < 0x80,
               !Self.mayLeadAssigneeLine(lead, inSection: inSection) { continue }
            let line = raw.trimming(" \t*#")
            if let body = Self.romanHeading(line) {
                inSection = Folding.fold(body).trimming(" .:") == "to chuc thuc hien"
                continue
            }
            let folded = Folding.foldUnlessRuledOut(line, by: Self.assigneeLinePrefixes)
            if folded.hasPrefix("noi nhan") { inSection = false }
            if folded.hasPrefix("- don vi chu tri:") || folded.hasPrefix("don vi chu tri:") {
                if let colon = line.firstIndex(of: ":") { out += Self.parts(String(line[line.index(after: colon)...])) }
                continue
            }
            guard inSection, let heading = Self.numberedHeading(line), heading.hasAtMostCharacters(90),
                  !Self.groupWords.contains(Folding.fold(String(heading.split(separator: " ").first ?? ""))) else { continue }
            out += Self.parts(heading)
        }
        return out
    }

    /// The items of "Nơi nhận:" ("- UBND tỉnh;", "· Sở Tư pháp;"), split at commas; not "Như trên" or "Lưu".
    func recipientNames(lines: [String]) -> [String] {
        guard let start = lines.firstIndex(where: { line in
            // Told by its first ASCII byte, most lines are not made a trimmed copy.
            if let lead = Self.leadByte(of: line, skipping: " \t"), lead < 0x80, lead | 0x20 != UInt8(ascii: "n") { return false }
            return Folding.foldedHasPrefix(line.trimmingSpaces(), "noi nhan")
        }) else { return [] }
        var out: [String] = []
        var started = false
        let bullets: Set<Character> = ["-", "·", "•", "+", "–"]
        let head = lines[start]
        if let colon = head.firstIndex(of: ":") {
            let rest = head[head.index(after: colon)...].trimmingSpaces()
            if !rest.isEmpty { out += Self.parts(rest); started = true }
        }
        for raw in lines[(start + 1)...] {
            let line = raw.trimmingSpaces()
            if line.isEmpty { if started { break } else { continue } }
            guard let first = line.first, bullets.contains(first) else { break }
            started = true
            let item = String(line.dropFirst())
            let folded = Folding.fold(item).trimmingSpaces()
            if folded.hasPrefix("nhu tren") || folded.hasPrefix("luu") { continue }
            out += Self.parts(item)
        }
        return out
    }

    /// "Phòng GD&ĐT cấp huyện, các đơn vị trực thuộc Sở" → two names.
    static func parts(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == "," || $0 == ";" }).map { clean(String($0)) }.filter { !$0.isEmpty }
    }

    /// The first byte of `line` after leading bytes among `skipped` (ASCII);
    /// nil when none is left.
    static func leadByte(of line: String, skipping skipped: StaticString) -> UInt8? {
        let skip = UnsafeBufferPointer(start: skipped.utf8Start, count: skipped.utf8CodeUnitCount)
        for b in line.utf8 where !skip.contains(b) { return b }
        return nil
    }

    /// Whether a line whose trimmed text starts with the ASCII byte `lead`
    /// may be one `assigneeNames` reads: a Roman-numbered heading ("I", "V",
    /// "X", "L"), "Nơi nhận" or "Đơn vị chủ trì" ("n", "-", "d" in either
    /// case: ASCII folds to itself, lowercased) or, in the section, a
    /// numbered heading.
    static func mayLeadAssigneeLine(_ lead: UInt8, inSection: Bool) -> Bool {
        switch lead {
        case UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X"), UInt8(ascii: "L"),
             UInt8(ascii: "N"), UInt8(ascii: "n"), UInt8(ascii: "-"), UInt8(ascii: "D"), UInt8(ascii: "d"): return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return inSection
        default: return false
        }
    }

    /// "III. TỔ CHỨC THỰC HIỆN" → "TỔ CHỨC THỰC HIỆN"; nil when the line is not a Roman-numbered heading.
    static func romanHeading(_ line: String) -> String? {
        // Most lines start otherwise, which their first byte tells without a
        // Character (the walk below, for every line, was 1.6% of the build).
        guard let b = line.utf8.first, b == UInt8(ascii: "I") || b == UInt8(ascii: "V") || b == UInt8(ascii: "X")
            || b == UInt8(ascii: "L") else { return nil }
        var i = line.startIndex
        while i < line.endIndex, "IVXL".contains(line[i]) { i = line.index(after: i) }
        guard i > line.startIndex, i < line.endIndex, line[i] == "." || line[i] == ")" else { return nil }
        let rest = line[line.index(after: i)...].trimmingSpaces()
        return rest.isEmpty || !rest.hasAtMostCharacters(80) ? nil : rest
    }

    /// "2. Văn phòng Sở" → "Văn phòng Sở"; nil when the line is not a numbered heading.
    static func numberedHeading(_ line: String) -> String? {
        guard let b = line.utf8.first, b &- UInt8(ascii: "0") < 10 else { return nil }
        var i = line.startIndex
        var digits = 0
        while i < line.endIndex, line[i].isASCII, line[i].isNumber { i = line.index(after: i); digits += 1 }
        guard (1...2).contains(digits), i < line.endIndex, line[i] == "." || line[i] == ")" else { return nil }
        let rest = line[line.index(after: i)...].trimmingSpaces()
        guard let f = rest.first, f.isLetter, !rest.hasSuffix(";") else { return nil }
        return rest
    }

    // MARK: - Search forms

    /// The forms a user may type for an agency, for the "agency.alias" facet:
    /// its code and abbreviations, each alone, with the place, and with qualifier and place
    /// ("Sở GD&ĐT Long An", "SGDĐT tỉnh Long An", "UBND tỉnh Long An").
    /// Remembered: a plan's issuer is that of thousands of others (65,000
    /// instructions an agency, callgrind).
    public static func searchForms(of agency: Agency) -> [String] {
        let key = TextKey([agency.code, agency.name, agency.level.rawValue, agency.placeQualifier, agency.place])
        return searchFormsMemo.value(for: key) { searchFormsOnce(of: agency) }
    }

    private static let searchFormsMemo = BoundedCache<TextKey, [String]>(capacity: 4096)

    static func searchFormsOnce(of agency: Agency) -> [String] {
        var names = [agency.name]
        if let code = agency.code, let known = DocumentCodes.agency(forCode: code), known.name == agency.name {
            names.append(known.code)
            names += known.aliases
        }
        var out = Set<String>()
        for n in names {
            out.insert(n)
            if let p = agency.place {
                out.insert(n + " " + p)
                if let q = agency.placeQualifier { out.insert(n + " " + q + " " + p) }
            }
        }
        return out.sorted()
    }
}
