/// A map from words to values, built once and then only read, hashed over
/// the words' UTF-8 bytes (a `TermTable`). Extractors look up every token of
/// a plan: in a `[String: Value]` each lookup hashed and compared Strings,
/// about 400 instructions a token, 6% of indexing (callgrind).
///
/// Most tokens are in no table (the topics' and agencies' first words are a
/// few hundred), and a summary of the words' lengths and end bytes, 4,096
/// bits, says so for most of them without hashing every byte and probing.
struct WordTable<Value> {
    private var table = TermTable(capacity: 64)
    private var values: [Value] = []
    /// Bit `summaryBit(word)` is set for every word in the table.
    private var summary = [UInt64](repeating: 0, count: 64)

    /// Each word's value; a word given again has its values combined.
    init(_ pairs: [(String, Value)], combining combine: (Value, Value) -> Value) {
        for (word, value) in pairs {
            var word = word
            word.withUTF8 { bytes in
                let bit = Self.summaryBit(bytes)
                summary[bit >> 6] |= 1 << UInt64(bit & 63)
                let id = table.id(field: 0, bytes)
                if id < values.count { values[id] = combine(values[id], value) } else { values.append(value) }
            }
        }
    }

    subscript(word: String) -> Value? {
        var word = word
        return word.withUTF8 { bytes in
            let bit = Self.summaryBit(bytes)
            guard summary[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
            return table.find(field: 0, bytes).map { values[$0] }
        }
    }

    var count: Int { values.count }

    /// A word's place in the summary, from its length and its first and last bytes.
    @inline(__always) private static func summaryBit(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = bytes.first, let last = bytes.last else { return 0 }
        return (bytes.count &* 613 ^ Int(first) &* 31 ^ Int(last) &* 1_031) & 4_095
    }
}
