import DocsearchKit
import Foundation

/// Index builds, timed: in this process through `IndexWriter.run`, or as a
/// `docsearch index` child process to read its peak memory.
enum IndexBuild {
    struct InProcess {
        var seconds: Double
        /// CPU seconds of this process (all threads) during the build.
        var cpuSeconds: Double
        var summary: IndexWriter.Summary
    }

    struct Child {
        var seconds: Double
        var cpuSeconds: Double
        var maxRSSKilobytes: Int
        var output: String
    }

    /// Builds from scratch into a fresh `directory`, reading the files (wall time).
    static func fromScratch(corpus: String, directory: String) throws -> InProcess {
        _ = try FileTools.freshDirectory(directory)
        return try update(corpus: corpus, directory: directory)
    }

    /// Runs the writer on an existing index: only new and changed files are read.
    static func update(corpus: String, directory: String) throws -> InProcess {
        let options = IndexWriter.Options(directory: directory, roots: [corpus])
        let cpuBefore = CPUTime.ofThisProcess()
        let (summary, seconds) = try Clock.measure { try IndexWriter.run(options) }
        return InProcess(seconds: seconds, cpuSeconds: CPUTime.ofThisProcess() - cpuBefore, summary: summary)
    }

    /// `docsearch index CORPUS --index DIR` in a child process, into a fresh DIR.
    static func child(binary: String, corpus: String, directory: String) throws -> Child {
        _ = try FileTools.freshDirectory(directory)
        let (outcome, output) = try ChildProcess.capture(binary, ["index", corpus, "--index", directory], stderr: .discard)
        guard outcome.signal == nil, outcome.exitCode <= 1 else {
            throw BenchError.childFailed(command: "\(binary) index \(corpus)", status: outcome.exitCode, log: nil)
        }
        return Child(seconds: outcome.seconds, cpuSeconds: outcome.cpuSeconds, maxRSSKilobytes: outcome.maxRSSKilobytes,
                     output: output.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
