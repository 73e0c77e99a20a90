import Foundation

/// Collects analysed plans in memory until they are written as one segment.
/// Not thread-safe: each indexing worker fills its own builder.
public final class SegmentBuilder {
    /// The postings of one term, growing as plans are added.
    struct Postings {
        var docs: [UInt32] = []
        var tfs: [UInt32] = []
        var positions: [UInt32] = []

        @inline(__always) mutating func add(doc: UInt32, position: UInt32?) {
            if let last = docs.last, last == doc {
                tfs[tfs.count - 1] += 1
            } else {
                docs.append(doc)
                tfs.append(1)
            }
            if let position { positions.append(position) }
        }
    }

    private var table = TermTable()
    private var postings: [Postings] = []
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
            add(table.id(field: field.rawValue, value), doc: doc, position: nil)
        }
        for name in docFacets.keys where facets[name] == nil {
            facets[name] = Array(repeating: [], count: Int(doc))
        }
        // Appended in place: a copy taken out of the dictionary and put back
        // was copied whole for every plan (a tenth of the build, perf).
        for name in Array(facets.keys) { facets[name]!.append(docFacets[name] ?? []) }
        records.append(record)
        fingerprints.append(fingerprint)
        bodyLengths.append(UInt32(bodyCount))
        titleLengths.append(UInt32(titleCount))
        estimatedBytes += body.utf8.count * 3 + 512
    }

    @inline(__always) private func add(_ id: Int, doc: UInt32, position: UInt32?) {
        if id == postings.count {
            postings.append(Postings())
            estimatedBytes += 96
        }
        postings[id].add(doc: doc, position: position)
    }

    private func index(text: String, doc: UInt32, exact: TermField, folded: TermField) -> Int {
        var count = 0
        let keepPositions = folded.hasPositions
        analyzer.forEachToken(in: text) { token in
            let position: UInt32? = keepPositions ? UInt32(truncatingIfNeeded: token.position) : nil
            add(table.id(field: folded.rawValue, token.foldedUTF8), doc: doc, position: position)
            if token.hasDiacritics {
                add(table.id(field: exact.rawValue, token.exactUTF8), doc: doc, position: nil)
            }
            count += 1
        }
        return count
    }

    /// The segment file's bytes.
    public func serialize() -> [UInt8] { serialize(postingsLayout: PostingsCodec.currentLayout) }

    /// The segment file's bytes with postings in `postingsLayout` (`.separateTF`: format 3).
    func serialize(postingsLayout: PostingsCodec.Layout) -> [UInt8] {
        var writer = SegmentWriter(documentCount: records.count, postingsLayout: postingsLayout)
        writer.setDocuments(records: records.map(SegmentWriter.encodeRecord), fingerprints: fingerprints,
                            bodyLengths: bodyLengths, titleLengths: titleLengths, facets: facets)
        let order = (0..<table.count).sorted { table.key($0).lexicographicallyPrecedes(table.key($1)) }
        for id in order {
            let key = Array(table.key(id))
            let p = postings[id]
            writer.addTerm(key, docs: p.docs, tfs: p.tfs, positions: p.positions,
                           withPositions: TermField(rawValue: key[0])?.hasPositions ?? false)
        }
        return writer.finish()
    }
}
