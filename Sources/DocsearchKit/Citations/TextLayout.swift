import Foundation

/// Where the parts of a plan lie, for citation roles: the preamble (title and
/// the opening "Căn cứ…/Thực hiện…" sentences, up to section I) and footnotes.
struct TextLayout: Sendable {
    /// Byte offset where the body starts (section I); mentions before it are legal bases.
    let preambleEnd: Int
    /// Byte ranges of footnote text ("1 Kế hoạch số: 1202/KH-SGDĐT …" after a marker "Sở GD&ĐT1").
    let footnotes: [Range<Int>]

    init(bytes: [UInt8]) {
        let lines = TextLayout.lines(bytes)
        var sectionOne: Int?
        var openingEnd: Int?
        var openingClosed = false
        for line in lines {
            // A line led by an ASCII byte other than those that start "I.",
            // "Phần I", "Căn cứ" and "Thực hiện" (in any case) is none of
            // them, told without making and folding its start (callgrind:
            // 2,300 instructions a line).
            let start = TextLayout.contentStart(bytes, line)
            if start < line.upperBound, !TextLayout.mayLeadSectionOrOpening(bytes[start]) {
                if !openingClosed && openingEnd != nil { openingClosed = true }
                continue
            }
            let text = TextLayout.trimmedPrefix(bytes, line, count: 24)
            if TextLayout.isSectionOne(text) { sectionOne = line.lowerBound; break }
            if openingClosed || text.isEmpty { continue }
            let folded = Folding.fold(text)
            if folded.hasPrefix("can cu") || folded.hasPrefix("thuc hien") {
                openingEnd = line.upperBound
            } else if openingEnd != nil {
                // The first run of "Căn cứ…/Thực hiện…" paragraphs ends at another paragraph.
                openingClosed = true
            }
        }
        preambleEnd = sectionOne ?? openingEnd ?? 0
        footnotes = TextLayout.findFootnotes(bytes, lines)
    }

    func role(at byte: Int) -> CitationRole {
        if footnotes.contains(where: { $0.contains(byte) }) { return .footnote }
        return byte < preambleEnd ? .legalBasis : .body
    }

    static func lines(_ b: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        // memchr finds each line break: a test of every byte was 0.8% of the build (callgrind).
        b.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            while start < p.count, let hit = memchr(base + start, 0x0A, p.count - start) {
                let i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                out.append(start..<i)
                start = i + 1
            }
        }
        if start <= b.count { out.append(start..<b.count) }
        return out
    }

    /// Whether a line whose text starts with `lead` may be section I or an
    /// opening paragraph: any byte but ASCII other than "I", and "p", "c",
    /// "t" in either case ("Phần I", "Căn cứ", "Thực hiện"); an ASCII
    /// letter folds to itself, lowercased.
    static func mayLeadSectionOrOpening(_ lead: UInt8) -> Bool {
        switch lead {
        case 0x80...0xFF, UInt8(ascii: "I"), UInt8(ascii: "P"), UInt8(ascii: "p"), UInt8(ascii: "C"), UInt8(ascii: "c"),
             UInt8(ascii: "T"), UInt8(ascii: "t"): return true
        default: return false
        }
    }

    /// Where a line's text starts, after leading blanks and markdown "*"/"#".
    static func contentStart(_ b: [UInt8], _ line: Range<Int>) -> Int {
        var i = line.lowerBound
        while i < line.upperBound, b[i] == 0x20 || b[i] == 0x09 || b[i] == UInt8(ascii: "*") || b[i] == UInt8(ascii: "#") { i += 1 }
        return i
    }

    /// The first `count` bytes of a line without leading blanks and markdown "*"/"#" (may cut a scalar: callers only test prefixes).
    static func trimmedPrefix(_ b: [UInt8], _ line: Range<Int>, count: Int) -> String {
        let i = contentStart(b, line)
        var end = min(line.upperBound, i + count)
        while end < line.upperBound, b[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: b[i..<end], as: UTF8.self)
    }

    /// "I. MỤC ĐÍCH", "I. Mục đích, yêu cầu:", "PHẦN I", "Phần I."
    static func isSectionOne(_ text: String) -> Bool {
        // Led by an ASCII byte other than "I", "P" or "p", a line is neither
        // (1,600 instructions a line through the prefix tests, callgrind).
        if let lead = text.utf8.first, lead < 0x80, lead != UInt8(ascii: "I"), lead | 0x20 != UInt8(ascii: "p") { return false }
        var rest = Substring(text)
        if Folding.foldedHasPrefix(text, "phan i") { rest = rest.dropFirst(6) } else if rest.hasPrefix("I") { rest = rest.dropFirst() } else { return false }
        guard let next = rest.first else { return true }
        return next == "." || next == ":" || next == ")" || next == " " || next == "-"
    }

    /// Footnote lines: "1 Kế hoạch …" starting with a number that is glued as a marker to a word earlier ("GD&ĐT1").
    static func findFootnotes(_ b: [UInt8], _ lines: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var k = 0
        while k < lines.count {
            let line = lines[k]
            var i = line.lowerBound
            while i < line.upperBound, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
            let digitsStart = i
            while i < line.upperBound, SymbolScanner.isDigit(b[i]), i - digitsStart < 3 { i += 1 }
            let marker = Array(b[digitsStart..<i])
            if !marker.isEmpty, marker.count <= 2, i < line.upperBound, b[i] == 0x20,
               let next = SymbolScanner.scalar(in: b, at: i + 1), next.properties.isUppercase,
               hasGluedMarker(b, marker, before: line.lowerBound) {
                var end = line.upperBound
                var j = k + 1
                while j < lines.count, !lines[j].isEmpty, lines[j].count > 0 {
                    let lj = lines[j]
                    let first = lj.lowerBound < lj.upperBound ? b[lj.lowerBound] : 0
                    if SymbolScanner.isDigit(first) { break }
                    end = lj.upperBound
                    j += 1
                }
                out.append(line.lowerBound..<end)
                k = j
                continue
            }
            k += 1
        }
        return out
    }

    /// A letter or closing quote immediately followed by the marker digits, then no digit.
    static func hasGluedMarker(_ b: [UInt8], _ marker: [UInt8], before limit: Int) -> Bool {
        var i = 0
        while i + marker.count <= limit {
            if b[i] == marker[0], Array(b[i..<(i + marker.count)]) == marker {
                let after = i + marker.count
                let nextIsDigit = after < b.count && SymbolScanner.isDigit(b[after])
                if !nextIsDigit, let prev = SymbolScanner.scalar(in: b, before: i),
                   prev.properties.isAlphabetic || prev == "”" || prev == ")" {
                    // A letter glued to digits is also how "QH13" or "Covid19" look; a marker is followed by space, punctuation or line end.
                    if after >= b.count || b[after] == 0x20 || b[after] == 0x0A || b[after] == UInt8(ascii: ".")
                        || b[after] == UInt8(ascii: ",") || b[after] == UInt8(ascii: ";") || b[after] == UInt8(ascii: ":") {
                        return true
                    }
                }
            }
            i += 1
        }
        return false
    }
}
