/// A short passage of a plan around the query's matches.
public struct Snippet: Sendable, Equatable {
    public var text: String
    /// The matched parts, as UTF-8 byte ranges of `text`.
    public var highlights: [Range<Int>]

    /// The matched parts as UTF-16 offsets and lengths (for JavaScript clients).
    public var utf16Highlights: [(start: Int, length: Int)] {
        let bytes = Array(text.utf8)
        // UTF-16 units before each byte offset, counted from the UTF-8 lead
        // bytes (four-byte sequences take two units); `text` is valid UTF-8.
        func units(_ range: Range<Int>) -> Int {
            var n = 0
            for b in bytes[range] where b & 0xC0 != 0x80 { n += b >= 0xF0 ? 2 : 1 }
            return n
        }
        var position = 0, unitsBefore = 0
        return highlights.compactMap { r in
            guard r.lowerBound >= position, r.upperBound <= bytes.count else { return nil }
            unitsBefore += units(position..<r.lowerBound)
            let inner = units(r)
            position = r.upperBound
            unitsBefore += inner
            return (unitsBefore - inner, inner)
        }
    }

    public static func == (a: Snippet, b: Snippet) -> Bool { a.text == b.text && a.highlights == b.highlights }
}

/// Picks the passage of a plan with the most distinct query words and marks them.
public struct SnippetBuilder: Sendable {
    public var maxBytes = 260
    private let analyzer = Analyzer()

    public init(maxBytes: Int = 260) { self.maxBytes = maxBytes }

    /// The byte ranges of `text` that match the query's words and phrases.
    public func matches(in text: String, query: Query) -> [Range<Int>] {
        matches(in: AnalyzedText(text, analyzer: analyzer), query: query)
    }

    /// The byte ranges of an analysed text that match the query's words and
    /// phrases (`marks(for:folded:exact:)`).
    public func matches(in text: AnalyzedText, query: Query) -> [Range<Int>] {
        let wanted = Set(Self.markedWords(of: query).map(\.folded))
        guard !wanted.isEmpty else { return [] }
        var folded: [String: [Range<Int>]] = [:], exact: [String: [Range<Int>]] = [:]
        for token in text.tokens where wanted.contains(token.folded) {
            folded[token.folded, default: []].append(token.byteRange)
            exact[token.exact, default: []].append(token.byteRange)
        }
        return Self.marks(for: query, folded: { folded[$0] ?? [] }, exact: { exact[$0] ?? [] })
    }

    /// The query's words and phrase words that are marked: not the excluded ones.
    static func markedWords(of query: Query) -> [Query.Term] {
        query.terms.filter { $0.occur != .mustNot }
            + query.phrases.filter { $0.occur != .mustNot }.flatMap(\.terms)
    }

