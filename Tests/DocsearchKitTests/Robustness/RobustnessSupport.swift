import Foundation
import XCTest
@testable import DocsearchKit

/// Helpers shared by the robustness tests: writing files, indexing a folder,
/// and running the built `docsearch` binary as a separate process.
enum RobustnessSupport {
    static var runningAsRoot: Bool { geteuid() == 0 }

    static func write(_ bytes: [UInt8], to url: URL) throws {
        try Data(bytes).write(to: url)
    }

    /// Indexes `roots` into `dir/idx` with one worker, returning the summary and the opened snapshot.
    static func index(_ roots: [String], into dir: URL, workers: Int = 1,
                      progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> (IndexWriter.Summary, IndexSnapshot) {
        var options = IndexWriter.Options(directory: dir.appendingPathComponent("idx").path, roots: roots)
        options.workers = workers
        options.progress = progress
        let summary = try IndexWriter.run(options)
        return (summary, try IndexSnapshot.open(directory: options.directory))
    }

    /// The `docsearch` executable built beside the test bundle, or nil when it is not built.
    static let docsearchBinary: URL? = {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent()) }
        candidates.append(Fixtures.repositoryRoot.appendingPathComponent(".build/debug"))
        for dir in candidates {
            let url = dir.appendingPathComponent("docsearch")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    static func binary() throws -> URL {
        guard let url = docsearchBinary else { throw XCTSkip("the docsearch executable is not built (run `swift build` first)") }
        return url
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs docsearch to the end with `arguments`, in `directory`.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    executable: URL? = nil) throws -> Run {
        let process = try start(arguments, in: directory, environment: environment, executable: executable)
        // Read stderr on another thread so that neither pipe can fill and stall the child.
        let err = DataBox()
        let errDone = DispatchSemaphore(value: 0)
        let errHandle = process.stderr.fileHandleForReading
        Thread { err.data = errHandle.readDataToEndOfFile(); errDone.signal() }.start()
        let out = process.stdout.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.process.waitUntilExit()
        return Run(status: process.process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err.data, as: UTF8.self))
    }

    final class DataBox: @unchecked Sendable { var data = Data() }

    struct Started {
        var process: Process
        var stdout: Pipe
        var stderr: Pipe
    }

    static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                      executable: URL? = nil) throws -> Started {
        let process = Process()
        process.executableURL = try executable ?? binary()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return Started(process: process, stdout: out, stderr: err)
    }

    /// Peak resident memory of this process so far, in bytes (VmHWM).
    static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
    }

    /// Seconds taken by `body`.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
