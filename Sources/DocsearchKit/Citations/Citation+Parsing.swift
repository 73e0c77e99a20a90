import Foundation

/// What a reference typed by a user asks for.
public enum CitationLookupKey: Codable, Sendable, Hashable {
    /// A full symbol: matches `Citation.key` ("20-CT/TW", "1373/QD-TTG").
    case canonical(String)
    /// Kind and number, maybe year: matches one of `Citation.kindKeys` ("CT:20", "ND:162:2017").
    case kindNumber(String)
}

/// A reference found in a query, and where.
public struct CitationQuery: Codable, Sendable, Hashable {
    /// UTF-8 byte range in `TextNormalizer.normalize(query)`.
    public var byteRange: Range<Int>
    public var key: CitationLookupKey
    public var kind: DocumentKind?
    public var number: Int
    public var year: Int?

    public init(byteRange: Range<Int>, key: CitationLookupKey, kind: DocumentKind?, number: Int, year: Int?) {
        self.byteRange = byteRange
        self.key = key
        self.kind = kind
        self.number = number
        self.year = year
    }
}

extension Citation {
    /// References in a query: "Chỉ thị 20", "chi thi 20", "CHỈ THỊ SỐ 20-CT/TW",
    /// "QĐ 1373", "qd 1373", "1373/QĐ-TTg", "nghi dinh 162/2017", "2421/KH-SGDĐT".
    /// Byte ranges refer to `TextNormalizer.normalize(query)`.
    public static func parseQuery(_ query: String) -> [CitationQuery] {
        let text = TextNormalizer.normalize(query)
        let bytes = Array(text.utf8)
        let tokens = Analyzer().tokens(in: text)
        let extractor = CitationExtractor()
        var out: [CitationQuery] = []

        for s in SymbolScanner.scanAll(bytes, caseRule: .anyCase) {
            let t = extractor.firstToken(at: s.range.lowerBound, in: tokens)
            let before = kindBeforeInQuery(tokenIndex: t, tokens: tokens, bytes: bytes, extractor: extractor)
            let kind = s.kind ?? before.kind ?? (s.typeCode == nil ? .law : nil)
            out.append(CitationQuery(byteRange: (before.start ?? s.range.lowerBound)..<s.range.upperBound,
                                     key: .canonical(canonicalKey(ofSymbol: s.symbol)), kind: kind, number: s.number, year: s.year))
        }

        for (t, token) in tokens.enumerated() where t > 0 {
            guard token.folded.allSatisfy({ $0.isASCII && $0.isNumber }), token.folded.count <= 6,
                  let number = Int(token.folded) else { continue }
            let start = token.byteRange.lowerBound
            if out.contains(where: { $0.byteRange.contains(start) }) { continue }
            let before = kindBeforeInQuery(tokenIndex: t, tokens: tokens, bytes: bytes, extractor: extractor)
            guard let kind = before.kind, let kindStart = before.start else { continue }
            var end = token.byteRange.upperBound
            var year: Int?
            // "162/2017": a year after a slash.
            if t + 1 < tokens.count, tokens[t + 1].byteRange.lowerBound == end + 1, end < bytes.count,
               bytes[end] == UInt8(ascii: "/"), tokens[t + 1].folded.count == 4, let y = Int(tokens[t + 1].folded),
               (1945...2100).contains(y) {
                year = y
                end = tokens[t + 1].byteRange.upperBound
            } else {
                let next = SymbolScanner.skipHorizontalSpace(bytes, end)
                if next < bytes.count, SymbolScanner.separator(bytes, next) != nil { continue }
            }
            out.append(CitationQuery(byteRange: kindStart..<end, key: .kindNumber(kindKey(kind: kind, number: number, year: year)),
                                     kind: kind, number: number, year: year))
        }
        return out.sorted { $0.byteRange.lowerBound < $1.byteRange.lowerBound }
    }

    /// The references of a query and the query with them removed (the words left to search as text).
    public static func splitQuery(_ query: String) -> (references: [CitationQuery], remainder: String) {
        let refs = parseQuery(query)
        var bytes = Array(TextNormalizer.normalize(query).utf8)
        for r in refs.reversed() where r.byteRange.upperBound <= bytes.count {
            bytes.replaceSubrange(r.byteRange, with: [0x20])
        }
        let rest = String(decoding: bytes, as: UTF8.self)
        return (refs, rest.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " "))
    }

    /// One reference making up the whole input (as `docsearch cites X` takes it), or nil.
    public static func parseReference(_ input: String) -> CitationQuery? {
        let (refs, rest) = splitQuery(input)
        guard refs.count == 1 else { return nil }
        let leftover = Folding.fold(rest).split(separator: " ").filter { $0 != "so" && $0 != "so:" }
        return leftover.isEmpty ? refs[0] : nil
    }

    /// Kind words or abbreviations ("chi thi", "QĐ", "nd") and an optional "số" before token `t`.
    private static func kindBeforeInQuery(tokenIndex t: Int, tokens: [Token], bytes: [UInt8],
                                          extractor: CitationExtractor) -> (kind: DocumentKind?, start: Int?) {
        var j = t - 1
        var right = t
        let rightStart = { (i: Int) -> Int in i < tokens.count ? tokens[i].byteRange.lowerBound : bytes.count }
        if j >= 0, tokens[j].folded == "so",
           extractor.onlySpace(bytes, tokens[j].byteRange.upperBound, rightStart(right), allowColon: true) {
            right = j
            j -= 1
        }
        guard j >= 0, extractor.onlySpace(bytes, tokens[j].byteRange.upperBound, rightStart(right), allowColon: false) else {
            return (nil, nil)
        }
        for phrase in DocumentCodes.kindPhrases {
            let w = phrase.words.count
            let first = j - w + 1
            guard first >= 0 else { continue }
            var ok = true
            for k in 0..<w where tokens[first + k].folded != phrase.words[k] { ok = false; break }
            if ok {
                for k in 1..<max(w, 1) where !extractor.onlySpace(bytes, tokens[first + k - 1].byteRange.upperBound,
                                                                   tokens[first + k].byteRange.lowerBound, allowColon: false) {
                    ok = false
                }
            }
            if ok { return (phrase.kind, tokens[first].byteRange.lowerBound) }
        }
        return (nil, nil)
    }
}
