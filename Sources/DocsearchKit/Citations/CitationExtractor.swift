import Foundation

/// Finds every reference to another document in a plan's NFC text (from
/// `TextNormalizer.normalize`): full symbols with or without a kind word
/// ("Chỉ thị số 20 - CT/TW", "theo 1373/QĐ-TTg"), and shorthands ("Chỉ thị 20")
/// that name a document written in full elsewhere in the same text. The
/// plan's own number ("Số: 2421/KH-SGDĐT") is not a citation.
public struct CitationExtractor: Sendable {
    private let analyzer = Analyzer()

    public init() {}

    /// Every mention, in text order, with its role.
    public func mentions(in text: String) -> [CitationMention] {
        mentions(in: AnalyzedText(text, analyzer: analyzer))
    }

    /// Every mention, in text order, with its role, in an analysed text.
    public func mentions(in analyzed: AnalyzedText) -> [CitationMention] {
        let bytes = analyzed.bytes
        let tokens = analyzed.tokens
        let layout = TextLayout(bytes: bytes)
        var found: [CitationMention] = []

        for s in SymbolScanner.scanAll(bytes, caseRule: .document) {
            let numberToken = firstToken(at: s.range.lowerBound, in: tokens)
            let before = kindBefore(tokenIndex: numberToken, tokens: tokens, bytes: bytes)
            if before.kind == nil, isOwnNumber(afterSo: before.soToken, tokens: tokens, bytes: bytes) { continue }
            var citation = Citation(kind: s.kind ?? before.kind ?? (s.typeCode == nil ? .law : nil),
                                    number: s.number, year: s.year, typeCode: s.typeCode,
                                    issuerCode: s.issuerCode, symbol: s.symbol)
            let after = firstToken(at: s.range.upperBound, in: tokens)
            let (date, afterDate) = dateAfter(tokenIndex: after, tokens: tokens, bytes: bytes, from: s.range.upperBound)
            citation.date = date
            citation.issuerText = issuerAfter(tokenIndex: afterDate.token, tokens: tokens, bytes: bytes, from: afterDate.byte)
            let start = before.startByte ?? s.range.lowerBound
            found.append(CitationMention(citation: citation, byteRange: start..<s.range.upperBound,
                                         role: layout.role(at: start), isShorthand: false))
        }
        found.append(contentsOf: shorthands(tokens: tokens, bytes: bytes, full: found, layout: layout))
        return found.sorted { $0.byteRange.lowerBound < $1.byteRange.lowerBound }
    }

    /// The distinct documents cited, in order of first mention, details merged.
    public func citations(in text: String) -> [CitedDocument] {
        citations(in: AnalyzedText(text, analyzer: analyzer))
    }

    /// The distinct documents cited in an analysed text.
    public func citations(in analyzed: AnalyzedText) -> [CitedDocument] {
        var order: [String] = []
        var byKey: [String: CitedDocument] = [:]
        for m in mentions(in: analyzed) {
            let key = m.citation.key
            if var doc = byKey[key] {
                doc.mentions.append(m.byteRange)
                if !doc.roles.contains(m.role) { doc.roles.append(m.role); doc.roles.sort() }
                if doc.citation.date == nil { doc.citation.date = m.citation.date }
                if doc.citation.issuerText == nil { doc.citation.issuerText = m.citation.issuerText }
                if doc.citation.kind == nil { doc.citation.kind = m.citation.kind }
                byKey[key] = doc
            } else {
                order.append(key)
                byKey[key] = CitedDocument(citation: m.citation, roles: [m.role], mentions: [m.byteRange])
            }
        }
        return order.compactMap { byKey[$0] }
    }

    // MARK: - Kind word before a number

    struct KindBefore {
        var kind: DocumentKind?
        var startByte: Int?
        var soToken: Int?
    }

    /// Looks left of the number token for "[kind words] [số[:]]".
    func kindBefore(tokenIndex t: Int, tokens: [Token], bytes: [UInt8]) -> KindBefore {
        var result = KindBefore()
        var j = t - 1
        var right = t
        if j >= 0, tokens[j].folded == "so", onlySpace(bytes, tokens[j].byteRange.upperBound, rightStart(tokens, right, bytes), allowColon: true) {
            result.soToken = j
            right = j
            j -= 1
        }
        guard j >= 0 else { return result }
        if let (kind, first) = kindPhrase(endingAt: j, before: right, tokens: tokens, bytes: bytes) {
            result.kind = kind
            result.startByte = tokens[first].byteRange.lowerBound
        }
        return result
    }

