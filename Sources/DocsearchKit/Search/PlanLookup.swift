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

    /// The plan's whole text as it was analysed, or nil when the file is gone or unreadable.
    public static func text(of record: PlanRecord) -> String? {
        shownText(of: record, limit: .max)?.text
    }

    /// Snippets and the plan page draw on at most this many bytes (UTF-8) of
    /// a plan's text. Real plans are 5–50 KB; a 100 MB file, read back whole
    /// for one snippet, took 13 s and 2 GB (Benchmarks/robustness/extremes.sh).
    public static let shownTextLimit = 1 << 20

    /// A plan's text read back to be shown: the whole of it, or its first
    /// `limit` bytes cut at a line break (else a space) when it is longer.
    public struct ShownText: Sendable, Equatable {
        public var text: String
        /// True when the plan's text goes on past `text`.
        public var isCut: Bool
    }

    /// The first `limit` bytes of the plan's text as it was analysed, or nil
    /// when the file is gone or unreadable. Only the start of the file is
    /// read: four bytes of any encoding docsearch reads give at least one
    /// byte of UTF-8, and the decoded text is cut at `limit`.
    public static func shownText(of record: PlanRecord, limit: Int = shownTextLimit) -> ShownText? {
        let limit = max(1, limit)
        let sourceLimit = limit > Int.max / 8 ? Int.max : 4 * limit + 4
        guard let bytes = try? IndexWriter.readFile(record.absolutePath, limit: sourceLimit),
              let text = try? PlanDocument.decode(bytes).text else { return nil }
        let utf8 = text.utf8
        guard utf8.count > limit else { return ShownText(text: text, isCut: bytes.count >= sourceLimit) }
        let prefix = Array(utf8.prefix(limit + 1))
        return ShownText(text: String(decoding: prefix[..<cutPoint(prefix, limit: limit)], as: UTF8.self), isCut: true)
    }

    /// Where to cut `bytes` so that at most `limit` remain: after the last
    /// line break in the second half, else before the last space there, else
    /// at the last scalar boundary.
    static func cutPoint(_ bytes: [UInt8], limit: Int) -> Int {
        var end = min(limit, bytes.count)
        if let nl = bytes[(end / 2)..<end].lastIndex(of: 0x0A) { return nl }
        if let space = bytes[(end / 2)..<end].lastIndex(of: 0x20) { return space }
        // A continuation byte (10xxxxxx) at `end` means a scalar is split there.
        while end > 0 && end < bytes.count && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }
}
