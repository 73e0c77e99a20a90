import DocsearchKit
import Foundation

/// `speed`: index build, index size, in-process query latency, hits, cold CLI
/// time, incremental re-index and peak build memory on one corpus, printed
/// beside the peer engines' figures from peers.py on the same corpus and queries.
struct SpeedBenchmark {
    static let usage = """
    docsearch-bench speed --corpus DIR [--count N] [--queries FILE] [--peers] [--reuse-peers]
                          [--work DIR] [--runs N] [--warmup N] [--cli-runs N] [--build-runs N] [--keep]
      --count N      generate DIR with gen_plans.py --count N --seed 1 when it is missing
      --queries      query mix (default ../shared/tools/peers/queries-plans.txt)
      --peers        also run peers.py (tantivy, SQLite FTS5, xapian, whoosh) on the same corpus
      --reuse-peers  with --peers: read earlier peers results for this corpus from the work folder
      --work DIR     scratch folder for the corpus copy and indexes (default /tmp/bench-speed)
      --runs/--warmup  timed/untimed runs per query (default 20/1, as peers.py)
      --cli-runs N   spawns of `docsearch "Chỉ thị 20"` (default 20)
      --build-runs N full builds from scratch (default 1; the median is reported)
    """
    static let valued: Set<String> = ["--corpus", "--count", "--queries", "--work", "--runs", "--warmup", "--cli-runs",
                                      "--build-runs", BenchPaths.sharedOption, BenchPaths.binaryOption]
    static let switches: Set<String> = ["--peers", "--reuse-peers", "--keep"]

    struct Report {
        var corpus: Corpus
        var builds: [IndexBuild.InProcess]
        var indexBytes: Int
        var latency: QueryLatency
        var latencyWithFacets: QueryLatency
        var cliSeconds: Stats
        var incremental: IndexBuild.InProcess
        var changedFiles: Int
        var childBuild: IndexBuild.Child
        var peers: [PeerResult]
        var trueCitations: [String: Int]

        var buildSeconds: Double { Stats(builds.map(\.seconds)).median ?? 0 }
        var sizeRatio: Double { Double(indexBytes) / Double(max(1, corpus.textBytes)) }
        var incrementalRatio: Double { incremental.seconds / max(buildSeconds, 1e-9) }
    }

    let corpusDirectory: String
    let count: Int?
    let queriesFile: String
    let withPeers: Bool
    let reusePeers: Bool
    let work: String
    let runs: Int
    let warmup: Int
    let cliRuns: Int
    let buildRuns: Int
    let keep: Bool
    let paths: BenchPaths

    init(_ args: BenchArguments) throws {
        guard let corpus = args.value("--corpus") else { throw BenchError.usage(Self.usage) }
        paths = BenchPaths(args)
        corpusDirectory = corpus
        count = args.value("--count") == nil ? nil : try args.int("--count", default: 0)
        queriesFile = FileTools.absolute(args.value("--queries") ?? paths.plansQueries)
        withPeers = args.has("--peers") || args.has("--reuse-peers")
        reusePeers = args.has("--reuse-peers")
        work = FileTools.absolute(args.value("--work") ?? "/tmp/bench-speed")
        runs = try args.int("--runs", default: 20)
        warmup = args.value("--warmup") == "0" ? 0 : try args.int("--warmup", default: 1)
        cliRuns = try args.int("--cli-runs", default: 20)
        buildRuns = try args.int("--build-runs", default: 1)
        keep = args.has("--keep")
    }

