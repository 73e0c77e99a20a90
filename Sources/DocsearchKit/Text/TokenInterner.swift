/// The distinct word forms of the texts an indexing worker analyses, each
/// made a String once and numbered, so that a plan's tokens share their forms'
/// Strings and the indexer finds a token's term by its form's number.
///
/// Making two Strings for every token (`RawToken.makeToken`, which checks the
/// bytes are UTF-8 again), then looking each up again by its bytes in the
/// segment's term table, was a seventh of `docsearch index` (callgrind),
/// where the forms of a segment are some tens of thousands. A word is known
/// by its bytes as written; only a spelling not seen before is analysed
/// (lowercased, folded, its tone mark placed).
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
    /// diacritics. A word's folded form is worked out once, when its exact
    /// form is first seen.
    private var foldedForm: [UInt32] = []
    /// Words as written in the texts ("Kế", "KẾ", "kế"), each with the
    /// number of its exact form: a word written as before is known by its
    /// bytes, without lowercasing, folding and placing its tone mark again
    /// (the analyzer's work was 508 M of the 2,000 plans' build, callgrind).
    private var written = TermTable()
    private var exactFormOfWritten: [UInt32] = []

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

    /// The number of the exact form of the word written `bytes` (one token
    /// of NFC text), its forms numbered when new.
    private func exactForm(ofWritten bytes: UnsafeBufferPointer<UInt8>, analyzer: Analyzer) -> UInt32 {
        let id = written.id(field: 0, bytes)
        if id < exactFormOfWritten.count { return exactFormOfWritten[id] }
        var exact = UInt32.max
        analyzer.forEachToken(inUTF8: bytes) { raw in
            if let known = table.find(field: 0, raw.exactUTF8) {
                exact = UInt32(known)
            } else {
                // A folded form is its own folded form: analysed, it gives itself.
                let folded = raw.hasDiacritics ? intern(raw.foldedUTF8, folded: nil) : nil
                exact = intern(raw.exactUTF8, folded: folded)
            }
        }
        precondition(exact != .max, "a word's bytes analysed alone give no token")
        exactFormOfWritten.append(exact)
        return exact
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
        var text = text
        let tokens = [Token](unsafeUninitializedCapacity: capacity) { tokens, count in
            ids = [UInt32](unsafeUninitializedCapacity: 2 * capacity) { ids, idCount in
                text.withUTF8 { utf8 in
                    analyzer.forEachWordRange(inUTF8: utf8) { range, position in
                        let exact = exactForm(ofWritten: UnsafeBufferPointer(rebasing: utf8[range]), analyzer: analyzer)
                        let folded = foldedForm[Int(exact)]
                        let foldedString = forms[Int(folded)]
                        precondition(count < capacity)
                        (tokens.baseAddress! + count).initialize(to: Token(
                            exact: folded == exact ? foldedString : forms[Int(exact)], folded: foldedString,
                            position: position, byteRange: range, hasDiacritics: folded != exact))
                        count += 1
                        ids[idCount] = folded
                        ids[idCount + 1] = folded == exact ? Self.noExactForm : exact
                        idCount += 2
                    }
                }
            }
        }
        return (tokens, ids)
    }

    /// `formIDs` entry of a token whose exact form is its folded form.
    static let noExactForm = UInt32.max

    /// Numbers the extractors give a form, each worked out once per form
    /// from its String.
    enum Label: Int, CaseIterable {
        /// A folded form's number among the topic taxonomy's words
        /// (`TopicClassifier.Vocabulary`), -1 for none.
        case topicWord
    }

    /// Each kind's labels by form number; `unlabelled` until worked out.
    private var labels = [[Int32]](repeating: [], count: Label.allCases.count)
    private static let unlabelled = Int32.min

    /// The `kind` label of each token's folded form (`formIDs[2k]`, as
    /// `tokens(in:analyzer:)` gives them), by `make` from the form's String
    /// for a form not labelled before.
    func labels(_ kind: Label, ofFoldedFormsIn formIDs: [UInt32], _ make: (String) -> Int32) -> [Int32] {
        // Taken out while it is filled in, so that no write copies it.
        var table = labels[kind.rawValue]
        labels[kind.rawValue] = []
        defer { labels[kind.rawValue] = table }
        if table.count < forms.count { table.append(contentsOf: repeatElement(Self.unlabelled, count: forms.count - table.count)) }
        let count = formIDs.count / 2
        return [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            for k in 0..<count {
                let form = Int(formIDs[2 * k])
                var label = table[form]
                if label == Self.unlabelled {
                    label = make(forms[form])
                    table[form] = label
                }
                out[k] = label
            }
            initialized = count
        }
    }
}
