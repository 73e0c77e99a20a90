import DocsearchKit
import Foundation

/// `ranking`: recall@1/5/10 and MRR@10 on labelled questions (qrels), in
/// process, with the scoring rules of ../shared/tools/eval_qrels.py, beside
/// the peers' figures from issue 7; then once more through eval_qrels.py
/// and the release CLI, to check that both agree.
struct RankingBenchmark {
    static let usage = """
    docsearch-bench ranking [--qrels FILE] [--docs DIR] [--work DIR] [--no-crosscheck]
      defaults: ../shared/alqac2024/qrels.tsv and ../shared/alqac2024/docs; index in /tmp/bench-ranking
    """
    static let valued: Set<String> = ["--qrels", "--docs", "--work", BenchPaths.sharedOption, BenchPaths.binaryOption]
    static let switches: Set<String> = ["--no-crosscheck"]

    /// The peers on ALQAC 2024 (OR of the question's words, BM25), from issue 7.
    static let peerRows: [(String, Metrics)] = [
        ("SQLite FTS5", Metrics(queries: 529, recall1: 0.666, recall5: 0.828, recall10: 0.895, mrr10: 0.739)),
        ("tantivy (ASCII folding)", Metrics(queries: 529, recall1: 0.692, recall5: 0.871, recall10: 0.917, mrr10: 0.770)),
    ]

    struct Qrel {
        var id: String
        var query: String
        var relevant: Set<String>
    }

    struct Metrics {
        var queries: Int
        var recall1: Double
        var recall5: Double
        var recall10: Double
        var mrr10: Double

        /// eval_qrels.py's score(): recall@k = |relevant ∩ top k| / |relevant|,
        /// MRR@10 from the first relevant path in the top 10, averaged over queries.
        static func score(_ qrels: [Qrel], tops: [[String]]) -> Metrics {
            var r1 = 0.0, r5 = 0.0, r10 = 0.0, mrr = 0.0
            for (q, top) in zip(qrels, tops) {
                let top = Array(top.prefix(10))
                if let rank = top.firstIndex(where: { q.relevant.contains($0) }) { mrr += 1 / Double(rank + 1) }
                let n = Double(max(1, q.relevant.count))
                r1 += Double(q.relevant.intersection(top.prefix(1)).count) / n
                r5 += Double(q.relevant.intersection(top.prefix(5)).count) / n
                r10 += Double(q.relevant.intersection(top).count) / n
            }
            let n = Double(max(1, qrels.count))
            return Metrics(queries: qrels.count, recall1: r1 / n, recall5: r5 / n, recall10: r10 / n, mrr10: mrr / n)
        }

        var cells: [String] { [Format.rate(recall1), Format.rate(recall5), Format.rate(recall10), Format.rate(mrr10)] }
    }

    let qrelsFile: String
    let docs: String
    let work: String
    let crosscheck: Bool
    let paths: BenchPaths

    init(_ args: BenchArguments) throws {
        paths = BenchPaths(args)
        qrelsFile = FileTools.absolute(args.value("--qrels") ?? paths.alqacQrels)
        docs = FileTools.absolute(args.value("--docs") ?? paths.alqacDocs)
        work = FileTools.absolute(args.value("--work") ?? "/tmp/bench-ranking")
        crosscheck = !args.has("--no-crosscheck")
    }

    /// eval_qrels.py's load(): qid TAB query TAB relpath[,relpath…]; its clean() turns '"' into ' '.
    static func load(_ path: String) throws -> [Qrel] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw BenchError.missing(what: "qrels file", path: path)
        }
        var out: [Qrel] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count == 3 else { throw BenchError.badData(path: path, reason: "line \(n + 1) has \(cols.count) columns, not 3") }
            out.append(Qrel(id: String(cols[0]), query: cols[1].replacingOccurrences(of: "\"", with: " "),
                            relevant: Set(cols[2].split(separator: ",").map(String.init))))
        }
        return out
    }

    func run() throws {
        let qrels = try Self.load(qrelsFile)
        let index = work + "/index"
        let build = try IndexBuild.fromScratch(corpus: docs, directory: index)
        print("ranking: \(qrels.count) questions from \(qrelsFile); \(build.summary.plans) documents of \(docs) "
              + "indexed in \(Format.seconds(build.seconds)) into \(index)")

        let engine = SearchEngine(snapshot: try IndexSnapshot.open(directory: index))
        let root = URL(fileURLWithPath: docs).resolvingSymlinksInPath().path + "/"
        var tops: [[String]] = []
        var times: [Double] = []
        for q in qrels {
            let start = Clock.nanoseconds()
            let results = try engine.search(SearchRequest(query: q.query, limit: 10, wantFacets: false))
            times.append(Double(Clock.nanoseconds() - start) / 1000)
            tops.append(results.hits.map { hit in
                let p = URL(fileURLWithPath: hit.record.absolutePath).resolvingSymlinksInPath().path
                return p.hasPrefix(root) ? String(p.dropFirst(root.count)) : hit.record.path
            })
        }
        let ours = Metrics.score(qrels, tops: tops)
        let latency = Stats(times)

        var crossRow: Metrics? = nil
        if crosscheck { crossRow = try crossCheck(index: index) }

        print()
        print("## Ranking on \((docs as NSString).lastPathComponent == "docs" ? "ALQAC 2024" : docs): \(qrels.count) questions, recall and MRR of the labelled article")
        var table = Table(["engine", "R@1", "R@5", "R@10", "MRR@10"])
        for (name, m) in Self.peerRows { table.add([name, ] + m.cells) }
        table.add(["docsearch (in process)"] + ours.cells)
        if let c = crossRow { table.add(["docsearch (eval_qrels.py + CLI)"] + c.cells) }
        table.add(["target (issue 7)", "", "", "≥ 0.960", "≥ 0.850"])
        table.print()
        print("in-process latency per question (top 10, no facets): p50 \(Format.micros(latency.percentile(50))), "
              + "p99 \(Format.micros(latency.percentile(99))), max \(Format.micros(latency.max))")
        print("peers' rows are quoted from issue 7 (OR of the question's words, BM25), not re-run here.")
    }

    /// Runs eval_qrels.py against the release CLI and reads its last (JSON) line.
    func crossCheck(index: String) throws -> Metrics? {
        try paths.requireBinary()
        let args = [paths.evalQrels, "docsearch", qrelsFile, "--bin", paths.docsearchBinary, "--index", index, "--docs", docs]
        print("cross-check: python3 " + args.map(Machine.shellQuoted).joined(separator: " "))
        let (outcome, output) = try ChildProcess.capture("python3", args)
        for line in output.split(separator: "\n") where !line.hasPrefix("{") { print("  eval_qrels.py: \(line)") }
        guard outcome.succeeded, let last = output.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
              let obj = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any] else {
            print("cross-check: eval_qrels.py gave no result (status \(outcome.exitCode))")
            return nil
        }
        func value(_ key: String) -> Double { (obj[key] as? NSNumber)?.doubleValue ?? .nan }
        return Metrics(queries: (obj["queries"] as? NSNumber)?.intValue ?? 0, recall1: value("recall@1"),
                       recall5: value("recall@5"), recall10: value("recall@10"), mrr10: value("mrr@10"))
    }
}
