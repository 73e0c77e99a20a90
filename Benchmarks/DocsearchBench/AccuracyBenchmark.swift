import DocsearchKit
import Foundation

/// `accuracy`: citation and plan-identity extraction against the corpus's
/// manifest.jsonl, through `MetadataAccuracy.measure` (extraction, topics,
/// and whether `cites X` returns exactly the manifest's set for a sample).
struct AccuracyBenchmark {
    static let usage = """
    docsearch-bench accuracy --corpus DIR [--count N]
      DIR must hold manifest.jsonl (gen_plans.py); --count N generates DIR when missing.
    """
    static let valued: Set<String> = ["--corpus", "--count", BenchPaths.sharedOption, BenchPaths.binaryOption]

    let corpusDirectory: String
    let count: Int?
    let paths: BenchPaths

    init(_ args: BenchArguments) throws {
        guard let corpus = args.value("--corpus") else { throw BenchError.usage(Self.usage) }
        corpusDirectory = corpus
        count = args.value("--count") == nil ? nil : try args.int("--count", default: 0)
        paths = BenchPaths(args)
    }

    func run() throws {
        let corpus = try Corpus.ensure(directory: corpusDirectory, count: count, paths: paths)
        let index = NSTemporaryDirectory() + "docsearch-bench-accuracy-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: index) }
        let (metadata, seconds) = try Clock.measure {
            try MetadataAccuracy.measure(corpus: URL(fileURLWithPath: corpus.directory), indexDirectory: index)
        }
        let report = metadata.extraction
        print("## Extraction accuracy against \(corpus.directory)/manifest.jsonl (\(Format.seconds(seconds)))")
        var table = Table(["measure", "value"])
        table.add(["plans", "\(report.plans) (unreadable \(report.unreadablePlans))"])
        table.add(["citation precision", Format.percent(report.citationPrecision)])
        table.add(["citation precision, laws not counted as errors", Format.percent(metadata.citationPrecisionWithoutLaws)])
        table.add(["citation recall", Format.percent(report.citationRecall)])
        table.add(["citations tp / fp / fn", "\(report.citationTruePositives) / \(report.citationFalsePositives) / \(report.citationFalseNegatives)"])
        table.add(["issuer exact match", Format.percent(report.issuerExactMatchRate)])
        table.add(["plan number match", Format.percent(report.numberMatchRate)])
        table.add(["date match", Format.percent(report.dateMatchRate)])
        table.add(["topic accuracy", Format.percent(metadata.topicAccuracy)])
        table.add(["`cites X` returns exactly the manifest's set", "\(metadata.citesExact) of \(metadata.citesSampled) sampled documents"])
        table.print()
        printTop("most frequent false positives (extracted, not in the manifest)", report.topFalsePositives)
        printTop("most frequent false negatives (in the manifest, not extracted)", report.topFalseNegatives)
        if !report.falsePositivesByKind.isEmpty {
            print("false positives by kind: " + report.falsePositivesByKind.sorted { $0.value > $1.value }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        for m in report.issuerMismatches.prefix(5) { print("issuer mismatch (expected | got): \(m)") }
        for m in metadata.citesMismatches.prefix(5) { print("cites mismatch: \(m)") }
    }

    private func printTop(_ title: String, _ counts: [String: Int]) {
        guard !counts.isEmpty else { return }
        print(title + ": " + counts.sorted { $0.value > $1.value }.prefix(8).map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
    }
}
