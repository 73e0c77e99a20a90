/// Chooses the 8-bit encoding of a file that is not UTF-8: decodes a sample
/// with each Vietnamese candidate (TCVN3, VNI, Windows-1258) and with
/// Windows-1252, and keeps the one under which the words that have non-ASCII
/// letters read as Vietnamese syllables. Windows-1252 wins every tie, so
/// French or English Latin-1 text is left as it is.
enum LegacyEncodingDetector {
    /// How many leading bytes are decoded to score the candidates.
    static let sampleSize = 64 * 1024
    /// Longest run of letters considered a word (a Vietnamese syllable has at most 7 letters).
    static let longestWord = 12

    /// The Vietnamese candidates, in the order that breaks ties between them.
    static let vietnameseCandidates: [SourceEncoding] = [.tcvn3, .vni, .windows1258]

    /// Counts of the words with a non-ASCII letter that read as a Vietnamese syllable, or not.
    struct Score: Equatable {
        var plausible = 0
        var implausible = 0
        /// A wrong reading makes many implausible words, so they weigh double.
        var value: Int { plausible - 2 * implausible }
    }

    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> SourceEncoding {
        let sample = UnsafeBufferPointer(rebasing: bytes.prefix(sampleSize))
        let latin = score(LegacyDecoder.decode(sample, as: .windows1252, baseOffset: 0).0)
        var best: (encoding: SourceEncoding, score: Score)?
        for candidate in vietnameseCandidates {
            let candidateScore = score(LegacyDecoder.decode(sample, as: candidate, baseOffset: 0).0)
            if candidateScore.value > (best?.score.value ?? 0) { best = (candidate, candidateScore) }
        }
        guard let best, best.score.value > latin.value else { return .windows1252 }
        return best.encoding
    }

    /// Scores decoded text: only words holding a non-ASCII letter count, as
    /// plain ASCII words read the same in every candidate.
    static func score(_ text: String) -> Score {
        var result = Score()
        var word: [Unicode.Scalar] = []
        word.reserveCapacity(longestWord + 1)
        var hasNonASCII = false
        func finishWord() {
            if hasNonASCII && !word.isEmpty {
                if word.count <= longestWord && VietnameseSyllable.isPlausible(word) {
                    result.plausible += 1
                } else {
                    result.implausible += 1
                }
            }
            word.removeAll(keepingCapacity: true)
            hasNonASCII = false
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                word.append(scalar)
                if !scalar.isASCII { hasNonASCII = true }
            } else {
                finishWord()
            }
        }
        finishWord()
        return result
    }

    /// Letters and combining marks (Windows-1258 writes tones as marks).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
        }
        if (0x0300...0x036F).contains(scalar.value) { return true }
        return scalar.properties.isAlphabetic
    }
}
