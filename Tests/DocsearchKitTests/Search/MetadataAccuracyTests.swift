import XCTest
@testable import DocsearchKit

/// Accuracy on a corpus from gen_plans.py: a fresh small one by default, or the
/// one named by $DOCSEARCH_ACCURACY_CORPUS (e.g. /tmp/gen20k) for the full figures.
final class MetadataAccuracyTests: XCTestCase {
    func testAccuracyOnGeneratedPlansMeetsTheTargets() throws {
        let corpus: URL
        if let given = ProcessInfo.processInfo.environment["DOCSEARCH_ACCURACY_CORPUS"], !given.isEmpty {
            corpus = URL(fileURLWithPath: given)
        } else {
            corpus = try Fixtures.generatedPlans(count: 300, seed: 7)
        }
        let index = try Fixtures.scratch("accuracy-index").path
        let r = try MetadataAccuracy.measure(corpus: corpus, indexDirectory: index, citesSample: 200)
        print(r.summary)
        for m in r.topicMismatches.prefix(5) { print("topic mismatch: \(m)") }
        for m in r.citesMismatches.prefix(5) { print("cites mismatch: \(m)") }
        for m in r.extraction.issuerMismatches.prefix(5) { print("issuer mismatch: \(m)") }
        XCTAssertGreaterThan(r.extraction.plans, 0)
        XCTAssertGreaterThanOrEqual(r.extraction.citationRecall, 0.995)
        XCTAssertGreaterThanOrEqual(r.citationPrecisionWithoutLaws, 0.99)
        XCTAssertGreaterThanOrEqual(r.extraction.issuerExactMatchRate, 0.99)
        XCTAssertGreaterThanOrEqual(r.topicAccuracy, 0.95)
        XCTAssertGreaterThan(r.citesSampled, 0)
        XCTAssertEqual(r.citesExact, r.citesSampled, r.citesMismatches.joined(separator: "\n"))
    }
}
