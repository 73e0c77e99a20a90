extension PlanDocument {
    /// The longest title kept, in characters. The longest real one is 683: an
    /// article of the Constitution (ALQAC) whose heading is all its text; the
    /// seed plans' run to about 200. A file of one long line, whose first
    /// line is all of it, gave a title of a megabyte, printed whole by every
    /// search that found it.
    static let maxTitleLength = 1_000

    /// `title`, or its first `maxTitleLength` characters cut before a word
    /// and ended with "…" when it is longer.
    static func bounded(_ title: String) -> String {
        guard title.count > maxTitleLength else { return title }
        let head = title.prefix(maxTitleLength)
        let word = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return String(word).trimmingSpaces() + " …"
    }

    /// The title of a text that has no "KẾ HOẠCH"-style title: its first line,
    /// joined with an article heading ("Điều 38. Điều khoản thi hành") when the
    /// next line is one, as in law articles ("Luật Cư trú" / "Điều 38. …").
    static func fallbackTitle(of text: String) -> String {
        var lines = text.splitLines(omittingEmpty: true)
            .lazy.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.makeIterator()
        guard let first = lines.next() else { return "" }
        if let second = lines.next(), isArticleHeading(second) { return first + " — " + second }
        return first
    }

    /// "Điều 5.", "Điều 12:" or "ĐIỀU 3 " at the start of a line.
    static func isArticleHeading(_ line: String) -> Bool {
        let folded = Folding.fold(String(line.prefix(12)))
        guard folded.hasPrefix("dieu ") else { return false }
        let rest = folded.dropFirst(5)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && digits.count <= 4
    }
}

import Foundation
