/// Reads what a user types: document references ("Chỉ thị 20",
/// "1373/QĐ-TTg"), "quoted phrases", +required and -excluded words, and
/// plain words. The text goes through the same normaliser and analyzer as
/// the documents.
public struct QueryParser: Sendable {
    private let analyzer = Analyzer()

    public init() {}

    public func parse(_ raw: String) -> Query {
        let text = TextNormalizer.normalize(String(raw.unicodeScalars.prefix(4096)))
        var query = Query(text: text)
        var rest = text
        for (range, reference) in references(in: text).reversed() {
            query.references.insert(reference, at: 0)
            rest.replaceSubrange(range, with: " ")
        }
        parseWords(rest, into: &query)
        return query
    }

    /// Document references in the query, left to right, with their ranges.
    func references(in text: String) -> [(Range<String.Index>, Query.Reference)] {
        QueryReferences.find(in: text)
    }

    private func parseWords(_ text: String, into query: inout Query) {
        var seen = Set<SeenWord>()
        var unquoted = ""
        var phrase: String? = nil
        var phraseOccur = Query.Occur.must
        let quotes: Set<Character> = ["\"", "“", "”", "„", "«", "»"]
        var previous: Character = " "
        for ch in text {
            if quotes.contains(ch) {
                if let p = phrase {
                    addPhrase(p, occur: phraseOccur, into: &query)
                    phrase = nil
                } else {
                    phraseOccur = previous == "-" ? .mustNot : .must
                    if previous == "-" || previous == "+" { unquoted.removeLast() }
                    phrase = ""
                }
                unquoted.append(" ")
            } else if phrase != nil {
                phrase!.append(ch)
            } else {
                unquoted.append(ch)
            }
            previous = ch
        }
        // An unbalanced quote: its words count as plain words.
        if let p = phrase { unquoted.append(" " + p) }

        let bytes = Array(unquoted.utf8)
        for token in analyzer.tokens(in: unquoted) {
            var occur = Query.Occur.should
            let start = token.byteRange.lowerBound
            if start > 0 {
                let before = bytes[start - 1]
                let beforeThat: UInt8 = start > 1 ? bytes[start - 2] : 0x20
                let isBoundary = beforeThat == 0x20 || beforeThat == 0x0A || beforeThat == 0x09
                if isBoundary && before == UInt8(ascii: "+") { occur = .must }
                if isBoundary && before == UInt8(ascii: "-") { occur = .mustNot }
            }
            guard seen.insert(SeenWord(occur: occur, exact: token.exact)).inserted else { continue }
            query.terms.append(Query.Term(exact: token.exact, folded: token.folded, occur: occur))
        }
    }

    /// A word already taken, with how it was asked for: "+a a" keeps both.
    private struct SeenWord: Hashable {
        var occur: Query.Occur
        var exact: String
    }

    private func addPhrase(_ text: String, occur: Query.Occur, into query: inout Query) {
        let terms = analyzer.tokens(in: text).map { Query.Term(exact: $0.exact, folded: $0.folded, occur: occur) }
        if terms.count == 1 {
            query.terms.append(terms[0])
        } else if !terms.isEmpty {
            query.phrases.append(Query.Phrase(terms: terms, occur: occur))
        }
    }
}
