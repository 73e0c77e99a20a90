extension String {
    /// Whether upper-casing leaves the text as it is (`self == uppercased()`),
    /// answered from the bytes when one is a lowercase ASCII letter, as in
    /// most words and lines: `uppercased()` maps every character, about
    /// 9,000 instructions for an agency name, and was asked of every name
    /// found in a plan (2% of indexing, callgrind), as of every line where a
    /// type word or a signer's title is looked for.
    ///
    /// A line in capitals ("KẾ HOẠCH", "UBND TỈNH LONG AN") is told scalar by
    /// scalar: upper-casing leaves a text as it is exactly when none of its
    /// scalars changes when upper-cased (Unicode's Changes_When_Uppercased),
    /// and `uppercased()` of such lines was 113 M of the 2,000 plans' build
    /// (callgrind).
    var isUnchangedByUppercasing: Bool {
        if utf8.contains(where: { $0 &- 0x61 < 26 }) { return false }
        return !unicodeScalars.contains { $0.value >= 0x80 && $0.properties.changesWhenUppercased }
    }
}
