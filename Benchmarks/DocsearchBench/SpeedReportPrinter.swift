import Foundation

/// Prints a `speed` run: per-query hits and latency, the side-by-side table
/// with the peers and the ratios, our other figures, and the targets.
struct SpeedReportPrinter {
    let report: SpeedBenchmark.Report
    let cliRuns: Int

    private var tantivy: PeerResult? { report.peers.first { $0.engine == "tantivy" } }

    func print() {
        printPerQuery()
        Swift.print()
        printComparison()
        Swift.print()
        printOwnFigures()
        Swift.print()
        printTargets()
        Swift.print()
        Swift.print("load average at end: \(Machine.loadAverage())")
    }

    private func printPerQuery() {
        Swift.print("## Per query (in process, top 10, no facets; hits = plans matched)")
        var header = ["query", "docsearch hits", "p50", "p99"]
        header += report.peers.map { "\($0.engine) hits" }
        var table = Table(header)
        for q in report.latency.perQuery {
            var row = [q.query, String(q.hits), Format.micros(q.microseconds.percentile(50)), Format.micros(q.microseconds.percentile(99))]
            row += report.peers.map { Format.count($0.hits(for: q.query)) }
            table.add(row)
        }
        table.print()
        for r in ReferenceQuery.all {
            if let n = report.trueCitations[r.text] {
                Swift.print("manifest: \(n) plans cite \(r.text) (\(r.number), code \(r.codePrefix)…)")
            }
        }
    }

    private func printComparison() {
        let r = report
        let text = Double(max(1, r.corpus.textBytes))
        Swift.print("## docsearch beside the peers: \(r.corpus.files.count) plans, \(Format.bytes(r.corpus.textBytes)) of text")
        let ct = ReferenceQuery.directive20.text, qd = ReferenceQuery.decision1373.text
        var table = Table(["engine", "build (wall)", "index size", "size/text", "query p50", "query p99",
                           "hits \"\(ct)\"", "hits \"\(qd)\""])
        let all = r.latency.all
        table.add(["docsearch", Format.seconds(r.buildSeconds), Format.bytes(r.indexBytes), Format.percent(r.sizeRatio),
                   Format.micros(all.percentile(50)), Format.micros(all.percentile(99)),
                   Format.count(r.latency.hits(for: ct)), Format.count(r.latency.hits(for: qd))])
        for p in r.peers {
            table.add([p.engine, Format.seconds(p.readAndBuildSeconds), Format.bytes(p.index_bytes),
                       Format.percent(Double(p.index_bytes) / text), Format.micros(p.all_queries_p50_us),
                       Format.micros(p.all_queries_p99_us), Format.count(p.hits(for: ct)), Format.count(p.hits(for: qd))])
        }
        if let t = tantivy {
            table.add(["docsearch / tantivy", Format.ratio(r.buildSeconds / t.readAndBuildSeconds),
                       Format.ratio(Double(r.indexBytes) / Double(t.index_bytes)), "",
                       Format.ratio(all.percentile(50).flatMap { a in t.all_queries_p50_us.map { a / $0 } }),
                       Format.ratio(all.percentile(99).flatMap { a in t.all_queries_p99_us.map { a / $0 } }), "", ""])
        }
        table.print()
        Swift.print("build (wall) includes reading the files for every engine: docsearch through IndexWriter.run from an")
        Swift.print("empty folder (warm page cache); peers = peers.py read_seconds + build_seconds.")
        for p in r.peers {
            Swift.print("  \(p.engine) [\(p.engine_version)]: read \(Format.seconds(p.read_seconds)) + build \(Format.seconds(p.build_seconds)), "
                        + "peak RSS \(Format.kilobytes(p.peak_rss_kb)) (whole python process, files held in memory)")
        }
        if r.peers.isEmpty { Swift.print("(no peer figures: run with --peers)") }
        var truth: [String] = []
        for q in ReferenceQuery.all { if let n = r.trueCitations[q.text] { truth.append("\"\(q.text)\" \(n)") } }
        if !truth.isEmpty {
            Swift.print("plans that truly cite them (manifest.jsonl): " + truth.joined(separator: ", ")
                        + "; the peers count plans holding the loose words.")
        }
    }

    private func printOwnFigures() {
        let r = report
        Swift.print("## docsearch, further figures")
        var table = Table(["measure", "value"])
        table.add(["full build(s) from scratch (in process)", r.builds.map { Format.seconds($0.seconds) }.joined(separator: ", ")])
        table.add(["full build CPU time (user+sys, all threads)", r.builds.map { Format.seconds($0.cpuSeconds) }.joined(separator: ", ")])
        table.add(["re-index after \(r.changedFiles) files (1%) changed", Format.seconds(r.incremental.seconds)])
        table.add(["incremental / full build", Format.percent(r.incrementalRatio)])
        table.add(["`docsearch index` child: wall (incl. start, citation stats)", Format.seconds(r.childBuild.seconds)])
        table.add(["`docsearch index` child: CPU time (user+sys)", Format.seconds(r.childBuild.cpuSeconds)])
        table.add(["`docsearch index` child: peak RSS (ru_maxrss)", Format.kilobytes(r.childBuild.maxRSSKilobytes)])
        let withFacets = r.latencyWithFacets.all
        table.add(["query p50 / p99 with facet counts (as CLI and web)",
                   Format.micros(withFacets.percentile(50)) + " / " + Format.micros(withFacets.percentile(99))])
        table.add(["cold CLI `docsearch \"Chỉ thị 20\"` median (\(cliRuns) runs)", Format.milliseconds(r.cliSeconds.median ?? 0)])
        table.add(["cold CLI p90", Format.milliseconds(r.cliSeconds.percentile(90) ?? 0)])
        table.add(["segments after the build", String(r.builds.last?.summary.segments ?? 0)])
        table.print()
    }

    private func printTargets() {
        let r = report
        Swift.print("## Targets of issue 5")
        var table = Table(["target", "docsearch", "limit", "met"])
        func add(_ name: String, _ value: String, _ limit: String, _ ok: Bool?) {
            table.add([name, value, limit, ok.map { $0 ? "yes" : "NO" } ?? "–"])
        }
        if let t = tantivy {
            add("build ≤ tantivy read+build", Format.seconds(r.buildSeconds), Format.seconds(t.readAndBuildSeconds),
                r.buildSeconds <= t.readAndBuildSeconds)
        } else {
            add("build ≤ tantivy read+build", Format.seconds(r.buildSeconds), "(no peers)", nil)
        }
        add("index size ≤ 25% of text", Format.percent(r.sizeRatio), "25%", r.sizeRatio <= 0.25)
        let all = r.latency.all
        let p50 = all.percentile(50) ?? .infinity, p99 = all.percentile(99) ?? .infinity
        add("query p50 ≤ 100 µs", Format.micros(p50), "100 µs", p50 <= 100)
        add("query p99 ≤ 1 ms", Format.micros(p99), "1 ms", p99 <= 1000)
        let cli = r.cliSeconds.median ?? .infinity
        add("cold CLI ≤ 20 ms", Format.milliseconds(cli), "20 ms", cli <= 0.020)
        add("incremental (1% changed) ≤ 5% of full", Format.percent(r.incrementalRatio), "5%", r.incrementalRatio <= 0.05)
        table.print()
    }
}
