import Foundation

/// Scores ranking against labelled questions (qrels), as
/// ../shared/tools/eval_qrels.py does: recall@1/5/10 and MRR@10 of the
/// first relevant plan. A qrels line is `id TAB question TAB path[,path…]`,
/// paths relative to the documents folder.
public enum RankingEvaluation {
    public struct Question: Sendable {
        public var id: String
        public var text: String
        public var relevant: Set<String>
    }

    public struct Report: Sendable, Codable {
        public var questions = 0
        public var recallAt1 = 0.0
        public var recallAt5 = 0.0
        public var recallAt10 = 0.0
        public var mrrAt10 = 0.0
        /// Median and 99th-percentile in-process search time, microseconds.
        public var p50Microseconds = 0.0
        public var p99Microseconds = 0.0

        public var summary: String {
            String(format: "n=%d R@1=%.3f R@5=%.3f R@10=%.3f MRR@10=%.3f (search p50 %.0f µs, p99 %.0f µs)",
                   questions, recallAt1, recallAt5, recallAt10, mrrAt10, p50Microseconds, p99Microseconds)
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case unreadable(path: String)
        case malformed(path: String, line: Int)

        public var description: String {
            switch self {
            case let .unreadable(path): return "cannot read the qrels file \(path)"
            case let .malformed(path, line): return "\(path):\(line): expected id<TAB>question<TAB>paths"
            }
        }
    }

    public static func load(qrels path: String) throws -> [Question] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw Failure.unreadable(path: path) }
        var out: [Question] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 3 else { throw Failure.malformed(path: path, line: i + 1) }
            out.append(Question(id: String(parts[0]), text: String(parts[1]),
                                relevant: Set(parts[2].split(separator: ",").map(String.init))))
        }
        return out
    }

    /// Runs every question against `snapshot`; hit paths are made relative to `documents`.
    public static func run(_ questions: [Question], snapshot: IndexSnapshot, documents: String) throws -> Report {
        let engine = SearchEngine(snapshot: snapshot)
        let root = FileWalker.absolute(documents)
        var report = Report()
        var times: [Double] = []
        for q in questions {
            // The reference script removes double quotes before it searches.
            let text = q.text.replacingOccurrences(of: "\"", with: " ")
            let start = DispatchTime.now().uptimeNanoseconds
            let results = try engine.search(SearchRequest(query: text, limit: 10, wantFacets: false))
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
            let top = results.hits.map { relative($0.record.absolutePath, to: root) }
            if let first = top.firstIndex(where: q.relevant.contains) { report.mrrAt10 += 1 / Double(first + 1) }
            let n = Double(q.relevant.count)
            report.recallAt1 += Double(Set(top.prefix(1)).intersection(q.relevant).count) / n
            report.recallAt5 += Double(Set(top.prefix(5)).intersection(q.relevant).count) / n
            report.recallAt10 += Double(Set(top.prefix(10)).intersection(q.relevant).count) / n
        }
        let count = Double(max(questions.count, 1))
        report.questions = questions.count
        report.recallAt1 /= count; report.recallAt5 /= count; report.recallAt10 /= count; report.mrrAt10 /= count
        times.sort()
        if !times.isEmpty {
            report.p50Microseconds = times[times.count / 2]
            report.p99Microseconds = times[min(times.count - 1, Int(Double(times.count) * 0.99))]
        }
        return report
    }

    static func relative(_ path: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
