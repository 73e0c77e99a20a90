/// A parsed query: words, phrases and document references, each with how it
/// must occur. Built by `QueryParser`, run by `SearchEngine`.
public struct Query: Sendable, Equatable {
    public enum Occur: Sendable, Equatable {
        /// Counts for ranking; short queries want all of them.
        case should
        /// `+word`, a phrase, or a document reference: the plan must have it.
        case must
        /// `-word`: the plan must not have it.
        case mustNot
    }

    public struct Term: Sendable, Equatable {
        public var exact: String
        public var folded: String
        public var occur: Occur
        /// Typed with diacritics: exact matches then rank above folded-only ones.
        public var hasDiacritics: Bool { exact != folded }
    }

    public struct Phrase: Sendable, Equatable {
        public var terms: [Term]
        public var occur: Occur
    }

    /// A reference to a document, matched against what plans cite or their own number.
    public struct Reference: Sendable, Equatable {
        /// As the user wrote it ("Chỉ thị 20").
        public var text: String
        /// Any of these dictionary keys matches (e.g. a citation key and an own-number key).
        public var keys: [ReferenceKey]
        public var occur: Occur
    }

    public struct ReferenceKey: Sendable, Equatable {
        public var field: TermField
        public var value: String
        /// Extra weight of this key in ranking.
        public var boost: Double
    }

    public var text: String
    public var terms: [Term] = []
    public var phrases: [Phrase] = []
    public var references: [Reference] = []

    public init(text: String) { self.text = text }

    public var isEmpty: Bool { terms.isEmpty && phrases.isEmpty && references.isEmpty }
}