    private func rightStart(_ tokens: [Token], _ i: Int, _ bytes: [UInt8]) -> Int {
        i < tokens.count ? tokens[i].byteRange.lowerBound : bytes.count
    }

    /// A kind phrase whose last word is token `j` and which is followed only by spaces up to token `right`.
    func kindPhrase(endingAt j: Int, before right: Int, tokens: [Token], bytes: [UInt8]) -> (DocumentKind, Int)? {
        guard onlySpace(bytes, tokens[j].byteRange.upperBound, rightStart(tokens, right, bytes), allowColon: false) else { return nil }
        for phrase in DocumentCodes.kindPhrases where !phrase.isAbbreviation {
            let w = phrase.words.count
            let first = j - w + 1
            guard first >= 0 else { continue }
            var ok = true
            for k in 0..<w {
                if tokens[first + k].folded != phrase.words[k] { ok = false; break }
                if k > 0, !onlySpace(bytes, tokens[first + k - 1].byteRange.upperBound, tokens[first + k].byteRange.lowerBound, allowColon: false) {
                    ok = false; break
                }
            }
            if ok { return (phrase.kind, first) }
        }
        return nil
    }

    /// "Số: 2421/KH-SGDĐT" at the start of a line: the plan's own number.
    func isOwnNumber(afterSo so: Int?, tokens: [Token], bytes: [UInt8]) -> Bool {
        guard let so = so else { return false }
        var i = tokens[so].byteRange.lowerBound - 1
        while i >= 0 {
            let c = bytes[i]
            if c == 0x0A { return true }
            if c != 0x20 && c != 0x09 && c != UInt8(ascii: "*") { return false }
            i -= 1
        }
        return true
    }

    // MARK: - Date and issuer after a symbol

    /// "ngày 20/7/2010", ", ngày 05/11/2012", "ngày 20 tháng 7 năm 2010".
    func dateAfter(tokenIndex k: Int, tokens: [Token], bytes: [UInt8], from: Int) -> (DocumentDate?, (token: Int, byte: Int)) {
        let none: (DocumentDate?, (token: Int, byte: Int)) = (nil, (k, from))
        guard k + 3 < tokens.count, tokens[k].folded == "ngay",
              onlySpace(bytes, from, tokens[k].byteRange.lowerBound, allowColon: false, allowComma: true) else { return none }
        let t1 = tokens[k + 1], t2 = tokens[k + 2], t3 = tokens[k + 3]
        if let d = Int(t1.folded), let m = Int(t2.folded), let y = Int(t3.folded), t3.folded.count == 4,
           gapIsDateSeparator(bytes, t1.byteRange.upperBound, t2.byteRange.lowerBound),
           gapIsDateSeparator(bytes, t2.byteRange.upperBound, t3.byteRange.lowerBound) {
            return (validDate(y, m, d), (k + 4, t3.byteRange.upperBound))
        }
        if k + 5 < tokens.count, let d = Int(t1.folded), t2.folded == "thang", let m = Int(t3.folded),
           tokens[k + 4].folded == "nam", let y = Int(tokens[k + 5].folded) {
            return (validDate(y, m, d), (k + 6, tokens[k + 5].byteRange.upperBound))
        }
        return none
    }

