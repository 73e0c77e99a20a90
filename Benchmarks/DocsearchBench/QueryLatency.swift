import DocsearchKit
import Foundation

/// In-process query latency measured the way peers.py measures the peers:
/// per query, `warmup` untimed runs, then `runs` timed runs of
/// parse + search + materialise the top-k records; the exact hit count once,
/// outside the timing (the timed runs count matches up to the engine's
/// `totalLimit`, as tantivy's timed runs count none); p50/p99 by nearest rank
/// over all timings.
struct QueryLatency {
    struct PerQuery {
        var query: String
        var hits: Int
        var microseconds: Stats
        var topPaths: [String]
    }

    var perQuery: [PerQuery] = []
    var all: Stats { Stats(perQuery.flatMap(\.microseconds.sorted)) }

    func hits(for query: String) -> Int? { perQuery.first { $0.query == query }?.hits }

    /// The query lines of a peers query file: trimmed, blank and "#" lines skipped.
    static func queries(inFile path: String) throws -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw BenchError.missing(what: "query file", path: path)
        }
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// `facets`: also count facets over all matches, as the CLI and the web
    /// page do (the peers count none).
    static func measure(engine: SearchEngine, queries: [String], warmup: Int = 1, runs: Int = 20,
                        k: Int = 10, facets: Bool = false) throws -> QueryLatency {
        var out = QueryLatency()
        for q in queries {
            let request = SearchRequest(query: q, limit: k, wantFacets: facets)
            for _ in 0..<warmup { _ = try engine.search(request) }
            var times: [Double] = []
            times.reserveCapacity(runs)
            for _ in 0..<runs {
                let start = Clock.nanoseconds()
                let results = try engine.search(request)
                let elapsed = Clock.nanoseconds() - start
                withExtendedLifetime(results) {}
                times.append(Double(elapsed) / 1000)
            }
            var exact = request
            exact.exactTotal = true
            let results = try engine.search(exact)
            out.perQuery.append(PerQuery(query: q, hits: results.total, microseconds: Stats(times),
                                         topPaths: results.hits.map(\.record.path)))
        }
        return out
    }
}