    func run() throws {
        try paths.requireBinary()
        let corpus = try Corpus.ensure(directory: corpusDirectory, count: count, paths: paths)
        let queries = try QueryLatency.queries(inFile: queriesFile)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        print("corpus: \(corpus.directory): \(corpus.files.count) files, \(Format.bytes(corpus.textBytes)) of text")
        print("queries: \(queriesFile) (\(queries.count) queries, \(warmup) warm-up + \(runs) timed runs each)")

        // Everything is measured on a private copy, so that 1% of it can be
        // changed afterwards for the incremental figure; same bytes, same count.
        let copy = work + "/corpus"
        FileTools.remove(copy)
        try FileManager.default.copyItem(atPath: corpus.directory, toPath: copy)
        let root = Corpus.indexRoot(of: copy)

        let indexDir = work + "/index"
        var builds: [IndexBuild.InProcess] = []
        for i in 1...buildRuns {
            let b = try IndexBuild.fromScratch(corpus: root, directory: indexDir)
            print("build \(i)/\(buildRuns) from scratch (IndexWriter.run, in process): \(Format.seconds(b.seconds)) wall, "
                  + "\(Format.seconds(b.cpuSeconds)) CPU, \(b.summary.plans) plans, \(b.summary.segments) segment(s), \(b.summary.problems.count) problems "
                  + "(load average \(Machine.loadAverage()))")
            if b.summary.plans != corpus.files.count {
                print("WARNING: \(b.summary.plans) plans indexed for \(corpus.files.count) .txt files")
            }
            builds.append(b)
        }
        let indexBytes = FileTools.treeBytes(indexDir)
        print("index sections (all segments): \(IndexSections.summary(ofIndex: indexDir))")

        let snapshot = try IndexSnapshot.open(directory: indexDir)
        let engine = SearchEngine(snapshot: snapshot)
        let latency = try QueryLatency.measure(engine: engine, queries: queries, warmup: warmup, runs: runs)
        print("query latency measured (load average now \(Machine.loadAverage()))")
        let latencyWithFacets = try QueryLatency.measure(engine: engine, queries: queries, warmup: warmup, runs: runs, facets: true)

        let cli = try coldCLI(index: indexDir)
        print("cold CLI measured: median \(Format.milliseconds(cli.median ?? 0))")
        let (incremental, changed) = try incrementalUpdate(root: root, index: indexDir)
        let child = try IndexBuild.child(binary: paths.docsearchBinary, corpus: Corpus.indexRoot(of: corpus.directory),
                                         directory: work + "/rss-index")
        FileTools.remove(work + "/rss-index")
        print("docsearch index (child process, \(Format.seconds(child.seconds)), peak RSS \(Format.kilobytes(child.maxRSSKilobytes))): \(child.output)")
        if !keep { FileTools.remove(copy) }

        var truth: [String: Int] = [:]
        for r in ReferenceQuery.all { truth[r.text] = corpus.manifestCiting(number: r.number, codePrefix: r.codePrefix) }

        var peers: [PeerResult] = []
        if withPeers {
            do {
                peers = try Peers.run(corpus: corpus, queries: queriesFile, paths: paths, workDirectory: work + "/peers", reuse: reusePeers)
            } catch {
                print("peers: not measured: \(error)")
            }
        }
        let report = Report(corpus: corpus, builds: builds, indexBytes: indexBytes, latency: latency,
                            latencyWithFacets: latencyWithFacets, cliSeconds: cli,
                            incremental: incremental, changedFiles: changed, childBuild: child, peers: peers, trueCitations: truth)
        print()
        SpeedReportPrinter(report: report, cliRuns: cliRuns).print()
    }

    /// Spawns `docsearch "Chỉ thị 20" --index DIR` (one untimed warm-up, then `cliRuns` timed).
    func coldCLI(index: String) throws -> Stats {
        let arguments = [ReferenceQuery.directive20.text, "--index", index]
        _ = try ChildProcess.run(paths.docsearchBinary, arguments, stdout: .discard, stderr: .discard)
        var times: [Double] = []
        for _ in 0..<cliRuns {
            let o = try ChildProcess.run(paths.docsearchBinary, arguments, stdout: .discard, stderr: .discard)
            guard o.signal == nil, o.exitCode <= 1 else {
                throw BenchError.childFailed(command: "docsearch \(arguments.joined(separator: " "))", status: o.exitCode, log: nil)
            }
            times.append(o.seconds)
        }
        return Stats(times)
    }

    /// Appends a line to every 100th file (1%) of the copy and times the
    /// writer's update of its index. Returns (update, files changed).
    func incrementalUpdate(root: String, index: String) throws -> (IndexBuild.InProcess, Int) {
        let files = FileTools.textFiles(below: root)
        let changed = stride(from: 0, to: files.count, by: 100).map { files[$0].path }
        for path in changed {
            try FileTools.append("\nGhi chú: văn bản này được cập nhật, bổ sung lần thứ hai.\n", to: path)
        }
        let update = try IndexBuild.update(corpus: root, directory: index)
        print("incremental: after changing \(changed.count) files: \(Format.seconds(update.seconds)) "
              + "(\(update.summary.updated) updated, \(update.summary.unchanged) unchanged, \(update.summary.segments) segment(s))")
        return (update, changed.count)
    }
}
