extension StringProtocol {
    /// `count <= n`, the Characters counted only when the bytes do not
    /// decide it: a Character has at least one byte, so `n` bytes or fewer
    /// are `n` Characters or fewer. Counting walks every Character (2,000
    /// instructions for a heading, callgrind), and the extractors ask this of
    /// most lines and words of a plan.
    func hasAtMostCharacters(_ n: Int) -> Bool {
        utf8.count <= n || count <= n
    }
}