    /// The byte ranges to mark for the query's words, in text order, given
    /// where each folded form and each exact form stands in a text.
    ///
    /// A word typed with diacritics marks its own form where the text has it
    /// ("đẳng" in "bình đẳng giới"), not the other words that fold like it
    /// ("Đảng", "dạng"), which the search counts at a lower weight: a reader
    /// who typed diacritics is shown the word typed. A text without that form
    /// marks every form that folds like it, as does a word typed without
    /// diacritics ("binh dang gioi").
    static func marks(for query: Query, folded: (String) -> [Range<Int>],
                      exact: (String) -> [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var seen = Set<String>()
        for term in markedWords(of: query) where seen.insert(term.exact).inserted {
            let own = term.hasDiacritics ? exact(term.exact) : []
            out += own.isEmpty ? folded(term.folded) : own
        }
        out.sort { $0.lowerBound < $1.lowerBound }
        // A word typed twice ("dang đẳng") marks a place once.
        var unique: [Range<Int>] = []
        unique.reserveCapacity(out.count)
        for r in out where r != unique.last { unique.append(r) }
        return unique
    }

    /// A snippet of a text, given as its UTF-8 bytes, around `marks` (byte
    /// ranges, e.g. query words and cited documents).
    public func snippet(of bytes: [UInt8], marks: [Range<Int>]) -> Snippet {
        // The marks come mostly in text order and in range (a plan's word
        // occurrences): then they are used as they are, without a copy.
        var inOrder = true
        for (i, m) in marks.enumerated() where m.lowerBound < 0 || m.upperBound > bytes.count
            || (i > 0 && marks[i - 1].lowerBound > m.lowerBound) { inOrder = false; break }
        let marks = inOrder ? marks
            : marks.filter { $0.lowerBound >= 0 && $0.upperBound <= bytes.count }.sorted { $0.lowerBound < $1.lowerBound }
        // The window start that covers the most distinct marked words: a
        // sliding window over the marks, linear in their number.
        // Marks are numbered by their word folded (`foldedKey`): a query has
        // few words, so a linear search over them beats hashing each mark.
        var words: [UInt64] = []
        let keys = bytes.withUnsafeBufferPointer { text in
            marks.map { m -> Int in
                let k = Self.foldedKey(UnsafeBufferPointer(rebasing: text[m]))
                if let i = words.firstIndex(of: k) { return i }
                words.append(k)
                return words.count - 1
            }
        }
        var bestStart = 0, bestScore = -1
        var counts = [Int](repeating: 0, count: words.count)
        var distinct = 0
        var right = 0
        for (left, m) in marks.enumerated() {
            while right < marks.count && marks[right].upperBound - m.lowerBound <= maxBytes {
                if counts[keys[right]] == 0 { distinct += 1 }
                counts[keys[right]] += 1
                right += 1
            }
            if distinct > bestScore { bestScore = distinct; bestStart = m.lowerBound }
            if right > left {
                counts[keys[left]] -= 1
                if counts[keys[left]] == 0 { distinct -= 1 }
            } else {
                right = left + 1
            }
        }
        var begin = marks.isEmpty ? 0 : max(0, bestStart - maxBytes / 4)
        // Start on a word boundary and a scalar boundary.
        if begin > 0 {
            var b = begin
            while b < bestStart && !Self.isSpace(bytes[b]) { b += 1 }
            begin = b < bestStart ? b + 1 : begin
        }
        while begin > 0 && begin < bytes.count && (bytes[begin] & 0xC0) == 0x80 { begin -= 1 }
        var end = min(bytes.count, begin + maxBytes)
        if end < bytes.count {
            var e = end
            while e > begin + maxBytes / 2 && !Self.isSpace(bytes[e]) { e -= 1 }
            end = e > begin + maxBytes / 2 ? e : end
            while end < bytes.count && (bytes[end] & 0xC0) == 0x80 { end += 1 }
        }
        // Copy the window, folding runs of white space into one space, through
        // a pointer: appending byte by byte checked the array's uniqueness
        // every time, and was most of a snippet's work (callgrind).
        let lead: [UInt8] = begin > 0 ? Array("… ".utf8) : []
        let tail: [UInt8] = end < bytes.count ? Array(" …".utf8) : []
        var highlights: [Range<Int>] = []
        let out = [UInt8](unsafeUninitializedCapacity: lead.count + (end - begin) + tail.count) { buffer, count in
            var n = 0
            for b in lead { buffer[n] = b; n += 1 }
            bytes.withUnsafeBufferPointer { text in
                var markIndex = marks.firstIndex { $0.upperBound > begin } ?? marks.count
                var openAt: Int? = nil
                var i = begin
                var lastWasSpace = true
                while i < end {
                    if markIndex < marks.count, marks[markIndex].lowerBound == i, marks[markIndex].upperBound <= end {
                        openAt = n
                    }
                    let b = text[i]
                    if Self.isSpace(b) {
                        if !lastWasSpace { buffer[n] = 0x20; n += 1 }
                        lastWasSpace = true
                    } else {
                        buffer[n] = b; n += 1
                        lastWasSpace = false
                    }
                    i += 1
                    if markIndex < marks.count, marks[markIndex].upperBound == i {
                        if let o = openAt { highlights.append(o..<n) }
                        openAt = nil
                        markIndex += 1
                        while markIndex < marks.count && marks[markIndex].lowerBound < i { markIndex += 1 }
                    }
                }
            }
            while n > 0 && buffer[n - 1] == 0x20 { n -= 1 }
            for b in tail { buffer[n] = b; n += 1 }
            count = n
        }
        highlights = highlights.filter { $0.upperBound <= out.count }
        return Snippet(text: String(decoding: out, as: UTF8.self), highlights: highlights)
    }

    /// One number per marked word, the same for the same word in any case
    /// and with any diacritics (FNV-1a over its folded scalars): the window
    /// counts distinct words by it without building a string per mark. Keyed
    /// by the bytes as written, "Đảng" and "dạng" beside "đẳng" counted as
    /// three words of "bình đẳng giới", and a passage full of them won over
    /// the title that holds the query. Scalars the fold table lacks are
    /// taken as written (`ScalarCase.slowFold` would build strings).
    static func foldedKey(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let p = word.baseAddress else { return 0 }
        let fold = LatinTables.fold
        var h = FNV1a()
        var i = 0
        while i < word.count {
            let (v, width): (UInt32, Int) = p[i] < 0x80 ? (UInt32(p[i]), 1) : UTF8Codec.decode(p, i, word.count)
            i += width
            var f = (v &- 0x41) < 26 ? v | 0x20 : v
            if v >= 0x80 {
                f = ScalarCase.tableFold(v, fold: fold) ?? v
                if f == 0 { continue }
            }
            h.add(UInt64(f))
        }
        return h.value
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
}
