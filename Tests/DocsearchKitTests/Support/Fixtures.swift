import Foundation
import XCTest
@testable import DocsearchKit

/// Real text for tests: the seed plans in corpus/, and scratch folders.
enum Fixtures {
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    static var corpus: URL { repositoryRoot.appendingPathComponent("corpus") }
    static var shared: URL { repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared") }

    /// The seed plans, by the names they have in corpus/.
    enum Seed: String, CaseIterable {
        case longAn = "long-an-sgddt-2023-nhan-quyen.txt"
        case thuThua = "thu-thua-pgddt-2021-binh-dang-gioi.txt"
        case haiPhong = "hai-phong-sgddt-2024-tiep-can-phap-luat.txt"
        case boGDDT = "bo-gddt-2022-tong-ket-chi-thi-20.txt"
        case haQuang = "ha-quang-ubnd-2021-xa-hoi-hoc-tap.txt"
    }

    static func text(_ seed: Seed) throws -> String {
        try String(contentsOf: corpus.appendingPathComponent(seed.rawValue), encoding: .utf8)
    }

    /// A new empty folder, removed when the process ends or by the caller.
    static func scratch(_ name: String = "t") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("docsearch-tests-\(getpid())-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fresh corpus from ../shared/tools/gen_plans.py in a scratch folder
    /// (plans/ and manifest.jsonl); skips the test when the tool cannot run.
    static func generatedPlans(count: Int, seed: Int, name: String = "gen") throws -> URL {
        let tool = shared.appendingPathComponent("tools/gen_plans.py")
        guard FileManager.default.fileExists(atPath: tool.path) else { throw XCTSkip("gen_plans.py not found") }
        let corpus = try scratch(name)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", tool.path, "--out", corpus.path, "--count", "\(count)", "--seed", "\(seed)"]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw XCTSkip("gen_plans.py failed") }
        return corpus
    }

    /// `count` generated plans (`generatedPlans`) indexed at their corpus's
    /// idx/ with the options `configure` sets (workers, flush size), opened.
    static func generatedIndex(count: Int, seed: Int, name: String,
                               configure: (inout IndexWriter.Options) -> Void) throws -> IndexSnapshot {
        try IndexSnapshot.open(directory: index(of: generatedPlans(count: count, seed: seed, name: name),
                                                configure: configure))
    }

    /// The index of a generated corpus's plans (`generatedPlans`), built at
    /// `corpus`/idx with the options `configure` sets; returns its path.
    static func index(of corpus: URL, configure: (inout IndexWriter.Options) -> Void = { _ in }) throws -> String {
        var options = IndexWriter.Options(directory: corpus.appendingPathComponent("idx").path,
                                          roots: [corpus.appendingPathComponent("plans").path])
        configure(&options)
        _ = try IndexWriter.run(options)
        return options.directory
    }

    /// An index of a generated corpus's plans at `corpus`/idx, indexed, then
    /// updated once after its first `removed` files (in name order) were
    /// removed and the next `changed` had a line added: its segments carry
    /// deletion marks. Returns the index's path.
    static func updatedIndex(of corpus: URL, removed: Int, changed: Int) throws -> String {
        let plans = corpus.appendingPathComponent("plans")
        let index = try Self.index(of: corpus)
        let files = try FileManager.default.subpathsOfDirectory(atPath: plans.path).filter { $0.hasSuffix(".txt") }.sorted()
        for f in files.prefix(removed) { try FileManager.default.removeItem(at: plans.appendingPathComponent(f)) }
        for f in files.dropFirst(removed).prefix(changed) {
            let url = plans.appendingPathComponent(f)
            try (try String(contentsOf: url, encoding: .utf8) + "\nPhụ lục kèm theo.\n").write(to: url, atomically: true, encoding: .utf8)
        }
        _ = try IndexWriter.run(IndexWriter.Options(directory: index, roots: [plans.path]))
        return index
    }

    /// A copy of corpus/ in a scratch folder, so tests may change files.
    static func corpusCopy() throws -> URL {
        let dir = try scratch("corpus")
        for seed in Seed.allCases {
            try FileManager.default.copyItem(at: corpus.appendingPathComponent(seed.rawValue),
                                             to: dir.appendingPathComponent(seed.rawValue))
        }
        return dir
    }

    /// An index of the seed corpus, built once per test process.
    static let seedIndex: (dir: String, snapshot: IndexSnapshot) = {
        let dir = try! scratch("seed-index").path
        let options = IndexWriter.Options(directory: dir + "/idx", roots: [corpus.path])
        _ = try! IndexWriter.run(options)
        return (dir + "/idx", try! IndexSnapshot.open(directory: dir + "/idx"))
    }()

    /// An index of the 2,249 ALQAC 2024 law articles (../shared/alqac2024/docs), built once per test process.
    static let alqacIndex: Result<IndexSnapshot, Error> = Result {
        let dir = try scratch("alqac-index").path + "/idx"
        _ = try IndexWriter.run(IndexWriter.Options(directory: dir, roots: [shared.appendingPathComponent("alqac2024/docs").path]))
        return try IndexSnapshot.open(directory: dir)
    }

    /// 1,400 generated plans in one segment, built once per test process, and
    /// the documents they cite, most cited first (the manifest's keys): the
    /// most cited have lists of several blocks.
    static let citingIndex: Result<(snapshot: IndexSnapshot, mostCited: [String]), Error> = Result {
        let corpus = try generatedPlans(count: 1400, seed: 5, name: "citing")
        var options = IndexWriter.Options(directory: corpus.appendingPathComponent("idx").path,
                                          roots: [corpus.appendingPathComponent("plans").path])
        options.workers = 1
        _ = try IndexWriter.run(options)
        var citing: [String: Int] = [:]
        let manifest = try String(contentsOf: corpus.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        for line in manifest.split(separator: "\n") {
            let plan = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            for key in Set(plan?["cites"] as? [String] ?? []) { citing[key, default: 0] += 1 }
        }
        let mostCited = citing.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        return (try IndexSnapshot.open(directory: options.directory), mostCited)
    }

    /// Without a time budget: the tests check what a query finds, and a busy
    /// machine (a debug build beside other work) must not cut one short.
    /// A segment builder holding `texts`, analysed as the indexer analyses them.
    static func segmentBuilder<C: Collection>(of texts: C) throws -> SegmentBuilder
        where C.Element == (name: String, text: String) {
        let builder = SegmentBuilder()
        for (name, text) in texts {
            let bytes = Array(text.utf8)
            let print = FileFingerprint(path: name, size: UInt64(bytes.count), modified: 0, contentHash: 0)
            let (doc, _) = try PlanDocument.analyze(bytes: bytes, path: name, absolutePath: "/docs/" + name, fingerprint: print)
            builder.add(doc)
        }
        return builder
    }

    /// The segment a builder holding `texts` writes (`segmentBuilder(of:)`),
    /// from a scratch file, opened with every checksum verified; the file is
    /// removed at once (the reader keeps its mapping).
    static func segment<C: Collection>(of texts: C) throws -> SegmentReader
        where C.Element == (name: String, text: String) {
        let dir = try scratch("segment")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("seg.dseg").path
        try Data(try segmentBuilder(of: texts).serialize()).write(to: URL(fileURLWithPath: file))
        return try SegmentReader(path: file, name: "seg.dseg", verification: .full)
    }

    static func alqacEngine() throws -> SearchEngine {
        let engine = SearchEngine(snapshot: try alqacIndex.get())
        engine.timeBudget = .infinity
        return engine
    }

    static func search(_ q: String, limit: Int = 10, filters: [SearchFilter] = []) throws -> SearchResults {
        try SearchEngine(snapshot: seedIndex.snapshot).search(SearchRequest(query: q, limit: limit, filters: filters))
    }

    /// File names of the hits, best first.
    static func names(_ r: SearchResults) -> [String] {
        r.hits.map { ($0.record.path as NSString).lastPathComponent }
    }
}
