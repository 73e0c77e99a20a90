import Foundation

/// A document symbol (số, ký hiệu) found in UTF-8 bytes: "20-CT/TW",
/// "14/CT-TTg", "162/2017/NĐ-CP", "97/2015/QH13", tolerant of the spaces real
/// files put around the first separator ("20 - CT/TW", "04 /KH-BCĐNQ").
struct ScannedSymbol: Sendable, Equatable {
    var range: Range<Int>
    var number: Int
    var year: Int?
    var typeCode: String?
    var issuerCode: String?
    var kind: DocumentKind?
    var symbol: String
}

/// Byte-level scanner for symbols. It never looks at more than one symbol's
/// bytes at a time, and every index is bounds-checked.
enum SymbolScanner {
    /// How strictly codes must be written: documents write them upper case
    /// ("TTg" keeps its official lower-case letter); queries may be any case.
    enum CaseRule { case document, anyCase }

    static func scanAll(_ bytes: [UInt8], caseRule: CaseRule) -> [ScannedSymbol] {
        var out: [ScannedSymbol] = []
        var i = 0
        while i < bytes.count {
            // Eight bytes without a digit at a time: a plan's numbers are few,
            // and testing its every byte was a third of scanning (callgrind).
            if i + 8 <= bytes.count, !mayHoldDigit(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }) {
                i += 8
                continue
            }
            if isDigit(bytes[i]), startsToken(bytes, at: i), let s = symbol(in: bytes, at: i, caseRule: caseRule) {
                out.append(s)
                i = s.range.upperBound
                continue
            }
            i += 1
        }
        return out
    }

    /// The symbol whose number starts at `start`, if the bytes there form one.
    static func symbol(in b: [UInt8], at start: Int, caseRule: CaseRule) -> ScannedSymbol? {
        var i = start
        let (number, afterNumber) = readDigits(b, i, max: 6)
        guard let n = number, afterNumber - start <= 6 else { return nil }
        i = skipHorizontalSpace(b, afterNumber)
        guard let (sep, afterSep) = separator(b, i) else { return nil }
        i = skipHorizontalSpace(b, afterSep)
        var year: Int?
        if sep == UInt8(ascii: "/") {
            let (y, afterYear) = readDigits(b, i, max: 4)
            if let y = y, afterYear - i == 4, (1945...2100).contains(y) {
                let j = skipHorizontalSpace(b, afterYear)
                guard j < b.count, b[j] == UInt8(ascii: "/") else { return nil }
                year = y
                i = skipHorizontalSpace(b, j + 1)
            }
        }
        guard let (segments, separators, end) = codeSegments(b, i), !segments.isEmpty else { return nil }
        // A letter glued after the code means this was a word, not a symbol.
        if let next = scalar(in: b, at: end), next.properties.isAlphabetic { return nil }

        let first = segments[0]
        var typeCode: String?
        var issuer: String?
        var kind: DocumentKind?
        let firstKey = DocumentCodes.codeKey(first)
        if year != nil, firstKey.hasPrefix("QH") || firstKey.hasPrefix("UBTVQH") {
            // A law or a National Assembly resolution: "97/2015/QH13".
            issuer = first
        } else {
            guard caseRule == .anyCase || first.first.map({ $0.isUppercase }) == true,
                  let official = DocumentCodes.officialTypeCode(first),
                  segments.count >= 2 else { return nil }
            // Party form "20-CT/TW" puts "/" before the agency; State form "14/CT-TTg" puts "-".
            if sep == UInt8(ascii: "-") && separators.first != "/" { return nil }
            typeCode = official
            issuer = segments[1]
            kind = DocumentCodes.kind(forTypeCode: official, party: sep == UInt8(ascii: "-") || DocumentCodes.isPartyCode(segments[1]))
        }
        var display = String(n)
        if let y = year { display += "/\(y)" }
        display += sep == UInt8(ascii: "-") ? "-" : "/"
        for (k, seg) in segments.enumerated() {
            if k > 0 { display += separators[k - 1] }
            display += (k == 0 ? (typeCode ?? seg) : seg)
        }
        return ScannedSymbol(range: start..<end, number: n, year: year, typeCode: typeCode, issuerCode: issuer,
                             kind: kind, symbol: display)
    }

    // MARK: - Byte helpers

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Whether one of the eight bytes of `w` is an ASCII digit.
    static func mayHoldDigit(_ w: UInt64) -> Bool { ByteLanes.anyIn(w, UInt8(ascii: "0")...UInt8(ascii: "9")) }

    static func readDigits(_ b: [UInt8], _ start: Int, max: Int) -> (Int?, Int) {
        var i = start
        var value = 0
        while i < b.count, isDigit(b[i]) {
            if i - start < 9 { value = value * 10 + Int(b[i] - 0x30) }
            i += 1
        }
        if i == start || i - start > max { return (nil, i) }
        return (value, i)
    }

    static func skipHorizontalSpace(_ b: [UInt8], _ start: Int) -> Int {
        var i = start
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        return i
    }

    /// "-", "/", or an en dash written as a hyphen ("21 – CT/TW").
    static func separator(_ b: [UInt8], _ i: Int) -> (UInt8, Int)? {
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "/") { return (b[i], i + 1) }
        if i + 2 < b.count, b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0x93 { return (UInt8(ascii: "-"), i + 3) }
        return nil
    }

    /// Length of a code letter at `i`: ASCII letter (1) or Đ/đ (2), else 0.
    static func codeLetterLength(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return 0 }
        let c = b[i]
        if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) { return 1 }
        if c == 0xC4, i + 1 < b.count, b[i + 1] == 0x90 || b[i + 1] == 0x91 { return 2 }
        return 0
    }

    /// Code segments joined by "-" or "/" with no spaces: "CT/TW", "QĐ-TTg".
    static func codeSegments(_ b: [UInt8], _ start: Int) -> ([String], [String], Int)? {
        var segments: [String] = []
        var separators: [String] = []
        var i = start
        while true {
            let segStart = i
            while codeLetterLength(b, i) > 0 { i += codeLetterLength(b, i) }
            guard i > segStart else { break }
            var seg = String(decoding: b[segStart..<i], as: UTF8.self)
            let key = DocumentCodes.codeKey(seg)
            if key == "QH" || key == "UBTVQH" {
                let digitsStart = i
                while i < b.count, isDigit(b[i]), i - digitsStart < 2 { i += 1 }
                seg = String(decoding: b[segStart..<i], as: UTF8.self)
            }
            segments.append(seg)
            if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "/"), codeLetterLength(b, i + 1) > 0 {
                separators.append(b[i] == UInt8(ascii: "-") ? "-" : "/")
                i += 1
            } else {
                break
            }
        }
        return segments.isEmpty ? nil : (segments, separators, i)
    }

    /// The scalar starting at byte `i`, if `i` is a scalar boundary.
    static func scalar(in b: [UInt8], at i: Int) -> Unicode.Scalar? {
        guard i < b.count else { return nil }
        let lead = b[i]
        let length: Int
        switch lead {
        case 0x00..<0x80: return Unicode.Scalar(lead)
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: return nil
        }
        guard i + length <= b.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = (value << 6) | (UInt32(b[i + k]) & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// The scalar ending just before byte `i`.
    static func scalar(in b: [UInt8], before i: Int) -> Unicode.Scalar? {
        guard i > 0, i <= b.count else { return nil }
        var j = i - 1
        while j > 0, b[j] & 0xC0 == 0x80, i - j < 4 { j -= 1 }
        return scalar(in: b, at: j)
    }

    /// True when a number may start at `i`: not glued to a letter, digit, or
    /// the "/" or "." of a date or a decimal.
    static func startsToken(_ b: [UInt8], at i: Int) -> Bool {
        guard let prev = scalar(in: b, before: i) else { return true }
        if prev == "/" || prev == "." || prev == "," { return false }
        // An ASCII scalar before, nearly always (a space): letters and digits
        // told by its value, where the Unicode properties cost 72 M of the
        // 2,000 plans' build, asked for every digit (callgrind).
        if prev.isASCII {
            let c = UInt8(prev.value)
            return !(isDigit(c) || (c | 0x20) &- UInt8(ascii: "a") < 26)
        }
        let p = prev.properties
        return !(p.isAlphabetic || p.numericType != nil)
    }
}
