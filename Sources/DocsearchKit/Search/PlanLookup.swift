import Foundation

/// Finds plans in a snapshot by id, path or file name, and reads their text back.
public enum PlanLookup {
    /// The plan named by `name`: its id, its path as indexed, its absolute
    /// path, or its file name with or without extension.
    public static func find(_ name: String, in snapshot: IndexSnapshot) throws -> (segment: Int, doc: Int, record: PlanRecord) {
        let absolute = FileWalker.absolute(name)
        var matches: [(Int, Int, String)] = []
        for (s, segment) in snapshot.segments.enumerated() {
            let prints = try segment.fingerprints()
            for (d, p) in prints.enumerated() where !snapshot.isDeleted(segment: s, doc: d) {
                let file = (p.path as NSString).lastPathComponent
                let stem = (file as NSString).deletingPathExtension
                if PlanRecord.id(forPath: p.path) == name || p.path == name || FileWalker.absolute(p.path) == absolute {
                    return (s, d, try snapshot.record(segment: s, doc: d))
                }
                if file == name || stem == name { matches.append((s, d, p.path)) }
            }
        }
        guard !matches.isEmpty else { throw SearchError.planNotFound(name) }
        guard matches.count == 1 else { throw SearchError.ambiguousPlan(name, candidates: matches.map(\.2)) }
        return (matches[0].0, matches[0].1, try snapshot.record(segment: matches[0].0, doc: matches[0].1))
    }

    /// The plan's text as it was analysed, or nil when the file is gone or unreadable.
    public static func text(of record: PlanRecord) -> String? {
        guard let bytes = try? IndexWriter.readFile(record.absolutePath) else { return nil }
        return try? PlanDocument.decode(bytes).text
    }
}
