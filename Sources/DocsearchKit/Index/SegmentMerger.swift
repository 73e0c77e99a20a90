/// Merges segments into one, dropping deleted plans: the postings of each
/// term are concatenated in segment order with doc ids renumbered.
public enum SegmentMerger {
    public struct Input {
        public var reader: SegmentReader
        public var deleted: Set<UInt32>
        public init(reader: SegmentReader, deleted: Set<UInt32>) { self.reader = reader; self.deleted = deleted }
    }

    /// The merged segment file's bytes and its document count.
    public static func merge(_ inputs: [Input]) throws -> (bytes: [UInt8], documentCount: Int) {
        // Renumber the live docs.
        var remap: [[Int32]] = []
        var records: [[UInt8]] = []
        var fingerprints: [FileFingerprint] = []
        var bodyLengths: [UInt32] = [], titleLengths: [UInt32] = []
        var facetNames = Set<String>()
        var columns: [[String: SegmentReader.FacetColumn]] = []
        for input in inputs {
            let r = input.reader
            let prints = try r.fingerprints()
            let cols = try r.facetColumns()
            columns.append(cols)
            facetNames.formUnion(cols.keys)
            var map = [Int32](repeating: -1, count: r.documentCount)
            for doc in 0..<r.documentCount where !input.deleted.contains(UInt32(doc)) {
                map[doc] = Int32(records.count)
                records.append(try r.rawRecord(doc))
                fingerprints.append(prints[doc])
                bodyLengths.append(r.bodyLength(doc))
                titleLengths.append(r.titleLength(doc))
            }
            remap.append(map)
        }
        var facets: [String: [[String]]] = [:]
        for name in facetNames {
            var column: [[String]] = []
            column.reserveCapacity(records.count)
            for (i, input) in inputs.enumerated() {
                for doc in 0..<input.reader.documentCount where remap[i][doc] >= 0 {
                    column.append(columns[i][name]?.values(of: doc) ?? [])
                }
            }
            facets[name] = column
        }
        // Pairs are kept only if every input has them: a list missing one
        // input's plans would lose phrases there. Else the format before them.
        let keepsPairs = inputs.allSatisfy(\.reader.hasWordPairs)
        var writer = SegmentWriter(documentCount: records.count,
                                   version: keepsPairs ? SegmentWriter.version : SegmentWriter.lastVersionWithoutWordPairs)
        writer.setDocuments(records: records, fingerprints: fingerprints, bodyLengths: bodyLengths,
                            titleLengths: titleLengths, facets: facets)

        // k-way merge of the sorted term dictionaries. One set of arrays for
        // every term, each doc's positions appended in place.
        var next = [Int](repeating: 0, count: inputs.count)
        var heads: [[UInt8]?] = inputs.map { $0.reader.termCountValue > 0 ? $0.reader.termKey(0) : nil }
        var docs: [UInt32] = [], tfs: [UInt32] = [], positions: [UInt32] = []
        while true {
            var smallest: [UInt8]? = nil
            for h in heads { if let h, smallest == nil || h.lexicographicallyPrecedes(smallest!) { smallest = h } }
            guard let key = smallest else { break }
            let field = TermField(rawValue: key[0])
            let withPositions = field?.hasPositions ?? false
            let dropped = field == .bodyPair && !keepsPairs
            docs.removeAll(keepingCapacity: true)
            tfs.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            for i in inputs.indices where heads[i] == key {
                let r = inputs[i].reader
                if dropped {
                    next[i] += 1
                    heads[i] = next[i] < r.termCountValue ? r.termKey(next[i]) : nil
                    continue
                }
                let map = remap[i]
                func mapped(_ doc: UInt32) throws -> Int32 {
                    guard Int(doc) < map.count else {
                        throw StoreError.corrupt(path: r.name, reason: "posting for doc \(doc) of \(map.count)")
                    }
                    return map[Int(doc)]
                }
                var cursor = try r.cursor(r.info(next[i]), positions: withPositions)
                if withPositions {
                    while try cursor.next() {
                        let m = try mapped(cursor.doc)
                        guard m >= 0 else { continue }
                        docs.append(UInt32(m))
                        tfs.append(cursor.tf)
                        try cursor.appendPositions(to: &positions)
                    }
                } else {
                    // Lists without positions (exact forms, titles, citations,
                    // half the postings) are read a block at a time.
                    try cursor.forEachBlock { blockDocs, blockTFs, count in
                        for k in 0..<count {
                            let m = try mapped(blockDocs[k])
                            guard m >= 0 else { continue }
                            docs.append(UInt32(m))
                            tfs.append(blockTFs[k])
                        }
                    }
                }
                next[i] += 1
                heads[i] = next[i] < r.termCountValue ? r.termKey(next[i]) : nil
            }
            if !docs.isEmpty {
                writer.addTerm(key, docs: docs, tfs: tfs, positions: positions, withPositions: withPositions)
            }
        }
        return (writer.finish(), records.count)
    }
}
