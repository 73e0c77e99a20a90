import Foundation

/// Collects analysed plans in memory until they are written as one segment.
/// Not thread-safe: each indexing worker fills its own builder.
public final class SegmentBuilder {
    final class Postings {
        var docs: [UInt32] = []
        var tfs: [UInt32] = []
        var positions: [UInt32] = []

        @inline(__always) func add(doc: UInt32, position: UInt32?) {
            if let last = docs.last, last == doc {
                tfs[tfs.count - 1] += 1
            } else {
                docs.append(doc)
                tfs.append(1)
            }
            if let position { positions.append(position) }
        }
    }

    private(set) var terms: [String: Postings] = [:]
    private(set) var records: [PlanRecord] = []
    private(set) var fingerprints: [FileFingerprint] = []
    private(set) var bodyLengths: [UInt32] = []
    private(set) var titleLengths: [UInt32] = []
    private(set) var facets: [String: [[String]]] = [:]
    /// A rough count of the bytes held, to decide when to flush.
    public private(set) var estimatedBytes = 0
    private let analyzer = Analyzer()

    public init() {}

    public var documentCount: Int { records.count }

    /// Adds one plan. `body` is the whole NFC text (title included), `title` its title.
    public func add(record: PlanRecord, fingerprint: FileFingerprint, body: String, title: String,
                    keywords: [(TermField, String)], facets docFacets: [String: [String]]) {
        let doc = UInt32(records.count)
        let bodyCount = index(text: body, doc: doc, exact: .bodyExact, folded: .bodyFolded)
        let titleCount = index(text: title, doc: doc, exact: .titleExact, folded: .titleFolded)
        for (field, value) in keywords where !value.isEmpty {
            posting(for: field, value).add(doc: doc, position: nil)
        }
        for name in Set(facets.keys).union(docFacets.keys) {
            var column = facets[name] ?? Array(repeating: [], count: Int(doc))
            column.append(docFacets[name] ?? [])
            facets[name] = column
        }
        records.append(record)
        fingerprints.append(fingerprint)
        bodyLengths.append(UInt32(bodyCount))
        titleLengths.append(UInt32(titleCount))
        estimatedBytes += body.utf8.count * 3 + 512
    }

    private func posting(for field: TermField, _ value: String) -> Postings {
        let key = String(UnicodeScalar(field.rawValue)) + value
        if let p = terms[key] { return p }
        let p = Postings()
        terms[key] = p
        estimatedBytes += key.utf8.count + 96
        return p
    }

    private func index(text: String, doc: UInt32, exact: TermField, folded: TermField) -> Int {
        var count = 0
        for token in analyzer.tokens(in: text) {
            let position = UInt32(truncatingIfNeeded: token.position)
            posting(for: folded, token.folded).add(doc: doc, position: position)
            if token.exact != token.folded {
                posting(for: exact, token.exact).add(doc: doc, position: nil)
            }
            count += 1
        }
        return count
    }

    /// The segment file's bytes.
    public func serialize() -> [UInt8] {
        var writer = SegmentWriter(documentCount: records.count)
        writer.setDocuments(records: records.map(SegmentWriter.encodeRecord), fingerprints: fingerprints,
                            bodyLengths: bodyLengths, titleLengths: titleLengths, facets: facets)
        let sorted = terms.map { (Array($0.key.utf8), $0.value) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        for (key, p) in sorted {
            let field = TermField(rawValue: key[0])
            writer.addTerm(key, docs: p.docs, tfs: p.tfs, positions: p.positions, withPositions: field?.hasPositions ?? false)
        }
        return writer.finish()
    }
}
