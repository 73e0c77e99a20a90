extension String {
    /// Whether upper-casing leaves the text as it is (`self == uppercased()`),
    /// answered from the bytes when one is a lowercase ASCII letter, as in
    /// most words and lines: `uppercased()` maps every character, about
    /// 9,000 instructions for an agency name, and was asked of every name
    /// found in a plan (2% of indexing, callgrind), as of every line where a
    /// type word or a signer's title is looked for.
    var isUnchangedByUppercasing: Bool {
        if utf8.contains(where: { $0 &- 0x61 < 26 }) { return false }
        return self == uppercased()
    }
}
