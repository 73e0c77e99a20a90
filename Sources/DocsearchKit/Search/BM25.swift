import Foundation

/// Okapi BM25: how much one term's occurrences in one field of one plan
/// count, given how rare the term is and how long the field is.
public struct BM25: Sendable, Hashable {
    /// How fast repeated occurrences saturate (Robertson's k1).
    public var k1: Double = 1.2
    /// How much a long field is penalised (0 = not at all, 1 = fully).
    public var b: Double = 0.75

    public init(k1: Double = 1.2, b: Double = 0.75) { self.k1 = k1; self.b = b }

    /// Inverse document frequency, never negative (the Lucene form).
    @inline(__always) public func idf(documentFrequency df: Int, documentCount n: Int) -> Double {
        let df = Double(min(df, n))
        return log(1 + (Double(n) - df + 0.5) / (df + 0.5))
    }

    /// The saturated, length-normalised term frequency; multiply by idf.
    @inline(__always) public func tf(_ tf: Double, length: Double, averageLength: Double) -> Double {
        self.tf(tf, norm: lengthNorm(length: length, averageLength: averageLength))
    }

    /// How long a field is against the average, as `tf(_:norm:)` takes it:
    /// one per field of a plan, for every word scored there.
    @inline(__always) public func lengthNorm(length: Double, averageLength: Double) -> Double {
        1 - b + b * length / max(averageLength, 1)
    }

    /// `tf(_:length:averageLength:)` for a field of norm `lengthNorm`.
    @inline(__always) public func tf(_ tf: Double, norm: Double) -> Double {
        self.tf(tf, k1Norm: k1 * norm)
    }

    /// `k1 · lengthNorm`, the part of `tf`'s divisor a field's length sets:
    /// worked out once per plan and field (`FieldNorms`).
    @inline(__always) public func k1Norm(length: Double, averageLength: Double) -> Double {
        k1 * lengthNorm(length: length, averageLength: averageLength)
    }

    /// `tf(_:norm:)` for a field of `k1Norm`.
    @inline(__always) public func tf(_ tf: Double, k1Norm: Double) -> Double {
        guard tf > 0 else { return 0 }
        return tf * (k1 + 1) / (tf + k1Norm)
    }

    /// `tf(_:k1Norm:)` without a branch, the same bits: for a loop over many
    /// plans, where whether a plan holds a word is as good as random. Of no
    /// occurrence, 0 · (k1 + 1) over a divisor kept above 0; with one or
    /// more, the divisor is at least 1 and the sum is the one above.
    @inline(__always) public func tfWithoutBranch(_ tf: Double, k1Norm: Double) -> Double {
        tf * (k1 + 1) / Swift.max(tf + k1Norm, .leastNormalMagnitude)
    }
}
