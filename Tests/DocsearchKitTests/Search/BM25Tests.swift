import Foundation
import XCTest
@testable import DocsearchKit

/// `BM25.tfWithoutBranch`, which the term-at-a-time walk uses for every
/// posting, must give `tf`'s bits: with no occurrence 0, not NaN, even where
/// the divisor is 0 (k1 = 0, or b = 1 and a field of no words).
final class BM25Tests: XCTestCase {
    func testTFWithoutBranchHasTheBitsOfTF() {
        // The seed plans' body and title lengths, and a plan without a title.
        var lengths: [Double] = [0]
        for seed in Fixtures.Seed.allCases {
            let text = TextNormalizer.normalize((try? Fixtures.text(seed)) ?? "")
            let tokens = Analyzer().tokens(in: text)
            XCTAssertGreaterThan(tokens.count, 100, seed.rawValue)
            lengths.append(Double(tokens.count))
            lengths.append(Double(Analyzer().tokens(in: PlanDocument.fallbackTitle(of: text)).count))
        }
        let average = lengths.reduce(0, +) / Double(lengths.count)
        var zeroDivisors = 0
        for (k1, b) in [(1.2, 0.75), (0, 0.75), (1.2, 1), (2, 0), (0.5, 1)] {
            let bm25 = BM25(k1: k1, b: b)
            for length in lengths {
                let k1Norm = bm25.k1Norm(length: length, averageLength: average)
                if k1Norm == 0 { zeroDivisors += 1 }
                for tf in 0...40 {
                    let fast = bm25.tfWithoutBranch(Double(tf), k1Norm: k1Norm)
                    XCTAssertEqual(fast.bitPattern, bm25.tf(Double(tf), k1Norm: k1Norm).bitPattern,
                                   "k1 \(k1) b \(b) length \(length) tf \(tf)")
                    XCTAssertFalse(fast.isNaN)
                }
            }
        }
        XCTAssertGreaterThan(zeroDivisors, 0, "no case with k1Norm 0 was tried")
    }
}
