import DocsearchKit
import Foundation

/// `scale`: the same build and queries on a small and a large generated
/// corpus (20,000 and 100,000 plans by default): is build time linear, is
/// peak build memory bounded, how much slower are queries?
struct ScaleBenchmark {
    static let usage = """
    docsearch-bench scale [--count N] [--small N] [--corpus DIR] [--small-corpus DIR] [--queries FILE]
                          [--work DIR] [--runs N] [--keep]
      defaults: --count 100000 (/tmp/gen100k), --small 20000 (/tmp/gen20k); missing corpora are generated
      (seed 1). Each build runs as a `docsearch index` child process to read its peak RSS.
    """
    static let valued: Set<String> = ["--count", "--small", "--corpus", "--small-corpus", "--queries", "--work", "--runs",
                                      BenchPaths.sharedOption, BenchPaths.binaryOption]
    static let switches: Set<String> = ["--keep"]

    /// Build time may grow this much faster than the corpus and still count as linear.
    static let linearityTolerance = 1.2
    static let memoryLimitBytes = 1_500_000_000

    struct Point {
        var corpus: Corpus
        var build: IndexBuild.Child
        var writerSeconds: Double?
        var indexBytes: Int
        var latency: QueryLatency
    }

    let large: (count: Int, directory: String)
    let small: (count: Int, directory: String)
    let queriesFile: String
    let work: String
    let runs: Int
    let keep: Bool
    let paths: BenchPaths

    init(_ args: BenchArguments) throws {
        paths = BenchPaths(args)
        let count = try args.int("--count", default: 100_000)
        let smallCount = try args.int("--small", default: 20_000)
        large = (count, args.value("--corpus") ?? Self.defaultDirectory(count))
        small = (smallCount, args.value("--small-corpus") ?? Self.defaultDirectory(smallCount))
        queriesFile = FileTools.absolute(args.value("--queries") ?? paths.plansQueries)
        work = FileTools.absolute(args.value("--work") ?? "/tmp/bench-scale")
        runs = try args.int("--runs", default: 20)
        keep = args.has("--keep")
    }

    /// "/tmp/gen20k" for 20,000 plans, "/tmp/gen1500" for 1,500.
    static func defaultDirectory(_ count: Int) -> String {
        count % 1000 == 0 ? "/tmp/gen\(count / 1000)k" : "/tmp/gen\(count)"
    }

    func run() throws {
        try paths.requireBinary()
        let queries = try QueryLatency.queries(inFile: queriesFile)
        var points: [Point] = []
        for (count, dir) in [small, large] {
            let corpus = try Corpus.ensure(directory: dir, count: count, paths: paths)
            let index = work + "/index-\(corpus.files.count)"
            // The plans folder, as `speed` indexes it: not the generator's manifest.jsonl beside it.
            let build = try IndexBuild.child(binary: paths.docsearchBinary, corpus: Corpus.indexRoot(of: corpus.directory),
                                             directory: index)
            print("\(corpus.files.count) plans: `docsearch index` \(Format.seconds(build.seconds)), peak RSS "
                  + "\(Format.kilobytes(build.maxRSSKilobytes)): \(build.output)")
            let engine = SearchEngine(snapshot: try IndexSnapshot.open(directory: index))
            let latency = try QueryLatency.measure(engine: engine, queries: queries, runs: runs)
            points.append(Point(corpus: corpus, build: build, writerSeconds: Self.writerSeconds(in: build.output),
                                indexBytes: FileTools.treeBytes(index), latency: latency))
            if !keep { FileTools.remove(index) }
        }
        print()
        printTables(points)
    }

    /// The writer's own seconds: the last figure of `docsearch index`'s summary line ("…, 12.34 s").
    static func writerSeconds(in output: String) -> Double? {
        guard let line = output.split(separator: "\n").last, line.hasSuffix(" s") else { return nil }
        return line.dropLast(2).split(separator: " ").last.flatMap { Double($0) }
    }

    private func printTables(_ points: [Point]) {
        print("## Scale: build, memory and queries as the corpus grows")
        var table = Table(["plans", "text", "build (wall, child)", "CPU", "writer", "per 1,000 plans", "peak RSS", "index size",
                           "query p50", "query p99"])
        for p in points {
            let all = p.latency.all
            table.add([String(p.corpus.files.count), Format.bytes(p.corpus.textBytes), Format.seconds(p.build.seconds),
                       Format.seconds(p.build.cpuSeconds), p.writerSeconds.map(Format.seconds) ?? "–",
                       Format.seconds(p.build.seconds / Double(max(1, p.corpus.files.count)) * 1000),
                       Format.kilobytes(p.build.maxRSSKilobytes), Format.bytes(p.indexBytes),
                       Format.micros(all.percentile(50)), Format.micros(all.percentile(99))])
        }
        table.print()
        guard points.count == 2 else { return }
        let (a, b) = (points[0], points[1])
        let sizeRatio = Double(b.corpus.textBytes) / Double(max(1, a.corpus.textBytes))
        let buildRatio = b.build.seconds / max(a.build.seconds, 1e-9)
        let linearity = buildRatio / sizeRatio
        let cpuLinearity = b.build.cpuSeconds / max(a.build.cpuSeconds, 1e-9) / sizeRatio
        let p50Ratio = (b.latency.all.percentile(50) ?? 0) / max(a.latency.all.percentile(50) ?? 1, 1e-9)
        let p99Ratio = (b.latency.all.percentile(99) ?? 0) / max(a.latency.all.percentile(99) ?? 1, 1e-9)
        let peak = b.build.maxRSSKilobytes * 1024
        print()
        var targets = Table(["target (issue 5)", "docsearch", "limit", "met"])
        targets.add(["build time linear (build ratio ÷ text ratio)",
                     "\(Format.ratio(buildRatio)) ÷ \(Format.ratio(sizeRatio)) = \(String(format: "%.2f", linearity))",
                     "≤ \(Self.linearityTolerance)", linearity <= Self.linearityTolerance ? "yes" : "NO"])
        targets.add(["same in CPU time (less sensitive to other load)", String(format: "%.2f", cpuLinearity),
                     "≤ \(Self.linearityTolerance)", cpuLinearity <= Self.linearityTolerance ? "yes" : "NO"])
        targets.add(["peak build memory at \(b.corpus.files.count) plans", Format.bytes(peak), Format.bytes(Self.memoryLimitBytes),
                     peak <= Self.memoryLimitBytes ? "yes" : "NO"])
        targets.add(["query p50 at \(b.corpus.files.count) ÷ at \(a.corpus.files.count)", Format.ratio(p50Ratio), "≤ 2×", p50Ratio <= 2 ? "yes" : "NO"])
        targets.add(["query p99 at \(b.corpus.files.count) ÷ at \(a.corpus.files.count)", Format.ratio(p99Ratio), "≤ 2×", p99Ratio <= 2 ? "yes" : "NO"])
        targets.print()
        print("load average at end: \(Machine.loadAverage())")
    }
}
