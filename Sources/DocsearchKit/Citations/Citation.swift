import Foundation

/// A calendar date as documents write it; day and month may be left blank
/// ("ngày tháng năm 2021").
public struct DocumentDate: Codable, Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// "2023-07-13", "2021-10" or "2021". Padded by hand: `String(format:)`
    /// was 2% of the index build (perf).
    public var iso: String {
        var s = Self.zeroPadded(year, width: 4)
        if let m = month { s += "-" + Self.zeroPadded(m, width: 2) }
        if let d = day, month != nil { s += "-" + Self.zeroPadded(d, width: 2) }
        return s
    }

    /// `n` in at least `width` characters, as `%0<width>d` writes it (a minus sign counts).
    static func zeroPadded(_ n: Int, width: Int) -> String {
        let digits = String(n.magnitude)
        let sign = n < 0 ? "-" : ""
        let zeros = max(0, width - sign.count - digits.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }

    public var description: String { iso }
}

/// How a plan cites a document (vai trò dẫn chiếu).
public enum CitationRole: String, Codable, Sendable, CaseIterable, Comparable {
    /// Căn cứ / Thực hiện: in the title or the opening sentences before section I.
    case legalBasis
    /// A mention in the body.
    case body
    /// In a footnote (chú thích).
    case footnote

    public static func < (a: CitationRole, b: CitationRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One cited document (văn bản được dẫn chiếu), as far as the text gives it.
public struct Citation: Codable, Sendable, Hashable {
    /// What the document is: from the type code, else from the kind word before it.
    public var kind: DocumentKind?
    /// The number, leading zeros dropped ("04/KH-BCĐNQ" → 4).
    public var number: Int
    /// The year written inside the symbol ("162/2017/NĐ-CP" → 2017).
    public var year: Int?
    /// Official type code ("CT", "QĐ"); nil for laws ("97/2015/QH13").
    public var typeCode: String?
    /// Issuing agency code ("TW", "TTg", "BCĐNQ", "QH13").
    public var issuerCode: String?
    /// Display form: "20-CT/TW", "162/2017/NĐ-CP", "14/CT-TTg" (no spaces, no leading zeros).
    public var symbol: String
    /// Issue date when written after the symbol ("ngày 20/7/2010").
    public var date: DocumentDate?
    /// Issuer as written after the symbol ("Ban Bí thư Trung ương Đảng khóa X").
    public var issuerText: String?

    public init(kind: DocumentKind?, number: Int, year: Int?, typeCode: String?, issuerCode: String?,
                symbol: String, date: DocumentDate? = nil, issuerText: String? = nil) {
        self.kind = kind
        self.number = number
        self.year = year
        self.typeCode = typeCode
        self.issuerCode = issuerCode
        self.symbol = symbol
        self.date = date
        self.issuerText = issuerText
    }

    /// The canonical key: number without leading zeros plus the symbol, no
    /// diacritics (Đ→D), upper case, no whitespace: "20-CT/TW", "1373/QD-TTG",
    /// "162/2017/ND-CP". Two citations are the same document iff keys are equal.
    public var key: String { Citation.canonicalKey(ofSymbol: symbol) }

    /// Keys for "kind + number [+ year]" lookups: "CT:20"; "ND:162" and "ND:162:2017".
    /// A query "Chỉ thị 20" asks for "CT:20" and finds any directive numbered 20.
    public var kindKeys: [String] {
        guard let kind = kind else { return [] }
        var keys = [Citation.kindKey(kind: kind, number: number, year: nil)]
        if let y = year { keys.append(Citation.kindKey(kind: kind, number: number, year: y)) }
        return keys
    }

    /// "CT:20", "ND:162:2017".
    public static func kindKey(kind: DocumentKind, number: Int, year: Int?) -> String {
        if let y = year { return "\(kind.keyCode):\(number):\(y)" }
        return "\(kind.keyCode):\(number)"
    }

    /// Canonical key of a symbol string as a manifest or a user writes it
    /// ("1373/QĐ-TTg", "04 /KH-BCĐNQ", "20 - ct/tw"). Whitespace is removed,
    /// diacritics folded, case upper, leading zeros of the number dropped.
    /// Remembered: a plan's symbols are those of thousands of others, and
    /// their keys are asked for again for every mention and record.
    public static func canonicalKey(ofSymbol symbol: String) -> String {
        canonicalKeyMemo.value(for: TextKey(symbol)) { canonicalKeyOnce(ofSymbol: symbol) }
    }

    private static let canonicalKeyMemo = BoundedCache<TextKey, String>(capacity: 4096)

    static func canonicalKeyOnce(ofSymbol symbol: String) -> String {
        let normalized = TextNormalizer.normalize(symbol)
        var compact = ""
        // Most symbols hold no space: walking their Characters to drop none
        // was 1% of indexing (callgrind).
        if mayHoldWhitespace(normalized.utf8) {
            for ch in normalized where !ch.isWhitespace { compact.append(ch) }
        } else {
            compact = normalized
        }
        var folded = Folding.foldedUppercased(compact)
        // Drop leading zeros of the number (but keep a lone "0").
        var zeros = 0
        var scan = folded.startIndex
        while scan < folded.endIndex, folded[scan] == "0" {
            let next = folded.index(after: scan)
            guard next < folded.endIndex, folded[next].isASCII, folded[next].isNumber else { break }
            zeros += 1
            scan = next
        }
        if zeros > 0 { folded.removeFirst(zeros) }
        return folded
    }

    /// False only when no scalar of the text is Unicode White_Space (what
    /// `Character.isWhitespace` tests): tab to carriage return, space, U+0085,
    /// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
    static func mayHoldWhitespace(_ utf8: String.UTF8View) -> Bool {
        var it = utf8.makeIterator()
        while let b = it.next() {
            switch b {
            case 0x09...0x0D, 0x20:
                return true
            case 0xC2:
                if let c = it.next(), c == 0x85 || c == 0xA0 { return true }
            case 0xE1, 0xE2, 0xE3:
                // The scalar's three bytes are read together.
                guard let c = it.next(), let d = it.next() else { return false }
                switch (b, c, d) {
                case (0xE1, 0x9A, 0x80), (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9),
                     (0xE2, 0x80, 0xAF), (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80):
                    return true
                default:
                    break
                }
            default:
                break
            }
        }
        return false
    }
}

/// One place in a text where a document is cited.
public struct CitationMention: Codable, Sendable, Hashable {
    public var citation: Citation
    /// UTF-8 byte range in the NFC text: from the kind word (if any) to the end of the symbol.
    public var byteRange: Range<Int>
    public var role: CitationRole
    /// True for a shorthand ("Chỉ thị 20") resolved against a full form in the same text.
    public var isShorthand: Bool

    public init(citation: Citation, byteRange: Range<Int>, role: CitationRole, isShorthand: Bool) {
        self.citation = citation
        self.byteRange = byteRange
        self.role = role
        self.isShorthand = isShorthand
    }
}

/// A document cited by a plan, with every mention merged.
public struct CitedDocument: Codable, Sendable, Hashable {
    /// Details merged over the mentions (kind, date and issuer from whichever gives them).
    public var citation: Citation
    /// Roles it is cited in, sorted: legal basis first.
    public var roles: [CitationRole]
    /// Byte ranges of all mentions in the text, in order.
    public var mentions: [Range<Int>]

    public var key: String { citation.key }

    public init(citation: Citation, roles: [CitationRole], mentions: [Range<Int>]) {
        self.citation = citation
        self.roles = roles
        self.mentions = mentions
    }
}
