/// Text as a dictionary key, compared by its UTF-8 bytes, not by Unicode
/// canonical equivalence as String compares: a memo of an extractor's
/// answers (`BoundedCache.value(for:orMake:)`) gives text that differs only
/// in normalisation its own answer, as the function it remembers would.
struct TextKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    /// Several texts, and absent ones, as one key: each part written with
    /// its length ("5:Sở Y|"), an absent one as "-|", so that no two lists
    /// of parts give the same key.
    init(_ parts: [String?]) {
        var text = ""
        for part in parts {
            if let part { text += "\(part.utf8.count):" + part + "|" } else { text += "-|" }
        }
        self.text = text
    }

    /// By memcmp of the contiguous bytes: `utf8.elementsEqual` walked the
    /// views byte by byte, 73 M of the memos' lookups in the 2,000 plans'
    /// build (callgrind).
    static func == (a: TextKey, b: TextKey) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in
            y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
