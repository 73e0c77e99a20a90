import Foundation

/// Throughput of the text pipeline on a given text, for benchmarks and manual
/// checks (nothing is timed in the tests). Figures are MB/s of UTF-8 input
/// (1 MB = 10^6 bytes) per second of the calling thread's CPU
/// time, so other load on the machine does not count; use a release build.
public enum TextThroughput {
    public struct Figures: Sendable, CustomStringConvertible {
        /// `TextNormalizer.normalize` of the text as given.
        public var normalizeMBps: Double
        /// `TextNormalizer.normalize` of the text in NFD (the composing path).
        public var normalizeDecomposedMBps: Double
        /// Foundation's `precomposedStringWithCanonicalMapping`, for comparison.
        public var foundationNFCMBps: Double
        /// `Analyzer.forEachToken` reading exact and folded bytes of each token.
        public var tokenizeMBps: Double
        /// `Analyzer.tokens(in:)`, which builds a String pair per token.
        public var tokensArrayMBps: Double
        public var tokenCount: Int

        public var description: String {
            String(format: "normalize %.0f MB/s (NFD input %.0f MB/s, Foundation NFC %.0f MB/s); forEachToken %.0f MB/s; tokens(in:) %.0f MB/s; %d tokens",
                   normalizeMBps, normalizeDecomposedMBps, foundationNFCMBps, tokenizeMBps, tokensArrayMBps, tokenCount)
        }
    }

    /// CPU time of the calling thread: steadier than wall time on a shared machine.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs each stage `repetitions` times over `text` and keeps the best time.
    public static func measure(text: String, repetitions: Int = 5) -> Figures {
        let bytes = Double(text.utf8.count)
        let nfc = TextNormalizer.normalize(text)
        let nfd = text.decomposedStringWithCanonicalMapping
        let analyzer = Analyzer()
        var tokenCount = 0
        var checksum = 0
        func best(_ work: () -> Void) -> Double {
            var bestSeconds = Double.infinity
            for _ in 0..<max(1, repetitions) {
                let start = threadCPUSeconds()
                work()
                let seconds = threadCPUSeconds() - start
                bestSeconds = min(bestSeconds, seconds)
            }
            return bytes / max(bestSeconds, 1e-9) / 1e6
        }
        let normalize = best { checksum &+= TextNormalizer.normalize(text).utf8.count }
        let decomposed = best { checksum &+= TextNormalizer.normalize(nfd).utf8.count }
        let foundation = best { checksum &+= text.precomposedStringWithCanonicalMapping.utf8.count }
        let tokenize = best {
            tokenCount = 0
            analyzer.forEachToken(in: nfc) { t in
                tokenCount += 1
                checksum &+= t.exactUTF8.count &+ t.foldedUTF8.count &+ Int(t.foldedUTF8.last ?? 0)
            }
        }
        let array = best { checksum &+= analyzer.tokens(in: nfc).count }
        if checksum == 42 { print("") } // keeps the work observable
        return Figures(normalizeMBps: normalize, normalizeDecomposedMBps: decomposed, foundationNFCMBps: foundation,
                       tokenizeMBps: tokenize, tokensArrayMBps: array, tokenCount: tokenCount)
    }
}
