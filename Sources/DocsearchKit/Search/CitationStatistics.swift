/// How many citations an index holds, and of how many distinct documents.
public struct CitationStatistics: Sendable {
    public var citations = 0
    public var documents = 0

    public init(snapshot: IndexSnapshot) throws {
        var keys = Set<[UInt8]>()
        for (s, segment) in snapshot.segments.enumerated() {
            for i in segment.terms(withPrefix: [TermField.citation.rawValue]) {
                var cursor = try segment.cursor(segment.info(i), positions: false)
                var live = 0
                while try cursor.next() {
                    if !snapshot.isDeleted(segment: s, doc: Int(cursor.doc)) { live += 1 }
                }
                if live > 0 { keys.insert(segment.termKey(i)); citations += live }
            }
        }
        documents = keys.count
    }
}
