import Foundation

/// Reads a plan's identity from its NFC text: type word, number, title, place
/// and date, issuing agency and signer.
public struct PlanIdentityExtractor: Sendable {
    private let agencies = AgencyNameParser()

    public init() {}

    public func identity(of text: String) -> PlanIdentity { identity(of: text, analyzed: nil) }

    /// `analyzed`, when given, must be `AnalyzedText(text)`: the words of the
    /// preamble are taken from it, where they were read again (5% of
    /// indexing, callgrind).
    public func identity(of text: String, analyzed: AnalyzedText?) -> PlanIdentity {
        identity(of: text, analyzed: analyzed, lines: text.splitLines().map(String.init))
    }

    /// As `identity(of:analyzed:)`, with `lines`, the text's lines
    /// (`splitLines()`), cut once for the extractors that read them.
    func identity(of text: String, analyzed: AnalyzedText?, lines: [String]) -> PlanIdentity {
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
            let column = Self.leftColumn(of: line)
            let head = Folding.fold(column).trimmingSpaces()
            if head.hasPrefix("so:") || head.hasPrefix("so ") || head.hasPrefix("/") { continue }
            headerAgencies += agencies.mentions(in: column).map(\.agency)
        }
        identity.headerAgencies = headerAgencies
        let preamble = self.preamble(lines: lines, typeLine: typeLine)
        identity.issuer = issuer(number: identity.number, header: headerAgencies, preamble: preamble.text,
                                 in: analyzed.map { ($0, preamble.start) }, place: place, text: text)
        identity.signer = signer(lines: lines)
        if identity.date == nil { identity.inferredYear = latestYear(in: text) }
        return identity
    }

    /// The line up to its first tab, the left column of a header line.
    /// A tab is a Character of its own (a control: no mark joins it), so its
    /// byte ends the column: splitting the line's Characters cost 2% of
    /// indexing (callgrind).
    static func leftColumn(of line: String) -> String {
        line.utf8.firstIndex(of: 0x09).map { String(line[..<$0]) } ?? line
    }

    // MARK: - Type line and title

    func kindOfTypeLine(_ line: String) -> DocumentKind? {
        let trimmed = line.trimming(" \t*#")
        guard !trimmed.isEmpty, trimmed.isUnchangedByUppercasing, trimmed.hasAtMostCharacters(24) else { return nil }
        let folded = Folding.fold(trimmed)
        return Self.kindsByFoldedName.first { $0.name == folded }?.kind
    }

    /// Each kind's first name, folded ("ke hoach"), in `DocumentKind.allCases`
    /// order: folded once, where each upper-case line of a plan's first 60
    /// folded every name again (2% of the build, callgrind).
    private static let kindsByFoldedName: [(name: String, kind: DocumentKind)] = DocumentKind.allCases.compactMap { kind in
        DocumentCodes.kindInfo[kind]?.names.first.map { (Folding.fold($0), kind) }
    }

    func title(lines: [String], after typeLine: Int) -> String? {
        var parts: [String] = []
        var i = typeLine + 1
        while i < lines.count, lines[i].trimmingSpaces().isEmpty { i += 1 }
        while i < lines.count, parts.count < 5 {
            let line = lines[i].trimming(" \t*")
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
            // Compared in place: an array made of the bytes at each offset
            // of the header was 2% of the build (callgrind).
            if b[i] == so[0], (1..<so.count).allSatisfy({ b[i + $0] == so[$0] }),
               i == 0 || b[i - 1] == 0x20 || b[i - 1] == 0x0A || b[i - 1] == 0x09 {
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

    /// "Long An, ngày 13 tháng 7 năm 2023"; "Thủ Thừa, ngày tháng năm 2021" gives the year only.
    /// A linear scan: "ngày" [day] "tháng" [month] "năm" year, any case, with
    /// the place before the comma that precedes "ngày" (back to a tab, line
    /// end, comma or colon).
    func placeAndDate(in header: String) -> (String?, DocumentDate?) {
        let bytes = Array(header.utf8)
        let tokens = Analyzer().tokens(in: header)
        func onlySpace(_ from: Int, _ to: Int) -> Bool {
            from <= to && bytes[from..<to].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
        }
        func number(_ t: Token, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(t.folded.utf8.count), t.folded.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int(t.folded)
        }
        for i in tokens.indices where tokens[i].folded == "ngay" {
            var j = i + 1
            var day: Int? = nil, month: Int? = nil
            if j < tokens.count, let d = number(tokens[j], digits: 1...2) { day = d; j += 1 }
            guard j < tokens.count, tokens[j].folded == "thang" else { continue }
            j += 1
            if j < tokens.count, let m = number(tokens[j], digits: 1...2) { month = m; j += 1 }
            guard j + 1 < tokens.count, tokens[j].folded == "nam", let year = number(tokens[j + 1], digits: 4...4) else { continue }
            let spanOK = (i..<(j + 1)).allSatisfy { onlySpace(tokens[$0].byteRange.upperBound, tokens[$0 + 1].byteRange.lowerBound) }
            guard spanOK else { continue }
            // The comma before "ngày", then the place back to a separator.
            var k = tokens[i].byteRange.lowerBound
            while k > 0 && (bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09 || bytes[k - 1] == 0x0A) { k -= 1 }
            guard k > 0, bytes[k - 1] == UInt8(ascii: ",") else { continue }
            let placeEnd = k - 1
            var placeStart = placeEnd
            while placeStart > 0, ![0x09, 0x0A, UInt8(ascii: ","), UInt8(ascii: ":")].contains(bytes[placeStart - 1]) { placeStart -= 1 }
            var place: String? = String(decoding: bytes[placeStart..<placeEnd], as: UTF8.self).trimmingSpaces()
            if let p = place, let lastSymbol = p.range(of: "/", options: .backwards) {
                place = p[lastSymbol.upperBound...].split(separator: " ").dropFirst().joined(separator: " ")
            }
            if place?.isEmpty == true { place = nil }
            place = place.map(AgencyNameParser.canonicalSpelling)
            return (place, DocumentDate(year: year, month: month.flatMap { (1...12).contains($0) ? $0 : nil },
                                        day: day.flatMap { (1...31).contains($0) ? $0 : nil }))
        }
        return (nil, nil)
    }

    // MARK: - Issuer

    /// The opening of the body: from the type line to section I (at most 4,000
    /// characters), and the byte where it starts in the text that `lines`
    /// split at "\n": it is whole lines of it, from the one after the type line.
    func preamble(lines: [String], typeLine: Int?) -> (text: String, start: Int) {
        let first = (typeLine ?? -1) + 1
        let start = lines.prefix(first).reduce(0) { $0 + $1.utf8.count + 1 }
        var out: [String] = []
        var size = 0
        for line in lines.dropFirst(first) {
            if TextLayout.isSectionOne(line.trimming(" \t*#")) { break }
            out.append(line)
            size += line.utf8.count
            if size > 4000 { break }
        }
        return (out.joined(separator: "\n"), start)
    }

    /// "Sở GD&ĐT ban hành kế hoạch", "Phòng Giáo dục và Đào tạo xây dựng kế hoạch".
    /// With `analyzed` (the whole text, where the preamble starts at byte
    /// `start`), its words are those of the text within the preamble.
    func actingAgency(in preamble: String, analyzed: (text: AnalyzedText, start: Int)? = nil) -> Agency? {
        let tokens: [Token], bytes: [UInt8]
        if let (text, start) = analyzed {
            let end = start + preamble.utf8.count
            var lo = 0, hi = text.tokens.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if text.tokens[mid].byteRange.lowerBound < start { lo = mid + 1 } else { hi = mid }
            }
            var last = lo
            while last < text.tokens.count && text.tokens[last].byteRange.upperBound <= end { last += 1 }
            tokens = Array(text.tokens[lo..<last])
            bytes = text.bytes
        } else {
            tokens = Analyzer().tokens(in: preamble)
            bytes = Array(preamble.utf8)
        }
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

    func issuer(number: PlanNumber?, header: [Agency], preamble: String, in analyzed: (AnalyzedText, Int)? = nil,
                place: String?, text: String) -> Agency? {
        let acting = actingAgency(in: preamble, analyzed: analyzed)
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

    /// The latest year among dates written d/m/yyyy ("26/5/2022"), 1900–2099.
    func latestYear(in text: String) -> Int? {
        let b = Array(text.utf8)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        func digitsRun(from i: Int) -> Int { var j = i; while isDigit(j) { j += 1 }; return j - i }
        var best: Int? = nil
        var i = 0
        while i < b.count {
            // A date starts where no digit or slash precedes.
            guard isDigit(i), !isDigit(i - 1), i == 0 || b[i - 1] != UInt8(ascii: "/") else { i += 1; continue }
            let d = digitsRun(from: i)
            var j = i + d
            guard (1...2).contains(d), j < b.count, b[j] == UInt8(ascii: "/") else { i = j; continue }
            let m = digitsRun(from: j + 1)
            j += 1 + m
            guard (1...2).contains(m), j < b.count, b[j] == UInt8(ascii: "/") else { i = j; continue }
            let y = digitsRun(from: j + 1)
            if y == 4, b[j + 1] == UInt8(ascii: "1") && b[j + 2] == UInt8(ascii: "9") || b[j + 1] == UInt8(ascii: "2") && b[j + 2] == UInt8(ascii: "0"),
               let year = Int(String(decoding: b[(j + 1)..<(j + 5)], as: UTF8.self)) {
                best = max(best ?? year, year)
            }
            i = j + 1 + y
        }
        return best
    }

    // MARK: - Signer

    private static let signerTitles = ["GIÁM ĐỐC", "TRƯỞNG", "CHỦ TỊCH", "HIỆU TRƯỞNG", "CHÁNH", "BÍ THƯ", "THỦ TRƯỞNG"]

    /// The signature block after "Nơi nhận": title lines, then the signer's name.
    func signer(lines: [String]) -> Signer? {
        // Only the lines from "Nơi nhận" on are trimmed: trimming every line
        // of the plan to find it was a fifth of this search (callgrind).
        let start = lines.firstIndex(where: Self.opensRecipients) ?? 0
        let cleaned = lines[start...].map { $0.trimming(" \t*") }
        var i = cleaned.startIndex
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

    /// Whether `line`, without " \t*" around it, starts "Nơi nhận" (folded):
    /// the first other byte, when an ASCII letter other than "n", says no.
    private static func opensRecipients(_ line: String) -> Bool {
        guard let b = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: "*") }) else { return false }
        if b < 0x80 && b | 0x20 != UInt8(ascii: "n") { return false }
        return Folding.foldedHasPrefix(line.trimming(" \t*"), "noi nhan")
    }

    private func isTitleLine(_ line: String) -> Bool {
        guard !line.isEmpty, line.isUnchangedByUppercasing, line.hasAtMostCharacters(40) else { return false }
        let folded = Folding.fold(line)
        if folded.hasPrefix("kt.") || folded.hasPrefix("tm.") || folded.hasPrefix("tl.") || folded.hasPrefix("q.") { return true }
        // Sought byte by byte (both are NFC): Foundation's String.contains took
        // 8,000 instructions a call, 42 M of the 2,000 plans' build (callgrind).
        var line = line
        return line.withUTF8 { bytes in Self.signerTitleBytes.contains { Self.holds(bytes, $0) } }
    }

    /// Whether `bytes` hold `part` somewhere.
    static func holds(_ bytes: UnsafeBufferPointer<UInt8>, _ part: [UInt8]) -> Bool {
        guard bytes.count >= part.count else { return false }
        starts: for start in 0...(bytes.count - part.count) {
            for k in part.indices where bytes[start + k] != part[k] { continue starts }
            return true
        }
        return false
    }

    private static let signerTitleBytes = signerTitles.map { Array($0.utf8) }

    private func isPersonName(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard (2...6).contains(words.count), !line.isUnchangedByUppercasing else { return false }
        return words.allSatisfy { w in w.first.map { $0.isUppercase } == true && w.allSatisfy { $0.isLetter } }
    }
}
