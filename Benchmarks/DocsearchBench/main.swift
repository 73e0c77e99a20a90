import Foundation

/// docsearch-bench: the figures of the performance and ranking issues,
/// measured on this machine, beside the peer engines'. Run it from the
/// package root in a release build:
///   swift build -c release && swift run -c release docsearch-bench MODE [options]
enum Mode: String, CaseIterable {
    case speed, scale, accuracy, ranking, latency, merge, all
}

let usage = """
usage: docsearch-bench MODE [options]        (run from the package root, release build)

\(SpeedBenchmark.usage)

\(ScaleBenchmark.usage)

\(AccuracyBenchmark.usage)

\(RankingBenchmark.usage)

\(LatencyBenchmark.usage)

\(MergeBenchmark.usage)

docsearch-bench all [--corpus DIR] [--count N] [--scale] [--reuse-peers]
  speed --peers, accuracy and ranking on /tmp/gen20k (generated when missing);
  with --scale, also scale (generates /tmp/gen100k: slow).

common options: --shared DIR (default ../shared), --bin PATH (default: docsearch beside this executable)
"""

func runAll(_ words: [String]) throws {
    let args = try BenchArguments(words, valued: ["--corpus", "--count", BenchPaths.sharedOption, BenchPaths.binaryOption],
                                  switches: ["--scale", "--reuse-peers"])
    let corpus = args.value("--corpus") ?? "/tmp/gen20k"
    let count = args.value("--count") ?? "20000"
    var common: [String] = []
    for o in [BenchPaths.sharedOption, BenchPaths.binaryOption] { if let v = args.value(o) { common += [o, v] } }
    let peers = args.has("--reuse-peers") ? "--reuse-peers" : "--peers"
    try SpeedBenchmark(BenchArguments(["--corpus", corpus, "--count", count, peers] + common,
                                      valued: SpeedBenchmark.valued, switches: SpeedBenchmark.switches)).run()
    print()
    try AccuracyBenchmark(BenchArguments(["--corpus", corpus] + common, valued: AccuracyBenchmark.valued, switches: [])).run()
    print()
    try RankingBenchmark(BenchArguments(common, valued: RankingBenchmark.valued, switches: RankingBenchmark.switches)).run()
    if args.has("--scale") {
        print()
        try ScaleBenchmark(BenchArguments(["--small-corpus", corpus, "--small", count] + common,
                                          valued: ScaleBenchmark.valued, switches: ScaleBenchmark.switches)).run()
    }
}

func main() -> Int32 {
    let words = Array(CommandLine.arguments.dropFirst())
    guard let first = words.first, let mode = Mode(rawValue: first) else {
        print(usage)
        return words.first.map { ["-h", "--help", "help"].contains($0) } == true ? 0 : 2
    }
    let rest = Array(words.dropFirst())
    setvbuf(stdout, nil, _IOLBF, 0)
    do {
        Machine.printHeader(title: "docsearch-bench \(mode.rawValue)")
        switch mode {
        case .speed: try SpeedBenchmark(BenchArguments(rest, valued: SpeedBenchmark.valued, switches: SpeedBenchmark.switches)).run()
        case .scale: try ScaleBenchmark(BenchArguments(rest, valued: ScaleBenchmark.valued, switches: ScaleBenchmark.switches)).run()
        case .accuracy: try AccuracyBenchmark(BenchArguments(rest, valued: AccuracyBenchmark.valued, switches: [])).run()
        case .ranking: try RankingBenchmark(BenchArguments(rest, valued: RankingBenchmark.valued, switches: RankingBenchmark.switches)).run()
        case .latency: try LatencyBenchmark(BenchArguments(rest, valued: LatencyBenchmark.valued, switches: LatencyBenchmark.switches)).run()
        case .merge: try MergeBenchmark(BenchArguments(rest, valued: MergeBenchmark.valued, switches: [])).run()
        case .all: try runAll(rest)
        }
        return 0
    } catch {
        FileHandle.standardError.write(Data("docsearch-bench: \(error)\n".utf8))
        return 2
    }
}

exit(main())
