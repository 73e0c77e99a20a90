/// One word of analysed text, as documents and queries both see it.
///
/// A token is a maximal run of letters and digits. It carries two forms:
/// `exact` keeps the diacritics (lowercased, NFC, one tone-mark placement)
/// and `folded` drops them (đ→d), so "Bình Đẳng" gives exact "bình đẳng"
/// words and folded "binh dang" words.
public struct Token: Sendable, Equatable, CustomStringConvertible {
    /// Lowercased, NFC, tone mark placed the one canonical way ("hòa", "thủy").
    public var exact: String
    /// `exact` without diacritics, đ folded to d ("hoa", "thuy").
    public var folded: String
    /// Ordinal of the token in the analysed text, from 0.
    public var position: Int
    /// UTF-8 byte offsets of the token in the analysed (NFC) text.
    public var byteRange: Range<Int>

    public init(exact: String, folded: String, position: Int, byteRange: Range<Int>) {
        self.exact = exact
        self.folded = folded
        self.position = position
        self.byteRange = byteRange
    }

    /// True when the exact form has diacritics, that is differs from the folded one.
    public var hasDiacritics: Bool { exact != folded }

    public var description: String { "\(exact)@\(position)[\(byteRange.lowerBound)..<\(byteRange.upperBound)]" }
}
