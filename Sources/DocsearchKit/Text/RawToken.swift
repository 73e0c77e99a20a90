/// One token as the allocation-free `Analyzer.forEachToken` hands it out.
///
/// The byte buffers belong to the analyzer and are valid only during the
/// callback: copy what must outlive it (`exact`, `folded`, `makeToken()`).
/// The type is non-copyable so the token itself cannot escape the callback.
public struct RawToken: ~Copyable {
    /// UTF-8 of the exact form: lowercased, NFC, canonical tone placement ("hòa").
    public let exactUTF8: UnsafeBufferPointer<UInt8>
    /// UTF-8 of the folded form: no diacritics, đ→d ("hoa").
    public let foldedUTF8: UnsafeBufferPointer<UInt8>
    /// Ordinal of the token in the analysed text, from 0.
    public let position: Int
    /// UTF-8 byte offsets of the token in the analysed (NFC) text.
    public let byteRange: Range<Int>
    /// True when the exact form differs from the folded one (it has diacritics or đ).
    public let hasDiacritics: Bool

    /// The exact form as a new String.
    public var exact: String { String(decoding: exactUTF8, as: UTF8.self) }
    /// The folded form as a new String.
    public var folded: String { String(decoding: foldedUTF8, as: UTF8.self) }

    /// A copy that outlives the callback.
    public func makeToken() -> Token {
        // Without diacritics the two forms are one: one String, not two
        // (making them was a tenth of analysing a plan's text, callgrind).
        let folded = self.folded
        return Token(exact: hasDiacritics ? exact : folded, folded: folded, position: position, byteRange: byteRange,
                     hasDiacritics: hasDiacritics)
    }
}
