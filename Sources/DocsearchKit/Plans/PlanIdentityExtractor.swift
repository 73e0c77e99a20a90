import Foundation

/// Reads a plan's identity from its NFC text: type word, number, title, place
/// and date, issuing agency and signer.
public struct PlanIdentityExtractor: Sendable {
    private let agencies = AgencyNameParser()

    public init() {}

    public func identity(of text: String) -> PlanIdentity {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var identity = PlanIdentity()
        let typeLine = lines.prefix(60).firstIndex { kindOfTypeLine($0) != nil }
        if let tl = typeLine { identity.kind = kindOfTypeLine(lines[tl]) }
        let headerLines = typeLine.map { Array(lines[..<$0]) } ?? []
        let header = headerLines.joined(separator: "\n")

        identity.number = planNumber(in: header)
        let (place, date) = placeAndDate(in: header.isEmpty ? String(text.prefix(1500)) : header)
        identity.place = place
        identity.date = date
        if let tl = typeLine { identity.title = title(lines: lines, after: tl) }

        // Header agencies: the left column of each line before "Số:".
        var headerAgencies: [Agency] = []
        for line in headerLines {
            let column = line.split(separator: "\t", omittingEmptySubsequences: false).first.map(String.init) ?? line
            let head = Folding.fold(column).trimmingCharacters(in: .whitespaces)
            if head.hasPrefix("so:") || head.hasPrefix("so ") || head.hasPrefix("/") { continue }
            headerAgencies += agencies.mentions(in: column).map(\.agency)
        }
        identity.headerAgencies = headerAgencies
        let preamble = preambleText(lines: lines, typeLine: typeLine)
        identity.issuer = issuer(number: identity.number, header: headerAgencies, preamble: preamble,
                                 place: place, text: text)
        identity.signer = signer(lines: lines)
        if identity.date == nil { identity.inferredYear = latestYear(in: text) }
        return identity
    }

    // MARK: - Type line and title

