/// The distinct word forms of the texts an indexing worker analyses, each
/// made a String once and numbered, so that a plan's tokens share their forms'
/// Strings and the indexer finds a token's term by its form's number.
///
/// Making two Strings for every token (`RawToken.makeToken`, which checks the
/// bytes are UTF-8 again), then looking each up again by its bytes in the
/// segment's term table, was a sixth of `docsearch index` (callgrind): a
/// plan of 850 words has about 300 distinct forms, a segment some 50,000.
///
/// One interner serves one worker's `SegmentBuilder`, and lives as long as it
/// (a segment's worth of forms). Not thread-safe.
final class TokenInterner {
    /// Tells the interner's numbers apart from another's: a plan analysed
    /// with one interner is added to a builder with the same one.
    let tag = UInt64.random(in: 1...UInt64.max)
    private var table = TermTable()
    /// The String of each form, by its number.
    private(set) var forms: [String] = []
    /// The number of each form's folded form: its own when it has no
    /// diacritics. A token is looked up by its exact form alone; its folded
    /// form once, when the exact one is first seen (one lookup a token,
    /// where one for each form took 1.84 a token, callgrind).
    private var foldedForm: [UInt32] = []

    var count: Int { forms.count }

    /// The number of the form `bytes` (valid UTF-8), whose folded form is
    /// `folded` (nil: itself), added when new.
    private func intern(_ bytes: UnsafeBufferPointer<UInt8>, folded: UInt32?) -> UInt32 {
        let id = table.id(field: 0, bytes)
        if id == forms.count {
            forms.append(String(decoding: bytes, as: UTF8.self))
            foldedForm.append(folded ?? UInt32(id))
        }
        return UInt32(id)
    }

    /// Calls `body` with the UTF-8 bytes of form `id`.
    func withBytes<R>(of id: UInt32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try table.withValueBytes(Int(id), body)
    }

    /// The tokens of `text` (NFC), as `Analyzer.tokens(in:)` gives them, and
    /// the forms' numbers: for token k, `formIDs[2k]` its folded form's and
    /// `formIDs[2k + 1]` its exact form's, `noExactForm` when it has no
    /// diacritics (the exact form is the folded one).
    func tokens(in text: String, analyzer: Analyzer) -> (tokens: [Token], formIDs: [UInt32]) {
        // As `Analyzer.tokens(in:)` reserves: at most a token per two bytes.
        // Written in place, as each array's append checked its capacity and
        // that it was not shared: 225 M of the 2,000 plans' build (callgrind).
        let capacity = text.utf8.count / 2 + 1
        var ids: [UInt32] = []
        let tokens = [Token](unsafeUninitializedCapacity: capacity) { tokens, count in
            ids = [UInt32](unsafeUninitializedCapacity: 2 * capacity) { ids, idCount in
                analyzer.forEachToken(in: text) { raw in
                    let exact: UInt32
                    if let known = table.find(field: 0, raw.exactUTF8) {
                        exact = UInt32(known)
                    } else {
                        // A folded form is its own folded form: analysed, it gives itself.
                        let folded = raw.hasDiacritics ? intern(raw.foldedUTF8, folded: nil) : nil
                        exact = intern(raw.exactUTF8, folded: folded)
                    }
                    let folded = foldedForm[Int(exact)]
                    let foldedString = forms[Int(folded)]
                    precondition(count < capacity)
                    (tokens.baseAddress! + count).initialize(to: Token(
                        exact: folded == exact ? foldedString : forms[Int(exact)], folded: foldedString,
                        position: raw.position, byteRange: raw.byteRange, hasDiacritics: folded != exact))
                    count += 1
                    ids[idCount] = folded
                    ids[idCount + 1] = folded == exact ? Self.noExactForm : exact
                    idCount += 2
                }
            }
        }
        return (tokens, ids)
    }

    /// `formIDs` entry of a token whose exact form is its folded form.
    static let noExactForm = UInt32.max
}
