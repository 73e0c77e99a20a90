import DocsearchKit
import Foundation

/// `latency`: in-process query latency on an index that already exists, per
/// query and overall, without rebuilding anything: the quick loop for
/// profiling the query engine (e.g. under `perf record`).
struct LatencyBenchmark {
    static let usage = """
    docsearch-bench latency --index DIR [--queries FILE] [--runs N] [--warmup N] [--facets] [--word-scores]
                            [--repeat N] [--total-limit N] [--time-budget S] [--threads N]
                            [--parallel-postings N]
      --index DIR    an index built by `docsearch index` (e.g. /tmp/bench-speed/index after `speed --keep`)
      --queries      query mix (default ../shared/tools/peers/queries-plans.txt)
      --facets       also count facets over all matches, as the web page does
      --word-scores  keep the scores of common words, quoted phrases and pairs across searches, as the
                     server does (TermScoreCache): after the warm-up, the timed runs find them kept
      --repeat N     measure the whole mix N times (default 1), for a steady profile
      --total-limit N  count matches exactly up to N, then skip what cannot reach the top
                     (default: the engine's, 1,000)
      --time-budget S  stop a query after S seconds with the best plans found (default: the
                     engine's, 0.08); raise it to count work under valgrind, which runs 50 times slower
      --threads N    threads a costly search runs on (default: the engine's, one per core); 1 under
                     callgrind, which counts only the calling thread's work inside a toggled function
      --parallel-postings N  run a search on those threads when its lists hold at least N plans
                     together (default: the engine's, 16,384)
    """
    static let valued: Set<String> = ["--index", "--queries", "--runs", "--warmup", "--repeat", "--total-limit",
                                      "--time-budget", "--threads", "--parallel-postings", BenchPaths.sharedOption,
                                      BenchPaths.binaryOption]
    static let switches: Set<String> = ["--facets", "--word-scores"]

    let index: String
    let queriesFile: String
    let runs: Int
    let warmup: Int
    let repeats: Int
    let facets: Bool
    let wordScores: Bool
    let totalLimit: Int?
    let timeBudget: Double?
    let threads: Int?
    let parallelPostings: Int?

    init(_ args: BenchArguments) throws {
        guard let index = args.value("--index") else { throw BenchError.usage(Self.usage) }
        self.index = FileTools.absolute(index)
        queriesFile = FileTools.absolute(args.value("--queries") ?? BenchPaths(args).plansQueries)
        runs = try args.int("--runs", default: 20)
        warmup = args.value("--warmup") == "0" ? 0 : try args.int("--warmup", default: 1)
        repeats = try args.int("--repeat", default: 1)
        facets = args.has("--facets")
        wordScores = args.has("--word-scores")
        totalLimit = try args.value("--total-limit").map { text in
            guard let n = Int(text), n >= 0 else { throw BenchArguments.Failure.badNumber(option: "--total-limit", value: text) }
            return n
        }
        timeBudget = try args.value("--time-budget").map { text in
            guard let s = Double(text), s > 0 else { throw BenchArguments.Failure.badSeconds(option: "--time-budget", value: text) }
            return s
        }
        threads = try args.value("--threads").map { _ in try args.int("--threads", default: 1) }
        parallelPostings = try args.value("--parallel-postings").map { _ in try args.int("--parallel-postings", default: 1) }
    }

    func run() throws {
        let queries = try QueryLatency.queries(inFile: queriesFile)
        let engine = SearchEngine(snapshot: try IndexSnapshot.open(directory: index))
        if let totalLimit { engine.totalLimit = totalLimit }
        if let timeBudget { engine.timeBudget = timeBudget }
        if wordScores { engine.termScores = TermScoreCache() }
        if let threads { engine.searchThreads = threads }
        if let parallelPostings { engine.parallelPostings = parallelPostings }
        // The server numbers the facet values before its first search; so does this.
        if facets { _ = try engine.snapshot.facetOrdinals() }
        print("index: \(index): \(engine.snapshot.statisticsDocumentCount) plans; \(queries.count) queries, "
              + "\(warmup) warm-up + \(runs) timed runs each\(facets ? ", with facets" : "")"
              + "\(wordScores ? ", common words', phrases' and pairs' scores kept" : ""), "
              + "matches counted exactly up to \(engine.totalLimit), costly searches on \(engine.searchThreads) "
              + "thread\(engine.searchThreads == 1 ? "" : "s")")
        var latency = QueryLatency()
        for _ in 0..<repeats {
            latency = try QueryLatency.measure(engine: engine, queries: queries, warmup: warmup, runs: runs, facets: facets)
        }
        var table = Table(["query", "hits", "p50", "p99"])
        for q in latency.perQuery {
            table.add([q.query, String(q.hits), Format.micros(q.microseconds.percentile(50)),
                       Format.micros(q.microseconds.percentile(99))])
        }
        let all = latency.all
        table.add(["all", "", Format.micros(all.percentile(50)), Format.micros(all.percentile(99))])
        table.print()
        print("load average: \(Machine.loadAverage())")
    }
}