    private func validDate(_ y: Int, _ m: Int, _ d: Int) -> DocumentDate? {
        guard (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return DocumentDate(year: y, month: m, day: d)
    }

    private func gapIsDateSeparator(_ b: [UInt8], _ from: Int, _ to: Int) -> Bool {
        guard to - from == 1, from < b.count else { return false }
        return b[from] == UInt8(ascii: "/") || b[from] == UInt8(ascii: "-") || b[from] == UInt8(ascii: ".")
    }

    /// Words allowed lower-case inside an agency name ("Ủy ban nhân dân tỉnh").
    static let agencyNameWords: Set<String> = [
        "nhân", "dân", "tỉnh", "huyện", "thành", "phố", "quận", "thị", "xã", "trấn", "phường", "và", "chỉ", "đạo",
        "đảng", "bí", "thư", "chính", "trị", "phủ", "trung", "ương", "khóa", "tài", "giáo", "dục", "đào", "tạo",
        "tư", "pháp", "quyền", "lao", "động", "thương", "binh", "hội", "tuyên", "nội", "vụ", "y", "tế", "thông",
        "tin", "truyền", "văn", "hóa", "thể", "du", "lịch", "ban", "ủy", "sở", "bộ", "phòng", "quốc", "tướng", "chấp", "hành",
    ]

    static let placeWords: Set<String> = ["tỉnh", "huyện", "phố", "quận", "xã", "trấn", "phường"]

    /// "của Ban Bí thư Trung ương Đảng khóa X" → "Ban Bí thư Trung ương Đảng khóa X".
    func issuerAfter(tokenIndex k: Int, tokens: [Token], bytes: [UInt8], from: Int) -> String? {
        guard k < tokens.count, tokens[k].folded == "cua",
              onlySpace(bytes, from, tokens[k].byteRange.lowerBound, allowColon: false, allowComma: true) else { return nil }
        var last = -1
        var afterPlaceWord = false
        var i = k + 1
        while i < tokens.count, i - k <= 14 {
            let t = tokens[i]
            let gapStart = i == k + 1 ? tokens[k].byteRange.upperBound : tokens[i - 1].byteRange.upperBound
            guard nameGap(bytes, gapStart, t.byteRange.lowerBound) else { break }
            let firstByte = bytes[t.byteRange.lowerBound]
            let upper = SymbolScanner.scalar(in: bytes, at: t.byteRange.lowerBound)?.properties.isUppercase ?? false
            // A capital starts a Roman numeral ("khóa XII") as it does a name.
            if !(upper || Self.agencyNameWords.contains(t.exact)) || SymbolScanner.isDigit(firstByte) { break }
            // "về" and friends end the name even when the next word is capitalised.
            if t.exact == "về" || t.exact == "tại" || t.exact == "theo" { break }
            // After "tỉnh", "huyện"… only the capitalised place name may follow.
            if afterPlaceWord && !upper { break }
            if !upper, t.exact == "ban", i + 1 < tokens.count, tokens[i + 1].exact == "hành" { break }
            afterPlaceWord = Self.placeWords.contains(t.exact)
            last = i
            i += 1
        }
        guard last > k else { return nil }
        let range = tokens[k + 1].byteRange.lowerBound..<tokens[last].byteRange.upperBound
        return Self.joinedAtBlanks(bytes, range, words: tokens[(k + 1)...last])
    }

    /// The text of `range`, which runs from the first of `words` to the last,
    /// with each run of spaces, tabs and line breaks between them made one
    /// space (the gaps hold only ASCII, `nameGap`). From the bytes, unless a
    /// word's edge may join the blank beside it into one Character, which a
    /// split of the Characters would keep whole: a word starting with a mark
    /// (or a spacing mark), or ending in a scalar from U+0600 on other than a
    /// Vietnamese letter (where the prepended ones lie). Splitting every
    /// issuer's name into Characters was half of reading it (callgrind).
    static func joinedAtBlanks(_ bytes: [UInt8], _ range: Range<Int>, words: ArraySlice<Token>) -> String {
        func mayJoin(_ before: Token, _ after: Token) -> Bool {
            if let s = SymbolScanner.scalar(in: bytes, before: before.byteRange.upperBound), s.value >= 0x600,
               !(0x1E00...0x1EFF).contains(s.value) { return true }
            guard let s = SymbolScanner.scalar(in: bytes, at: after.byteRange.lowerBound), s.value >= 0x80 else { return false }
            return s.properties.isGraphemeExtend || s.properties.generalCategory == .spacingMark
        }
        if zip(words, words.dropFirst()).contains(where: mayJoin) {
            let raw = String(decoding: bytes[range], as: UTF8.self)
            return raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var blank = false
        for b in bytes[range] {
            if b == 0x20 || b == 0x0A || b == 0x09 { blank = true; continue }
            if blank && !out.isEmpty { out.append(0x20) }
            blank = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Gap inside a name: spaces with at most one line break, or " - ", "&", ", " before a capital ("Văn hóa, Thể thao").
    private func nameGap(_ b: [UInt8], _ from: Int, _ to: Int) -> Bool {
        guard from <= to, to <= b.count else { return false }
        var newlines = 0
        var others = 0
        for i in from..<to {
            switch b[i] {
            case 0x20, 0x09: continue
            case 0x0A: newlines += 1
            case UInt8(ascii: "-"), UInt8(ascii: "&"): others += 1
            default: return false
            }
        }
        return newlines <= 1 && others <= 1
    }

    // MARK: - Shorthands

    /// "Chỉ thị 20" / "Chỉ thị số 20" resolved to a full form of the same kind and number in the text.
    func shorthands(tokens: [Token], bytes: [UInt8], full: [CitationMention], layout: TextLayout) -> [CitationMention] {
        guard !full.isEmpty else { return [] }
        // Lookups instead of scans of every full mention per number: a long file
        // holds thousands of both, and the scans made it quadratic.
        let ranges = full.map(\.byteRange).sorted { $0.lowerBound < $1.lowerBound }
        var reach: [Int] = []   // reach[i]: the furthest end among ranges[0...i]
        reach.reserveCapacity(ranges.count)
        for r in ranges { reach.append(max(reach.last ?? 0, r.upperBound)) }
        func insideFull(_ byte: Int) -> Bool {
            var lo = 0, hi = ranges.count   // first range starting after `byte`
            while lo < hi { let mid = (lo + hi) / 2; if ranges[mid].lowerBound <= byte { lo = mid + 1 } else { hi = mid } }
            return lo > 0 && reach[lo - 1] > byte
        }
        struct KindNumber: Hashable { var kind: DocumentKind?; var number: Int }
        var byKindNumber: [KindNumber: [CitationMention]] = [:]   // each list in text order
        for m in full.sorted(by: { $0.byteRange.lowerBound < $1.byteRange.lowerBound }) {
            byKindNumber[KindNumber(kind: m.citation.kind, number: m.citation.number), default: []].append(m)
        }
        var out: [CitationMention] = []
        for t in tokens.indices where t > 0 {
            // Only a word starting with a digit or a sign can be a number:
            // parsing every word of a plan as one was 1% of indexing (callgrind).
            // A word written with an ASCII letter first folds to a letter
            // first: told by the text's byte, without the folded form's
            // first byte (55 M of the 2,000 plans' build, callgrind), and
            // before the token is copied (its Strings retained and released).
            let written = bytes[tokens[t].byteRange.lowerBound]
            if written < 0x80, !SymbolScanner.isDigit(written), written != 0x2B, written != 0x2D { continue }
            let token = tokens[t]
            guard let lead = token.folded.utf8.first, SymbolScanner.isDigit(lead) || lead == 0x2B || lead == 0x2D,
                  let number = Int(token.folded), token.folded.hasAtMostCharacters(6), token.folded.allSatisfy(\.isASCII) else { continue }
            let start = token.byteRange.lowerBound
            if insideFull(start) { continue }
            // Not the start of a date, a range or a symbol written oddly.
            let next = SymbolScanner.skipHorizontalSpace(bytes, token.byteRange.upperBound)
            if next < bytes.count, SymbolScanner.separator(bytes, next) != nil || bytes[next] == UInt8(ascii: "%")
                || bytes[next] == UInt8(ascii: ".") && next + 1 < bytes.count && SymbolScanner.isDigit(bytes[next + 1]) { continue }
            let before = kindBefore(tokenIndex: t, tokens: tokens, bytes: bytes)
            guard let kind = before.kind, let kindStart = before.startByte else { continue }
            // The closest full form before the shorthand, else the first one after it.
            guard let same = byKindNumber[KindNumber(kind: kind, number: number)], let first = same.first else { continue }
            var lo = 0, hi = same.count   // first mention starting at or after `start`
            while lo < hi { let mid = (lo + hi) / 2; if same[mid].byteRange.lowerBound < start { lo = mid + 1 } else { hi = mid } }
            let resolved = lo > 0 ? same[lo - 1] : first
            var citation = resolved.citation
            citation.date = nil
            citation.issuerText = nil
            out.append(CitationMention(citation: citation, byteRange: kindStart..<token.byteRange.upperBound,
                                       role: layout.role(at: kindStart), isShorthand: true))
        }
        return out
    }

    // MARK: - Helpers

    /// Index of the first token starting at or after `byte`.
    func firstToken(at byte: Int, in tokens: [Token]) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].byteRange.lowerBound < byte { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Only blanks (one line break at most) between `from` and `to`; optionally ":" or ",".
    func onlySpace(_ b: [UInt8], _ from: Int, _ to: Int, allowColon: Bool, allowComma: Bool = false) -> Bool {
        guard from <= to, to <= b.count else { return false }
        var newlines = 0
        for i in from..<to {
            switch b[i] {
            case 0x20, 0x09: continue
            case 0x0A: newlines += 1
            case UInt8(ascii: ":") where allowColon: continue
            case UInt8(ascii: ",") where allowComma: continue
            default: return false
            }
        }
        return newlines <= 1
    }
}
