import Foundation

/// Accuracy of everything docsearch extracts, on a generated corpus against its
/// manifest.jsonl (gen_plans.py): citation precision and recall and issuer exact
/// match (`ExtractionAccuracy`), topic accuracy (the plan's first topic against
/// the manifest's "topic"), and for a sample of cited documents whether the
/// `docsearch cites` code path (`CitingPlans`) over an index of the corpus
/// returns exactly the plans the manifest lists.
public enum MetadataAccuracy {
    public struct Report: Codable, Sendable {
        public var extraction: ExtractionAccuracy.Report
        public var topicPlans = 0
        public var topicMatches = 0
        /// A few "path: expected | got".
        public var topicMismatches: [String] = []
        public var citesSampled = 0
        public var citesExact = 0
        /// A few "symbol: missing n, extra n".
        public var citesMismatches: [String] = []
        public var indexSeconds = 0.0

        public var topicAccuracy: Double { topicPlans == 0 ? 0 : Double(topicMatches) / Double(topicPlans) }
        public var citesExactRate: Double { citesSampled == 0 ? 0 : Double(citesExact) / Double(citesSampled) }

        /// False positives that are laws ("Luật số 97/2015/QH13"): the generator's mixed-in law
        /// sentences cite them, the manifest leaves them out.
        public var lawFalsePositives: Int {
            (extraction.falsePositivesByKind[DocumentKind.law.rawValue] ?? 0) + (extraction.falsePositivesByKind[DocumentKind.code.rawValue] ?? 0)
        }
        /// Precision counting law false positives as not wrong (reported beside the raw figure, never instead).
        public var citationPrecisionWithoutLaws: Double {
            let tp = extraction.citationTruePositives
            let d = tp + extraction.citationFalsePositives - lawFalsePositives
            return d == 0 ? 1 : Double(tp) / Double(d)
        }

        public var summary: String {
            func pct(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }
            let kinds = extraction.falsePositivesByKind.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let topFP = extraction.topFalsePositives.sorted { $0.value > $1.value }.prefix(5).map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
            return extraction.summary + "\n" + """
            citation false positives by kind: \(kinds.isEmpty ? "none" : kinds); most frequent: \(topFP.isEmpty ? "none" : topFP)
            citation precision without laws: \(pct(citationPrecisionWithoutLaws))
            topic accuracy (first topic): \(pct(topicAccuracy)) (\(topicMatches)/\(topicPlans))
            cites X exact set: \(pct(citesExactRate)) (\(citesExact)/\(citesSampled) sampled documents)
            index build: \(String(format: "%.1f", indexSeconds)) s
            """
        }
    }

    /// Measures `corpus` against `manifest` (default corpus/manifest.jsonl), building an index in
    /// `indexDirectory` (rebuilt). `citesSample` cited documents are drawn with a fixed seed.
    public static func measure(corpus: URL, manifest: URL? = nil, indexDirectory: String,
                               citesSample: Int = 200, seed: UInt64 = 1) throws -> Report {
        let manifestURL = manifest ?? corpus.appendingPathComponent("manifest.jsonl")
        var report = Report(extraction: try ExtractionAccuracy.measure(corpus: corpus, manifest: manifestURL))
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
            throw ExtractionAccuracy.Failure.unreadableManifest(path: manifestURL.path)
        }
        struct Entry { var path: String; var topic: String?; var cites: [String] }
        var entries: [Entry] = []
        for (n, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let path = obj["path"] as? String else { throw ExtractionAccuracy.Failure.badManifestLine(line: n + 1) }
            let absolute = FileWalker.absolute(corpus.appendingPathComponent(path).standardizedFileURL.path)
            entries.append(Entry(path: absolute, topic: obj["topic"] as? String, cites: obj["cites"] as? [String] ?? []))
        }

        // Index the plans' folder (not the manifest beside it).
        let plansFolder = corpus.appendingPathComponent("plans")
        let root = FileManager.default.fileExists(atPath: plansFolder.path) ? plansFolder : corpus
        var options = IndexWriter.Options(directory: indexDirectory, roots: [root.path])
        options.rebuild = true
        let summary = try IndexWriter.run(options)
        report.indexSeconds = summary.seconds
        let snapshot = try IndexSnapshot.open(directory: indexDirectory)
        var records: [String: PlanRecord] = [:]
        for r in try snapshot.liveRecords() { records[FileWalker.absolute(r.absolutePath)] = r }

        for e in entries {
            guard let want = e.topic else { continue }
            report.topicPlans += 1
            let got = records[e.path]?.topics?.first?.topic ?? ""
            if Folding.fold(got) == Folding.fold(want) {
                report.topicMatches += 1
            } else if report.topicMismatches.count < 20 {
                report.topicMismatches.append("\(e.path): \(want) | \(got)")
            }
        }

        // Cited documents → the plans the manifest says cite them.
        var citing: [String: (symbol: String, plans: Set<String>)] = [:]
        for e in entries {
            for c in e.cites {
                let key = Citation.canonicalKey(ofSymbol: c)
                citing[key, default: (c, [])].plans.insert(e.path)
            }
        }
        var keys = citing.keys.sorted()
        var rng = SplitMix64(state: seed)
        for i in stride(from: keys.count - 1, to: 0, by: -1) { keys.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        for key in keys.prefix(citesSample) {
            guard let (symbol, want) = citing[key] else { continue }
            report.citesSampled += 1
            let got = Set(try CitingPlans.find(symbol, in: snapshot).results.hits.map { FileWalker.absolute($0.record.absolutePath) })
            if got == want {
                report.citesExact += 1
            } else if report.citesMismatches.count < 20 {
                report.citesMismatches.append("\(symbol): missing \(want.subtracting(got).count), extra \(got.subtracting(want).count)")
            }
        }
        return report
    }
}
