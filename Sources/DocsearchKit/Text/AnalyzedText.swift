/// A text with its UTF-8 bytes and its tokens, analysed once and read by
/// every extractor of a plan (citations, agencies, topics): each used to
/// tokenise the whole text again (perf, `docsearch index`).
public struct AnalyzedText: Sendable {
    /// NFC text, as `TextNormalizer.normalize` gives it.
    public let text: String
    public let bytes: [UInt8]
    public let tokens: [Token]
    /// The numbers of the tokens' forms in `interner` (see
    /// `TokenInterner.tokens(in:analyzer:)`); empty without one.
    let formIDs: [UInt32]
    /// The `tag` of the interner that numbered the forms; 0 without one.
    let internerTag: UInt64

    public init(_ text: String, analyzer: Analyzer = Analyzer()) {
        self.text = text
        bytes = Array(text.utf8)
        tokens = analyzer.tokens(in: text)
        formIDs = []
        internerTag = 0
    }

    /// The same tokens, their forms numbered by `interner`.
    init(_ text: String, analyzer: Analyzer = Analyzer(), interner: TokenInterner) {
        self.text = text
        bytes = Array(text.utf8)
        (tokens, formIDs) = interner.tokens(in: text, analyzer: analyzer)
        internerTag = interner.tag
    }
}
