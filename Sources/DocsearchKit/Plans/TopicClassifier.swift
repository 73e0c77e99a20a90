import Foundation

/// A topic given to a plan and the terms that decided it.
public struct TopicAssignment: Codable, Sendable, Equatable {
    /// The topic's name ("bình đẳng giới").
    public var topic: String
    public var score: Double
    /// Terms found in the title, as the taxonomy writes them.
    public var titleTerms: [String]
    /// How often the topic's terms occur in the rest of the text, and which.
    public var textCount: Int
    public var textTerms: [String]

    /// "title: bình đẳng giới, tiến bộ phụ nữ; text ×14: bình đẳng giới".
    public var reason: String {
        var parts: [String] = []
        if !titleTerms.isEmpty { parts.append("title: " + titleTerms.joined(separator: ", ")) }
        if textCount > 0 { parts.append("text ×\(textCount): " + textTerms.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}

/// Gives each plan one or more topics of `TopicTaxonomy`. The title weighs
/// most: a topic whose term is in the title outranks any topic found only in
/// the body, however often (body counts grow with the logarithm and are
/// capped). Body-only topics are given when their terms recur.
public struct TopicClassifier: Sendable {
    /// Score of each distinct taxonomy term found in the title.
    public var titleTermWeight = 12.0
    /// Cap of the body score; below `titleTermWeight`, so the title decides.
    public var maxTextScore = 10.0
    /// Occurrences a topic needs in the text when its terms are not in the title.
    public var minTextCountAlone = 3
    /// Occurrences a text-only topic needs beside topics found in the title.
    public var minTextCountSecondary = 8
    public var maxTopics = 3

    private let analyzer = Analyzer()

    public init() {}

    /// A taxonomy term as the numbers of its folded words (`Vocabulary`).
    struct Term {
        var words: [Int32]
        var topic: Int
        /// As the taxonomy writes it.
        var term: String
    }

    /// The taxonomy's words, folded and numbered, and its terms by the
    /// number of their first word, longest first. A plan's words are matched
    /// as numbers: looking each up by its String, then comparing Strings, was
    /// 7% of indexing (callgrind); with a builder's interner, a form's number
    /// here is worked out once per form (`TokenInterner.Label.topicWord`).
    struct Vocabulary {
        var words: WordTable<Int32>
        var termsByFirstWord: [[Term]]

        /// A folded word's number, -1 for a word in no term.
        func number(of folded: String) -> Int32 { words[folded] ?? -1 }
    }

    static let vocabulary: Vocabulary = {
        let analyzer = Analyzer()
        var numbers: [String: Int32] = [:]
        var byFirst: [String: [(words: [String], topic: Int, term: String)]] = [:]
        for (i, t) in TopicTaxonomy.topics.enumerated() {
            for term in t.terms {
                let words = analyzer.tokens(in: term).map(\.folded)
                guard let first = words.first else { continue }
                for w in words where numbers[w] == nil { numbers[w] = Int32(numbers.count) }
                byFirst[first, default: []].append((words, i, term))
            }
        }
        var termsByFirstWord = [[Term]](repeating: [], count: numbers.count)
        for (first, terms) in byFirst {
            termsByFirstWord[Int(numbers[first]!)] = terms.sorted { $0.words.count > $1.words.count }
                .map { Term(words: $0.words.map { numbers[$0]! }, topic: $0.topic, term: $0.term) }
        }
        return Vocabulary(words: WordTable(numbers.map { ($0.key, $0.value) }, combining: { a, _ in a }),
                          termsByFirstWord: termsByFirstWord)
    }()

    /// Topic index → (count, terms seen) over the words' numbers
    /// (`Vocabulary.number(of:)`), each position counted once.
    func occurrences(_ words: [Int32]) -> [Int: (count: Int, terms: [String])] {
        let terms = Self.vocabulary.termsByFirstWord
        var out: [Int: (count: Int, terms: [String])] = [:]
        var i = 0
        while i < words.count {
            var advanced = false
            if words[i] >= 0 {
                for c in terms[Int(words[i])] where i + c.words.count <= words.count {
                    var k = 1
                    while k < c.words.count && words[i + k] == c.words[k] { k += 1 }
                    if k == c.words.count {
                        var entry = out[c.topic] ?? (0, [])
                        entry.count += 1
                        if !entry.terms.contains(c.term) { entry.terms.append(c.term) }
                        out[c.topic] = entry
                        i += c.words.count
                        advanced = true
                        break
                    }
                }
            }
            if !advanced { i += 1 }
        }
        return out
    }

    /// The topics of a plan, best first.
    public func topics(title: String, text: String) -> [TopicAssignment] {
        topics(title: title, text: AnalyzedText(text, analyzer: analyzer))
    }

    /// The topics of a plan whose text is analysed already, best first.
    public func topics(title: String, text analyzed: AnalyzedText) -> [TopicAssignment] {
        topics(title: title, text: analyzed, interner: nil)
    }

    /// As `topics(title:text:)`; the text's words numbered through
    /// `interner` when it numbered the text's forms.
    func topics(title: String, text analyzed: AnalyzedText, interner: TokenInterner?) -> [TopicAssignment] {
        let vocabulary = Self.vocabulary
        let titleWords = analyzer.tokens(in: title).map { vocabulary.number(of: $0.folded) }
        let textWords: [Int32]
        if let interner, analyzed.internerTag == interner.tag, analyzed.formIDs.count == 2 * analyzed.tokens.count {
            textWords = interner.labels(.topicWord, ofFoldedFormsIn: analyzed.formIDs, vocabulary.number(of:))
        } else {
            textWords = analyzed.tokens.map { vocabulary.number(of: $0.folded) }
        }
        let inTitle = occurrences(titleWords)
        let inText = occurrences(textWords)
        var scored: [TopicAssignment] = []
        for (i, topic) in TopicTaxonomy.topics.enumerated() {
            let t = inTitle[i]
            // The title is part of the text; count the body alone.
            let bodyCount = max(0, (inText[i]?.count ?? 0) - (t?.count ?? 0))
            guard t != nil || bodyCount > 0 else { continue }
            let titleScore = titleTermWeight * Double(t?.terms.count ?? 0)
            let textScore = min(maxTextScore, 2 * log2(1 + Double(bodyCount)))
            scored.append(TopicAssignment(topic: topic.name, score: ((titleScore + textScore) * 100).rounded() / 100,
                                          titleTerms: t?.terms ?? [], textCount: bodyCount,
                                          textTerms: bodyCount > 0 ? (inText[i]?.terms ?? []) : []))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.topic < $1.topic }
        let fromTitle = scored.filter { !$0.titleTerms.isEmpty }
        let textOnly = scored.filter { $0.titleTerms.isEmpty }
        var chosen = fromTitle
        let needed = fromTitle.isEmpty ? minTextCountAlone : minTextCountSecondary
        if let best = textOnly.first, best.textCount >= needed {
            chosen.append(best)
            // Other text-only topics nearly as strong as the best one.
            chosen += textOnly.dropFirst().filter { $0.textCount >= needed && $0.score >= best.score * 0.8 }
        }
        return Array(chosen.prefix(maxTopics))
    }
}
