/// A source file turned into text: NFC Unicode (via `TextNormalizer`), the
/// encoding it was read as, and what had to be repaired on the way.
public struct DecodedSource: Equatable, Sendable {
    /// The file's text, NFC, "\n" line ends, no BOM.
    public var text: String
    /// The encoding the bytes were read as.
    public var encoding: SourceEncoding
    /// Repairs made while decoding, in file order (the first ones only when there are many).
    public var warnings: [DecodeWarning]

    public init(text: String, encoding: SourceEncoding, warnings: [DecodeWarning] = []) {
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
    }
}
