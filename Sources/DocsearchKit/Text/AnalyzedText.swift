/// A text with its UTF-8 bytes and its tokens, analysed once and read by
/// every extractor of a plan (citations, agencies, topics): each used to
/// tokenise the whole text again (perf, `docsearch index`).
public struct AnalyzedText: Sendable {
    /// NFC text, as `TextNormalizer.normalize` gives it.
    public let text: String
    public let bytes: [UInt8]
    public let tokens: [Token]

    public init(_ text: String, analyzer: Analyzer = Analyzer()) {
        self.text = text
        bytes = Array(text.utf8)
        tokens = analyzer.tokens(in: text)
    }
}
