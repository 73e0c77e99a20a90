/// A map from words to values, built once and then only read, hashed over
/// the words' UTF-8 bytes (a `TermTable`). Extractors look up every token of
/// a plan: in a `[String: Value]` each lookup hashed and compared Strings,
/// about 400 instructions a token, 6% of indexing (callgrind).
struct WordTable<Value> {
    private var table = TermTable(capacity: 64)
    private var values: [Value] = []

    /// Each word's value; a word given again has its values combined.
    init(_ pairs: [(String, Value)], combining combine: (Value, Value) -> Value) {
        for (word, value) in pairs {
            let id = table.id(field: 0, word)
            if id < values.count { values[id] = combine(values[id], value) } else { values.append(value) }
        }
    }

    subscript(word: String) -> Value? {
        table.find(field: 0, word).map { values[$0] }
    }

    var count: Int { values.count }
}
