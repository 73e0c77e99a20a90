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

    struct Metrics {
        var queries: Int
        var recall1: Double
        var recall5: Double
        var recall10: Double
        var mrr10: Double

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

    func run() throws {
        // The questions are loaded and scored by the library's RankingEvaluation,
        // the same code as `docsearch eval`, which follows eval_qrels.py.
        let questions = try RankingEvaluation.load(qrels: qrelsFile)
        let index = work + "/index"
        let build = try IndexBuild.fromScratch(corpus: docs, directory: index)
        print("ranking: \(questions.count) questions from \(qrelsFile); \(build.summary.plans) documents of \(docs) "
              + "indexed in \(Format.seconds(build.seconds)) into \(index)")
        let report = try RankingEvaluation.run(questions, snapshot: IndexSnapshot.open(directory: index),
                                               documents: URL(fileURLWithPath: docs).resolvingSymlinksInPath().path)
        let ours = Metrics(queries: report.questions, recall1: report.recallAt1, recall5: report.recallAt5,
                           recall10: report.recallAt10, mrr10: report.mrrAt10)

        var crossRow: Metrics? = nil
        if crosscheck { crossRow = try crossCheck(index: index) }

        print()
        print("## Ranking on \((docs as NSString).lastPathComponent == "docs" ? "ALQAC 2024" : docs): \(questions.count) questions, recall and MRR of the labelled article")
        var table = Table(["engine", "R@1", "R@5", "R@10", "MRR@10"])
        for (name, m) in Self.peerRows { table.add([name, ] + m.cells) }
        table.add(["docsearch (in process)"] + ours.cells)
        if let c = crossRow { table.add(["docsearch (eval_qrels.py + CLI)"] + c.cells) }
        table.add(["target (issue 7)", "", "", "≥ 0.960", "≥ 0.850"])
        table.print()
        print("in-process latency per question (top 10, no facets): p50 \(Format.micros(report.p50Microseconds)), "
              + "p99 \(Format.micros(report.p99Microseconds))")
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
