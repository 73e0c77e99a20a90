import Foundation

/// One engine's result file written by peers.py (--engine all --out-dir DIR
/// writes DIR/ENGINE.json).
struct PeerResult: Decodable {
    struct QueryResult: Decodable {
        var query: String
        var hits: Int?
        var p50_us: Double?
        var p99_us: Double?
        var error: String?
    }

    var engine: String
    var engine_version: String
    var docs_dir: String
    var n_docs: Int
    var corpus_bytes: Int
    var read_seconds: Double
    var build_seconds: Double
    var index_bytes: Int
    var peak_rss_kb: Int
    var all_queries_p50_us: Double?
    var all_queries_p99_us: Double?
    var runs: Int
    var warmup: Int
    var queries: [QueryResult]

    func hits(for query: String) -> Int? { queries.first { $0.query == query }?.hits }

    /// The peers time the build without reading the files; we include reading.
    var readAndBuildSeconds: Double { read_seconds + build_seconds }
}

/// Runs peers.py on a corpus (setting up its venv once) and reads the results.
enum Peers {
    static let engineOrder = ["tantivy", "sqlite", "xapian", "whoosh", "postgres"]

    /// Makes /tmp/peers/venv with setup.sh when it is missing (apt + pip; slow).
    static func ensureInstalled(paths: BenchPaths, log: String) throws {
        guard !FileTools.exists(BenchPaths.peersPython) else { return }
        print("setting up the peers (bash setup.sh, log \(log)); this apt-installs and takes a while…")
        let outcome = try ChildProcess.run("bash", [paths.peersSetup], stdout: .file(log), stderr: .file(log + ".err"))
        guard outcome.succeeded else {
            throw BenchError.childFailed(command: "bash \(paths.peersSetup)", status: outcome.exitCode, log: log)
        }
    }

    /// Runs every peer engine; returns the results that exist afterwards, in `engineOrder`.
    /// With `reuse`, results already in `outDir` for the same corpus are read instead.
    static func run(corpus: Corpus, queries: String, paths: BenchPaths, workDirectory: String, reuse: Bool) throws -> [PeerResult] {
        let outDir = workDirectory + "/results"
        if reuse {
            let cached = load(outDir: outDir).filter { $0.docs_dir == corpus.directory && $0.n_docs == corpus.files.count }
            if !cached.isEmpty {
                print("peers: reusing \(cached.map(\.engine).joined(separator: ", ")) results from \(outDir)")
                return cached
            }
        }
        try ensureInstalled(paths: paths, log: workDirectory + "-setup.log")
        FileTools.remove(outDir)
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        let log = workDirectory + "/peers.log"
        let arguments = [paths.peersScript, "--docs", corpus.directory, "--queries", queries, "--engine", "all",
                         "--out-dir", outDir, "--index-dir", workDirectory + "/idx"]
        print("peers: " + ([BenchPaths.peersPython] + arguments).map(Machine.shellQuoted).joined(separator: " "))
        print("peers: log in \(log)")
        let outcome = try ChildProcess.run(BenchPaths.peersPython, arguments, stdout: .file(log), stderr: .file(log + ".err"))
        print("peers: finished in \(Format.seconds(outcome.seconds)) (status \(outcome.exitCode))")
        let results = load(outDir: outDir)
        guard !results.isEmpty else {
            throw BenchError.childFailed(command: "peers.py", status: outcome.exitCode, log: log)
        }
        return results
    }

    static func load(outDir: String) -> [PeerResult] {
        engineOrder.compactMap { engine in
            guard let data = FileManager.default.contents(atPath: outDir + "/" + engine + ".json") else { return nil }
            return try? JSONDecoder().decode(PeerResult.self, from: data)
        }
    }
}
