import Foundation

/// Compares citation and identity extraction against a generated corpus's
/// manifest.jsonl (gen_plans.py): one JSON object a plan with "path",
/// "issuer", "number", "date" and "cites" (canonical symbols).
public enum ExtractionAccuracy {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unreadableManifest(path: String)
        case badManifestLine(line: Int)

        public var description: String {
            switch self {
            case .unreadableManifest(let p): return "cannot read manifest \(p)"
            case .badManifestLine(let n): return "manifest line \(n) is not a plan record"
            }
        }
    }

    /// Counts and rates over one corpus.
    public struct Report: Codable, Sendable, Equatable {
        public var plans = 0
        public var unreadablePlans = 0
        public var citationTruePositives = 0
        public var citationFalsePositives = 0
        public var citationFalseNegatives = 0
        public var issuerMatches = 0
        public var numberMatches = 0
        public var dateMatches = 0
        /// Extracted keys the manifest does not list, with how often (most frequent first, at most 20).
        public var topFalsePositives: [String: Int] = [:]
        /// Manifest keys not extracted, with how often (at most 20).
        public var topFalseNegatives: [String: Int] = [:]
        /// False positives grouped by the kind of document extracted ("law", "directive"…).
        public var falsePositivesByKind: [String: Int] = [:]
        /// A few issuer mismatches: "expected | got".
        public var issuerMismatches: [String] = []

        public var citationPrecision: Double {
            let d = citationTruePositives + citationFalsePositives
            return d == 0 ? 1 : Double(citationTruePositives) / Double(d)
        }
        public var citationRecall: Double {
            let d = citationTruePositives + citationFalseNegatives
            return d == 0 ? 1 : Double(citationTruePositives) / Double(d)
        }
        public var issuerExactMatchRate: Double { plans == 0 ? 0 : Double(issuerMatches) / Double(plans) }
        public var numberMatchRate: Double { plans == 0 ? 0 : Double(numberMatches) / Double(plans) }
        public var dateMatchRate: Double { plans == 0 ? 0 : Double(dateMatches) / Double(plans) }

        public var summary: String {
            func pct(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }
            return """
            plans: \(plans) (unreadable \(unreadablePlans))
            citations: precision \(pct(citationPrecision)), recall \(pct(citationRecall)) \
            (tp \(citationTruePositives), fp \(citationFalsePositives), fn \(citationFalseNegatives))
            issuer exact match: \(pct(issuerExactMatchRate)); number: \(pct(numberMatchRate)); date: \(pct(dateMatchRate))
            """
        }
    }

    /// Measures the corpus at `corpus` against `manifest` (default corpus/manifest.jsonl).
    public static func measure(corpus: URL, manifest: URL? = nil, limit: Int? = nil) throws -> Report {
        let manifestURL = manifest ?? corpus.appendingPathComponent("manifest.jsonl")
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
            throw Failure.unreadableManifest(path: manifestURL.path)
        }
        let citations = CitationExtractor()
        let identities = PlanIdentityExtractor()
        var report = Report()
        var fp: [String: Int] = [:], fn: [String: Int] = [:]
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        for (n, line) in lines.enumerated() {
            if let limit = limit, report.plans >= limit { break }
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let path = obj["path"] as? String else { throw Failure.badManifestLine(line: n + 1) }
            report.plans += 1
            guard let bytes = FileManager.default.contents(atPath: corpus.appendingPathComponent(path).path) else {
                report.unreadablePlans += 1
                continue
            }
            let text = TextNormalizer.normalize(utf8: [UInt8](bytes))
            let expected = Set((obj["cites"] as? [String] ?? []).map { Citation.canonicalKey(ofSymbol: $0) })
            let docs = citations.citations(in: text)
            let got = Set(docs.map(\.key))
            for d in docs where !expected.contains(d.key) {
                report.falsePositivesByKind[d.citation.kind?.rawValue ?? "unknown", default: 0] += 1
            }
            report.citationTruePositives += got.intersection(expected).count
            for k in got.subtracting(expected) { fp[k, default: 0] += 1 }
            for k in expected.subtracting(got) { fn[k, default: 0] += 1 }
            report.citationFalsePositives += got.subtracting(expected).count
            report.citationFalseNegatives += expected.subtracting(got).count

            let id = identities.identity(of: text)
            let issuer = id.issuer?.canonicalName ?? ""
            if let want = obj["issuer"] as? String {
                if want.precomposedStringWithCanonicalMapping == issuer {
                    report.issuerMatches += 1
                } else if report.issuerMismatches.count < 20 {
                    report.issuerMismatches.append("\(want) | \(issuer)")
                }
            }
            if let want = obj["number"] as? String, let key = id.number?.key, key == Citation.canonicalKey(ofSymbol: want) {
                report.numberMatches += 1
            }
            if let want = obj["date"] as? String, id.date?.iso == want { report.dateMatches += 1 }
        }
        report.topFalsePositives = top(fp)
        report.topFalseNegatives = top(fn)
        return report
    }

    private static func top(_ d: [String: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: d.sorted { $0.value > $1.value }.prefix(20).map { ($0.key, $0.value) })
    }
}
