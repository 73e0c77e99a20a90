import DocsearchKit
import Foundation

/// `merge`: merges every segment of an index that already exists into one,
/// in memory (nothing is written), times it and prints the merged bytes'
/// checksum: the quick loop for profiling `SegmentMerger`, whose merges end
/// a large build.
struct MergeBenchmark {
    static let usage = """
    docsearch-bench merge --index DIR [--runs N]
      --index DIR    an index built by `docsearch index`; its segments are merged into one, in memory
      --runs N       merges to time (default 3); the median is printed
    """
    static let valued: Set<String> = ["--index", "--runs", BenchPaths.sharedOption, BenchPaths.binaryOption]

    let index: String
    let runs: Int

    init(_ args: BenchArguments) throws {
        guard let index = args.value("--index") else { throw BenchError.usage(Self.usage) }
        self.index = FileTools.absolute(index)
        runs = max(1, try args.int("--runs", default: 3))
    }

    func run() throws {
        let snapshot = try IndexSnapshot.open(directory: index)
        let inputs = zip(snapshot.segments, snapshot.manifest.segments).map { reader, entry in
            SegmentMerger.Input(reader: reader, deleted: Set(entry.deleted))
        }
        print("index: \(index): \(inputs.count) segments, \(snapshot.statisticsDocumentCount) plans")
        var seconds: [Double] = []
        var merged = (bytes: [UInt8](), documentCount: 0)
        for _ in 0..<runs {
            let (result, s) = try Clock.measure { try SegmentMerger.merge(inputs) }
            merged = result
            seconds.append(s)
        }
        seconds.sort()
        // The checksum tells whether two builds merge to the same bytes.
        let checksum = String(Checksum.of(merged.bytes), radix: 16)
        print("merged: \(merged.documentCount) plans, \(Format.bytes(merged.bytes.count)), checksum \(checksum); "
              + "\(runs) runs: median \(Format.seconds(seconds[seconds.count / 2])), "
              + "fastest \(Format.seconds(seconds[0]))")
    }
}
