import DocsearchKit
import Foundation

/// `accuracy`: citation and plan-identity extraction against the corpus's
/// manifest.jsonl, through `ExtractionAccuracy.measure(corpus:)`.
struct AccuracyBenchmark {
    static let usage = """
    docsearch-bench accuracy --corpus DIR [--count N] [--limit N]
      DIR must hold manifest.jsonl (gen_plans.py); --count N generates DIR when missing;
      --limit N measures only the first N plans of the manifest.
    """
    static let valued: Set<String> = ["--corpus", "--count", "--limit", BenchPaths.sharedOption, BenchPaths.binaryOption]

    let corpusDirectory: String
    let count: Int?
    let limit: Int?
    let paths: BenchPaths

    init(_ args: BenchArguments) throws {
        guard let corpus = args.value("--corpus") else { throw BenchError.usage(Self.usage) }
        corpusDirectory = corpus
        count = args.value("--count") == nil ? nil : try args.int("--count", default: 0)
        limit = args.value("--limit") == nil ? nil : try args.int("--limit", default: 0)
        paths = BenchPaths(args)
    }

    func run() throws {
        let corpus = try Corpus.ensure(directory: corpusDirectory, count: count, paths: paths)
        let (report, seconds) = try Clock.measure {
            try ExtractionAccuracy.measure(corpus: URL(fileURLWithPath: corpus.directory), limit: limit)
        }
        print("## Extraction accuracy against \(corpus.directory)/manifest.jsonl (\(Format.seconds(seconds)))")
        var table = Table(["measure", "value"])
        table.add(["plans", "\(report.plans) (unreadable \(report.unreadablePlans))"])
        table.add(["citation precision", Format.percent(report.citationPrecision)])
        table.add(["citation recall", Format.percent(report.citationRecall)])
        table.add(["citations tp / fp / fn", "\(report.citationTruePositives) / \(report.citationFalsePositives) / \(report.citationFalseNegatives)"])
        table.add(["issuer exact match", Format.percent(report.issuerExactMatchRate)])
        table.add(["plan number match", Format.percent(report.numberMatchRate)])
        table.add(["date match", Format.percent(report.dateMatchRate)])
        table.print()
        printTop("most frequent false positives (extracted, not in the manifest)", report.topFalsePositives)
        printTop("most frequent false negatives (in the manifest, not extracted)", report.topFalseNegatives)
        if !report.falsePositivesByKind.isEmpty {
            print("false positives by kind: " + report.falsePositivesByKind.sorted { $0.value > $1.value }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        for m in report.issuerMismatches.prefix(5) { print("issuer mismatch (expected | got): \(m)") }
        print("(topic and cites-set accuracy of the metadata work: not on main yet, not measured)")
    }

    private func printTop(_ title: String, _ counts: [String: Int]) {
        guard !counts.isEmpty else { return }
        print(title + ": " + counts.sorted { $0.value > $1.value }.prefix(8).map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
    }
}
