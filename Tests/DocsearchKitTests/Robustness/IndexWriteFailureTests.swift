import Foundation
import XCTest
@testable import DocsearchKit

/// A disk that fills up, or an index directory that cannot be written: a clear
/// error, exit status 2, and the old index still there and whole.
final class IndexWriteFailureTests: XCTestCase {
    /// The disk filling up is played by a file size limit (RLIMIT_FSIZE, with SIGXFSZ
    /// ignored): the kernel then fails the writer's writes as a full disk would, even for root.
    func testDiskFullLeavesTheOldIndexIntact() throws {
        let binary = try RobustnessSupport.binary()
        let folder = try Fixtures.scratch("disk-full")
        defer { try? FileManager.default.removeItem(at: folder) }
        let large = folder.appendingPathComponent("large")
        try IndexCrashTests.plans(200, in: large)
        let index = folder.appendingPathComponent("idx").path
        _ = try IndexWriter.run(IndexWriter.Options(directory: index, roots: [Fixtures.corpus.path]))
        let before = try Set(FileManager.default.contentsOfDirectory(atPath: index))

        let script = "trap '' XFSZ; ulimit -f 64; exec \"$0\" index \"$1\" --rebuild --index \"$2\""
        let run = try RobustnessSupport.run(["-c", script, binary.path, large.path, index], executable: URL(fileURLWithPath: "/bin/bash"))
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("cannot write \(index)/"), run.stderr)
        XCTAssertTrue(run.stderr.contains("File too large"), run.stderr)

        let snapshot = try IndexSnapshot.open(directory: index)
        XCTAssertEqual(snapshot.documentCount, 5, "the old index")
        XCTAssertEqual(try Set(FileManager.default.contentsOfDirectory(atPath: index)), before, "no half-written files left")
        XCTAssertGreaterThan(try SearchEngine(snapshot: snapshot).search(SearchRequest(query: "Chỉ thị 20")).total, 0)
    }

    /// A read-only index directory. Root writes anywhere, so under root the writer runs as nobody.
    func testReadOnlyIndexDirectoryGivesAClearErrorAndKeepsTheIndex() throws {
        let binary = try RobustnessSupport.binary()
        let folder = try Fixtures.scratch("read-only")
        defer {
            chmod(folder.appendingPathComponent("idx").path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        let index = folder.appendingPathComponent("idx").path
        _ = try IndexWriter.run(IndexWriter.Options(directory: index, roots: [Fixtures.corpus.path]))
        let plans = folder.appendingPathComponent("plans")
        try IndexCrashTests.plans(10, in: plans)
        chmod(folder.path, 0o755)
        XCTAssertEqual(chmod(index, 0o555), 0)
        var arguments = ["index", plans.path, "--index", index]
        var executable = binary
        if RobustnessSupport.runningAsRoot {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                throw XCTSkip("running as root without setpriv to drop privileges")
            }
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
            executable = URL(fileURLWithPath: "/usr/bin/setpriv")
        }
        let run = try RobustnessSupport.run(arguments, executable: executable)
        XCTAssertEqual(run.status, 2, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("cannot write \(index)/"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Permission denied"), run.stderr)
        XCTAssertEqual(try IndexSnapshot.open(directory: index).documentCount, 5)
    }
}
