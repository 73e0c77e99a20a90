import Foundation

/// An agency name found in text, with the place written after it.
public struct AgencyMention: Sendable, Hashable {
    public var agency: Agency
    /// UTF-8 byte range of the whole mention, place included.
    public var byteRange: Range<Int>
    /// Index of the first token after the mention.
    var nextToken: Int
}

/// Reads agency names the ways plans write them: "UBND TỈNH LONG AN",
/// "Ủy ban nhân dân (UBND) huyện Hà Quảng", "Sở GD&ĐT", "Phòng GDĐT", "BGDĐT".
/// Names come from `DocumentCodes.agencies`.
public struct AgencyNameParser: Sendable {
    public init() {}

    /// Name variants as folded word sequences, longest first.
    static let variants: [(words: [String], agency: AgencyCode)] = {
        let analyzer = Analyzer()
        var out: [(words: [String], agency: AgencyCode)] = []
        for a in DocumentCodes.agencies where a.level != .party && a.level != .central || a.code == "TTg" || a.code == "CP" {
            for name in [a.name] + a.aliases {
                let words = analyzer.tokens(in: name).map(\.folded)
                if !words.isEmpty { out.append((words, a)) }
            }
        }
        return out.sorted { $0.words.count > $1.words.count }
    }()

    static let qualifiers: [(words: [String], display: String, level: AgencyLevel)] =
        DocumentCodes.placeQualifiers.map { (Folding.fold($0.word).split(separator: " ").map(String.init), $0.word, $0.level) }
            .sorted { $0.words.count > $1.words.count }

    /// Every agency mention in `text` (NFC), in order.
    public func mentions(in text: String) -> [AgencyMention] {
        mentions(in: AnalyzedText(text))
    }

    /// Every agency mention in an analysed text, in order.
    public func mentions(in analyzed: AnalyzedText) -> [AgencyMention] {
        var out: [AgencyMention] = []
        forEachMention(in: analyzed) { out.append($0); return true }
        return out
    }

    /// The first mention in an analysed text that `accept` takes (the
    /// first of `mentions(in:)` that it takes); the text after it is not
    /// read: a name resolved wants its first mention, a district plan its
    /// first provincial committee.
    func firstMention(in analyzed: AnalyzedText, where accept: (AgencyMention) -> Bool) -> AgencyMention? {
        var found: AgencyMention?
        forEachMention(in: analyzed) { m in
            guard accept(m) else { return true }
            found = m
            return false
        }
        return found
    }

    /// Calls `body` with each mention, in order, until it returns false.
    private func forEachMention(in analyzed: AnalyzedText, _ body: (AgencyMention) -> Bool) {
        let bytes = analyzed.bytes
        let tokens = analyzed.tokens
        var t = 0
        while t < tokens.count {
            if let m = mention(at: t, tokens: tokens, bytes: bytes) {
                guard body(m) else { return }
                t = max(m.nextToken, t + 1)
            } else {
                t += 1
            }
        }
    }

    /// Variant indexes by their first word, in `variants` order (longest first),
    /// so a token is only compared with the names it can start.
    static let variantsByFirstWord = WordTable(variants.enumerated().map { ($0.element.words[0], [$0.offset]) },
                                               combining: +)