    func kindOfTypeLine(_ line: String) -> DocumentKind? {
        let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: " \t*#"))
        guard !trimmed.isEmpty, trimmed == trimmed.uppercased(), trimmed.count <= 24 else { return nil }
        let folded = Folding.fold(trimmed)
        for kind in DocumentKind.allCases {
            if let name = DocumentCodes.kindInfo[kind]?.names.first, Folding.fold(name) == folded { return kind }
        }
        return nil
    }

    func title(lines: [String], after typeLine: Int) -> String? {
        var parts: [String] = []
        var i = typeLine + 1
        while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
        while i < lines.count, parts.count < 5 {
            let line = lines[i].trimmingCharacters(in: CharacterSet(charactersIn: " \t*"))
            if line.isEmpty { break }
            let folded = Folding.fold(line)
            if !parts.isEmpty, folded.hasPrefix("can cu") || folded.hasPrefix("thuc hien") || TextLayout.isSectionOne(line) { break }
            parts.append(line)
            i += 1
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    // MARK: - Number

    /// "Số: 2421/KH-SGDĐT", "Số: /KH-PGDĐT", or split over lines "Số: 2421\n\n/KH-SGDĐT".
    func planNumber(in header: String) -> PlanNumber? {
        let b = Array(header.utf8)
        let so: [UInt8] = Array("Số".utf8)
        var i = 0
        while i + so.count <= b.count {
            if Array(b[i..<(i + so.count)]) == so, i == 0 || b[i - 1] == 0x20 || b[i - 1] == 0x0A || b[i - 1] == 0x09 {
                var j = i + so.count
                if j < b.count, b[j] == UInt8(ascii: ":") { j += 1 }
                j = skipBlank(b, j)
                let (number, afterNumber) = SymbolScanner.readDigits(b, j, max: 6)
                j = skipBlank(b, afterNumber)
                if j < b.count, b[j] == UInt8(ascii: "/"), let (segments, separators, _) = SymbolScanner.codeSegments(b, j + 1),
                   let typeCode = DocumentCodes.officialTypeCode(segments[0]) {
                    var symbol = (number.map(String.init) ?? "") + "/" + typeCode
                    for (k, seg) in segments.enumerated().dropFirst() { symbol += separators[k - 1] + seg }
                    return PlanNumber(number: number, symbol: symbol, typeCode: typeCode,
                                      issuerCode: segments.count > 1 ? segments[1] : nil)
                }
            }
            i += 1
        }
        return nil
    }

    private func skipBlank(_ b: [UInt8], _ start: Int) -> Int {
        var i = start
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A { i += 1 }
        return i
    }

    // MARK: - Place and date

    private static let dateRegex = try? NSRegularExpression(
        pattern: "([^\\t\\n,:]*?)[ ]*,[ ]*ngày\\s*(\\d{0,2})\\s*tháng\\s*(\\d{0,2})\\s*năm\\s*(\\d{4})",
        options: [.caseInsensitive])

    /// "Long An, ngày 13 tháng 7 năm 2023"; "Thủ Thừa, ngày tháng năm 2021" gives the year only.
    func placeAndDate(in header: String) -> (String?, DocumentDate?) {
        guard let re = Self.dateRegex else { return (nil, nil) }
        let ns = header as NSString
        guard let m = re.firstMatch(in: header, range: NSRange(location: 0, length: ns.length)) else { return (nil, nil) }
        func group(_ k: Int) -> String? {
            let r = m.range(at: k)
            return r.location == NSNotFound ? nil : ns.substring(with: r)
        }
        var place = group(1)?.trimmingCharacters(in: .whitespaces)
        if let p = place, let lastSymbol = p.range(of: "/", options: .backwards) {
            place = p[lastSymbol.upperBound...].split(separator: " ").dropFirst().joined(separator: " ")
        }
        if place?.isEmpty == true { place = nil }
        place = place.map(AgencyNameParser.canonicalSpelling)
        guard let y = group(4).flatMap({ Int($0) }) else { return (place, nil) }
        let month = group(3).flatMap { Int($0) }.flatMap { (1...12).contains($0) ? $0 : nil }
        let day = group(2).flatMap { Int($0) }.flatMap { (1...31).contains($0) ? $0 : nil }
        return (place, DocumentDate(year: y, month: month, day: day))
    }

    // MARK: - Issuer

    /// The opening of the body: from the type line to section I (at most 4,000 characters).
    func preambleText(lines: [String], typeLine: Int?) -> String {
        var out: [String] = []
        var size = 0
        for line in lines.dropFirst((typeLine ?? -1) + 1) {
            if TextLayout.isSectionOne(line.trimmingCharacters(in: CharacterSet(charactersIn: " \t*#"))) { break }
            out.append(line)
            size += line.utf8.count
            if size > 4000 { break }
        }
        return out.joined(separator: "\n")
    }

    /// "Sở GD&ĐT ban hành kế hoạch", "Phòng Giáo dục và Đào tạo xây dựng kế hoạch".
    func actingAgency(in preamble: String) -> Agency? {
        let tokens = Analyzer().tokens(in: preamble)
        let bytes = Array(preamble.utf8)
        var t = 0
        var found: Agency?
        while t < tokens.count {
            guard let m = agencies.mention(at: t, tokens: tokens, bytes: bytes) else { t += 1; continue }
            let n = m.nextToken
            if n + 1 < tokens.count {
                let verb = tokens[n].folded + " " + tokens[n + 1].folded
                if verb == "xay dung" || verb == "ban hanh" || verb == "to chuc" || verb == "trien khai" { found = m.agency; break }
            }
            t = max(n, t + 1)
        }
        return found
    }

    func issuer(number: PlanNumber?, header: [Agency], preamble: String, place: String?, text: String) -> Agency? {
        let acting = actingAgency(in: preamble)
        let fromCode = number?.issuerCode.flatMap { DocumentCodes.agency(forCode: $0) }
            .map { Agency(code: $0.code, name: $0.name, level: $0.level, placeQualifier: nil, place: nil) }
        guard var base = fromCode ?? acting ?? header.last else { return nil }
        // The same agency written with its place, in the sentence or the header.
        let sameKind = ([acting].compactMap { $0 } + header.reversed()).filter { $0.code == base.code }
        if let withPlace = sameKind.first(where: { $0.place != nil }) ?? sameKind.first(where: { $0.placeQualifier != nil }) {
            base.placeQualifier = withPlace.placeQualifier
            base.place = withPlace.place
            base.level = withPlace.level
        }
        guard base.level == .province || base.level == .district || base.level == .commune else {
            base.placeQualifier = nil
            base.place = nil
            return base
        }
        if base.place == nil {
            // The people's committee above it in the header: "UBND TỈNH LONG AN" over a Sở.
            let parentLevel = base.level
            if let parent = header.first(where: { $0.code != base.code && $0.level == parentLevel && $0.place != nil }) {
                base.placeQualifier = parent.placeQualifier
                base.place = parent.place
            }
        }
        if base.place == nil, let p = place {
            base.place = p
            base.placeQualifier = base.placeQualifier ?? qualifier(of: p, level: base.level, text: text)
        }
        return base
    }

    /// How the text itself names the place ("thành phố Hải Phòng", "huyện Thủ Thừa"); else the usual word.
    func qualifier(of place: String, level: AgencyLevel, text: String) -> String {
        let foldedText = Folding.fold(text)
        let foldedPlace = Folding.fold(place)
        for q in DocumentCodes.placeQualifiers where q.level == level {
            if foldedText.contains(Folding.fold(q.word) + " " + foldedPlace) { return q.word }
        }
        if level == .district { return "huyện" }
        if level == .commune { return "xã" }
        return DocumentCodes.centralCities.contains(foldedPlace) ? "thành phố" : "tỉnh"
    }

    private static let numericDate = try? NSRegularExpression(pattern: "(?<![0-9/])[0-9]{1,2}/[0-9]{1,2}/((?:19|20)[0-9]{2})(?![0-9])")

    func latestYear(in text: String) -> Int? {
        guard let re = Self.numericDate else { return nil }
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length))
            .compactMap { Int(ns.substring(with: $0.range(at: 1))) }.max()
    }

    // MARK: - Signer

    private static let signerTitles = ["GIÁM ĐỐC", "TRƯỞNG", "CHỦ TỊCH", "HIỆU TRƯỞNG", "CHÁNH", "BÍ THƯ", "THỦ TRƯỞNG"]

    /// The signature block after "Nơi nhận": title lines, then the signer's name.
    func signer(lines: [String]) -> Signer? {
        let cleaned = lines.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t*")) }
        let start = cleaned.firstIndex { Folding.fold($0).hasPrefix("noi nhan") } ?? 0
        var i = start
        while i < cleaned.count {
            let line = cleaned[i]
            if isTitleLine(line) {
                var titles: [String] = []
                var j = i
                while j < cleaned.count, isTitleLine(cleaned[j]) { titles.append(cleaned[j]); j += 1 }
                while j < cleaned.count, cleaned[j].isEmpty { j += 1 }
                if j < cleaned.count, isPersonName(cleaned[j]) {
                    let title = titles.last ?? ""
                    let capacity = titles.count > 1 ? titles.dropLast().joined(separator: " ") : nil
                    return Signer(name: cleaned[j], title: title, capacity: capacity)
                }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    private func isTitleLine(_ line: String) -> Bool {
        guard !line.isEmpty, line.count <= 40, line == line.uppercased() else { return false }
        let folded = Folding.fold(line)
        if folded.hasPrefix("kt.") || folded.hasPrefix("tm.") || folded.hasPrefix("tl.") || folded.hasPrefix("q.") { return true }
        return Self.signerTitles.contains { line.contains($0) }
    }

    private func isPersonName(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard (2...6).contains(words.count), line != line.uppercased() else { return false }
        return words.allSatisfy { w in w.first.map { $0.isUppercase } == true && w.allSatisfy { $0.isLetter } }
    }
}
