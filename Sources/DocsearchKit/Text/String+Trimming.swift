/// Trimming without Foundation: `trimmingCharacters(in:)` goes through
/// NSString and UTF-16 and took a quarter of the index build (perf,
/// `docsearch index` on 20,000 plans), called on every line the extractors read.
extension StringProtocol {
    /// The text without the leading and trailing scalars that `isTrimmed` accepts;
    /// the text itself when there are none.
    func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        // Most lines have nothing to trim, which their first and last
        // scalars tell at once, without the walk's Substring and indices.
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !isTrimmed(first), !isTrimmed(last),
           let whole = self as? String {
            return whole
        }
        let scalars = Substring(self).unicodeScalars
        var lo = scalars.startIndex, hi = scalars.endIndex
        while lo < hi && isTrimmed(scalars[lo]) { lo = scalars.index(after: lo) }
        while lo < hi {
            let last = scalars.index(before: hi)
            guard isTrimmed(scalars[last]) else { break }
            hi = last
        }
        if lo == scalars.startIndex && hi == scalars.endIndex, let whole = self as? String { return whole }
        return String(Substring(scalars[lo..<hi]))
    }

    /// Without leading and trailing spaces and tabs (Foundation's `.whitespaces`).
    func trimmingSpaces() -> String { trimming(where: Self.isSpace) }

    /// Without leading and trailing white space of any kind, line breaks included
    /// (Foundation's `.whitespacesAndNewlines`).
    func trimmingSpacesAndNewlines() -> String { trimming(where: \.properties.isWhitespace) }

    /// Without leading and trailing scalars found in `characters` (a few: a
    /// linear search, where a Set built on every call, for every line an
    /// extractor reads, cost more than the trimming).
    func trimming(_ characters: String) -> String {
        trimming(where: { characters.unicodeScalars.contains($0) })
    }

    /// White space that is not a line break: Zs and tab, as Foundation's `.whitespaces`.
    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || (s.value > 0x7F && s.properties.generalCategory == .spaceSeparator)
    }
}