    /// "đt1" → "đt": a footnote marker glued to a word.
    static func withoutFootnoteMarker(_ word: String) -> String {
        // Most words end in an ASCII letter, which is no number: asked for
        // every word of a plan, the Character walk below was 2% of the build.
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        // From the contiguous bytes: the view's own `last` took 76 instructions.
        guard let last = word.utf8.withContiguousStorageIfAvailable({ $0.last }) ?? word.utf8.last else { return word }
        if last < 0x80, !digits.contains(last) { return word }
        var w = Substring(word)
        // ASCII digits byte by byte, keeping the first byte: numbers ("2023",
        // "162") are common words, and counting the Characters left at each
        // digit dropped was 2.5% of the build (callgrind).
        let utf8 = w.utf8
        var end = utf8.endIndex
        while end > utf8.index(after: utf8.startIndex), digits.contains(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        w = Substring(utf8[..<end])
        // An ASCII word is done: its other Characters are no numbers.
        if w.utf8.allSatisfy({ $0 < 0x80 }) { return String(w) }
        // Other numbers ("²", "٣") a Character at a time.
        while let last = w.last, last.isNumber, w.count > 1 { w.removeLast() }
        return String(w)
    }

    func mention(at t: Int, tokens: [Token], bytes: [UInt8]) -> AgencyMention? {
        guard t < tokens.count else { return nil }
        let first = tokens[t].folded
        var candidates = Self.variantsByFirstWord[first] ?? []
        let trimmed = Self.withoutFootnoteMarker(first)
        if trimmed != first, let more = Self.variantsByFirstWord[trimmed] { candidates = (candidates + more).sorted() }
        guard !candidates.isEmpty else { return nil }
        // A name is copied out of `variants` (its words, code and names) only
        // once it matches: copied for every candidate, it was a tenth of
        // looking for names (callgrind).
        for i in candidates {
            let words = Self.variants[i].words
            let w = words.count
            guard t + w <= tokens.count else { continue }
            var ok = true
            for k in 0..<w {
                var word = tokens[t + k].folded
                // A footnote marker glued to the last word: "Sở GD&ĐT1".
                if k == w - 1 { word = Self.withoutFootnoteMarker(word) }
                if word != words[k] || (k > 0 && !shortGap(bytes, tokens[t + k - 1].byteRange.upperBound, tokens[t + k].byteRange.lowerBound)) {
                    ok = false; break
                }
            }
            guard ok else { continue }
            let v = Self.variants[i]
            let allCaps = isAllCaps(bytes, tokens[t].byteRange.lowerBound..<tokens[t + w - 1].byteRange.upperBound)
            var next = t + w
            var end = tokens[t + w - 1].byteRange.upperBound
            // "(UBND)", "(GDĐT)": an abbreviation in brackets.
            if next < tokens.count, let open = firstNonSpace(bytes, end), open < bytes.count, bytes[open] == UInt8(ascii: "("),
               let close = bytes[open...].firstIndex(of: UInt8(ascii: ")")), close - open < 20 {
                while next < tokens.count, tokens[next].byteRange.lowerBound < close { next += 1 }
                end = close + 1
            }
            var placeWord: String?
            var level = v.agency.level
            var place: String?
            if let q = qualifier(at: next, after: end, tokens: tokens, bytes: bytes) {
                placeWord = q.display
                if v.agency.levelFollowsPlace { level = q.level }
                next = q.next
                end = tokens[q.next - 1].byteRange.upperBound
                if let p = placeName(at: next, after: end, tokens: tokens, bytes: bytes, allCaps: allCaps) {
                    place = p.name
                    next = p.next
                    end = tokens[p.next - 1].byteRange.upperBound
                }
            }
            let agency = Agency(code: v.agency.code, name: v.agency.name, level: level, placeQualifier: placeWord, place: place)
            return AgencyMention(agency: agency, byteRange: tokens[t].byteRange.lowerBound..<end, nextToken: next)
        }
        return nil
    }

    private func qualifier(at t: Int, after end: Int, tokens: [Token], bytes: [UInt8]) -> (display: String, level: AgencyLevel, next: Int)? {
        guard t < tokens.count, shortGap(bytes, end, tokens[t].byteRange.lowerBound) else { return nil }
        for q in Self.qualifiers {
            let w = q.words.count
            guard t + w <= tokens.count else { continue }
            if (0..<w).allSatisfy({ tokens[t + $0].folded == q.words[$0] }) {
                // "Xã hội" in "Thương binh và Xã hội" is not a place.
                if q.display == "xã", t + 1 < tokens.count, tokens[t + 1].folded == "hoi" { return nil }
                return (q.display, q.level, t + w)
            }
        }
        return nil
    }

    /// Capitalised words after a qualifier ("Long An", "Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh");
    /// in an all-caps header line, the words up to the end of the column.
    private func placeName(at t: Int, after end: Int, tokens: [Token], bytes: [UInt8], allCaps: Bool) -> (name: String, next: Int)? {
        var words: [String] = []
        var i = t
        var previousEnd = end
        while i < tokens.count, words.count < 6 {
            let tok = tokens[i]
            let gapOK = words.isEmpty ? shortGap(bytes, previousEnd, tok.byteRange.lowerBound)
                                      : placeGap(bytes, previousEnd, tok.byteRange.lowerBound)
            guard gapOK else { break }
            let raw = String(decoding: bytes[tok.byteRange], as: UTF8.self)
            let upper = raw.first.map { $0.isUppercase } ?? false
            let continuesCity = words.last.map { Folding.fold($0) == "thanh" } == true && tok.folded == "pho"
            guard upper || continuesCity, !raw.contains(where: { $0.isNumber }) else { break }
            if !allCaps, words.count > 0, raw.isUnchangedByUppercasing, raw.count > 1 { break }   // an acronym after the name
            let hyphen = words.isEmpty ? false : bytes[previousEnd..<tok.byteRange.lowerBound].contains(UInt8(ascii: "-"))
            if hyphen { words.append("-") }
            words.append(raw)
            previousEnd = tok.byteRange.upperBound
            i += 1
        }
        guard !words.isEmpty else { return nil }
        return (Self.titleCase(words.joined(separator: " ")), i)
    }

    /// "LONG AN" → "Long An"; "THÀNH PHỐ HỒ CHÍ MINH" → "Thành phố Hồ Chí Minh".
    /// Remembered: a plan's places are those of thousands of others, and
    /// the Unicode case mappings cost 24,000 instructions a name (callgrind).
    static func titleCase(_ s: String) -> String {
        titleCaseMemo.value(for: TextKey(s)) { titleCaseOnce(s) }
    }

    private static let titleCaseMemo = BoundedCache<TextKey, String>(capacity: 4096)

    static func titleCaseOnce(_ s: String) -> String {
        let words = s.split(separator: " ").map { w -> String in
            guard let f = w.first else { return String(w) }
            return String(f).uppercased() + w.dropFirst().lowercased()
        }
        var out = words.joined(separator: " ")
        if out.hasPrefix("Thành Phố ") { out = "Thành phố " + out.dropFirst("Thành Phố ".count) }
        return canonicalSpelling(out)
    }

    /// One tone-mark placement ("Hoà Bình" → "Hòa Bình"), case kept.
    static func canonicalSpelling(_ s: String) -> String {
        s.split(separator: " ", omittingEmptySubsequences: false).map { w -> String in
            let word = String(w)
            let unified = Folding.exactWord(word)
            guard unified != word.lowercased() else { return word }
            let capital = word.first.map { $0.isUppercase } ?? false
            return capital ? String(unified.prefix(1)).uppercased() + unified.dropFirst() : unified
        }.joined(separator: " ")
    }

    private func isAllCaps(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        let s = String(decoding: b[r], as: UTF8.self)
        return s.isUnchangedByUppercasing && s.contains(where: { $0.isLetter })
    }

    private func firstNonSpace(_ b: [UInt8], _ i: Int) -> Int? {
        var j = i
        while j < b.count, b[j] == 0x20 { j += 1 }
        return j < b.count ? j : nil
    }

    /// Between words of a name: spaces, or "&" / "-" (GD&ĐT, GD-ĐT), at most 4 bytes, no line or column break.
    private func shortGap(_ b: [UInt8], _ from: Int, _ to: Int) -> Bool {
        guard from <= to, to <= b.count, to - from <= 4 else { return false }
        return b[from..<to].allSatisfy { $0 == 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "-") }
    }

    /// Between words of a place name: spaces or " - ".
    private func placeGap(_ b: [UInt8], _ from: Int, _ to: Int) -> Bool {
        guard from <= to, to <= b.count, to - from <= 3 else { return false }
        return b[from..<to].allSatisfy { $0 == 0x20 || $0 == UInt8(ascii: "-") }
    }
}
