/// Finds document references in a query ("Chỉ thị 20", "QĐ 1373",
/// "1373/QĐ-TTg", "2421/KH-SGDĐT") and turns each into index keys.
enum QueryReferences {
    /// Weight of a plan's own number over a mere citation of it: searching a
    /// plan's number finds that plan first.
    static let ownNumberBoost = 6.0

    /// `text` must be normalised already (byte ranges refer to it).
    static func find(in text: String) -> [(Range<String.Index>, Query.Reference)] {
        let utf8 = text.utf8
        return Citation.parseQuery(text).compactMap { q in
            guard q.byteRange.lowerBound >= 0, q.byteRange.upperBound <= utf8.count else { return nil }
            let lo = utf8.index(utf8.startIndex, offsetBy: q.byteRange.lowerBound)
            let hi = utf8.index(utf8.startIndex, offsetBy: q.byteRange.upperBound)
            return (lo..<hi, reference(q, text: String(text[lo..<hi])))
        }
    }

    static func reference(_ q: CitationQuery, text: String, occur: Query.Occur = .must) -> Query.Reference {
        switch q.key {
        case let .canonical(key):
            return Query.Reference(text: text, keys: [Query.ReferenceKey(field: .citation, value: key, boost: 1),
                                                      Query.ReferenceKey(field: .ownNumber, value: key, boost: ownNumberBoost)],
                                   occur: occur)
        case let .kindNumber(key):
            return Query.Reference(text: text, keys: [Query.ReferenceKey(field: .citationNumber, value: key, boost: 1)], occur: occur)
        }
    }
}
