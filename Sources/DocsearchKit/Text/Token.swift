/// One word of analysed text, as documents and queries both see it.
///
/// A token is a maximal run of letters and digits. It carries two forms:
/// `exact` keeps the diacritics (lowercased, NFC, one tone-mark placement)
/// and `folded` drops them (đ→d), so "Bình Đẳng" gives exact "bình đẳng"
/// words and folded "binh dang" words.
public struct Token: Sendable, Equatable, CustomStringConvertible {
    /// Lowercased, NFC, tone mark placed the one canonical way ("hòa", "thủy").
    public private(set) var exact: String
    /// `exact` without diacritics, đ folded to d ("hoa", "thuy").
    public private(set) var folded: String
    /// Ordinal of the token in the analysed text, from 0.
    public var position: Int
    /// UTF-8 byte offsets of the token in the analysed (NFC) text.
    public var byteRange: Range<Int>

    /// True when the exact form has diacritics, that is differs from the folded one.
    /// Kept, not worked out: comparing two non-ASCII Strings normalises them.
    public private(set) var hasDiacritics: Bool

    public init(exact: String, folded: String, position: Int, byteRange: Range<Int>) {
        self.init(exact: exact, folded: folded, position: position, byteRange: byteRange,
                  hasDiacritics: exact != folded)
    }

    /// For the analyzer, which knows whether the forms differ.
    init(exact: String, folded: String, position: Int, byteRange: Range<Int>, hasDiacritics: Bool) {
        self.exact = exact
        self.folded = folded
        self.position = position
        self.byteRange = byteRange
        self.hasDiacritics = hasDiacritics
    }

    public var description: String { "\(exact)@\(position)[\(byteRange.lowerBound)..<\(byteRange.upperBound)]" }
}
