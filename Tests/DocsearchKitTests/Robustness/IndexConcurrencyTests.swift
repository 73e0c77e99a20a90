import Foundation
import XCTest
@testable import DocsearchKit

/// Two writers at once, and readers while a writer commits.
final class IndexConcurrencyTests: XCTestCase {
    func testASecondIndexRunWaitsForTheLockThenFailsClearly() throws {
        let folder = try Fixtures.scratch("lock")
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("idx").path
        try FileManager.default.createDirectory(atPath: index, withIntermediateDirectories: true)
        let held = try FileLock(path: index + "/LOCK", timeout: 0)
        var options = IndexWriter.Options(directory: index, roots: [Fixtures.corpus.path])
        options.lockTimeout = 0.3
        var waited = 0.0
        waited = try RobustnessSupport.time {
            XCTAssertThrowsError(try IndexWriter.run(options)) { error in
                XCTAssertEqual(error as? StoreError, .locked(path: index + "/LOCK"))
                XCTAssertEqual("\(error)", "another `docsearch index` holds the lock \(index)/LOCK")
            }
        }
        XCTAssertGreaterThanOrEqual(waited, 0.3, "it waits before giving up")
        XCTAssertNil(try IndexManifest.read(directory: index), "nothing was written")
        held.unlock()
        XCTAssertEqual(try IndexWriter.run(options).plans, 5)
    }

    /// Two `docsearch index` processes started together: the second waits for the first,
    /// both succeed, and the index is whole.
    func testTwoIndexProcessesAtOnceBothFinish() throws {
        _ = try RobustnessSupport.binary()
        let folder = try Fixtures.scratch("two-writers")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plans = folder.appendingPathComponent("plans")
        try IndexCrashTests.plans(60, in: plans)
        let index = folder.appendingPathComponent("idx").path
        let a = try RobustnessSupport.start(["index", plans.path, "--index", index])
        let b = try RobustnessSupport.start(["index", plans.path, "--rebuild", "--index", index])
        for p in [a, b] {
            p.process.waitUntilExit()
            let err = String(decoding: p.stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(p.process.terminationStatus, 0, err)
        }
        XCTAssertEqual(try IndexSnapshot.open(directory: index).documentCount, 60)
    }

    /// A reader opening the index again and again while a writer alternates between a
    /// 5-plan and a 30-plan corpus always sees one of the two, whole.
    func testSearchesDuringIndexingSeeOneConsistentIndex() throws {
        let folder = try Fixtures.scratch("read-while-write")
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = folder.appendingPathComponent("small"), large = folder.appendingPathComponent("large")
        try IndexCrashTests.plans(5, in: small)
        try IndexCrashTests.plans(30, in: large)
        let index = folder.appendingPathComponent("idx").path
        _ = try IndexWriter.run(IndexWriter.Options(directory: index, roots: [small.path]))
        let perFive = try SearchEngine(snapshot: IndexSnapshot.open(directory: index))
            .search(SearchRequest(query: "bình đẳng giới", limit: 100)).total
        XCTAssertGreaterThan(perFive, 0)

        let done = DispatchSemaphore(value: 0)
        let writerError = ErrorBox()
        Thread {
            for round in 0..<12 {
                var options = IndexWriter.Options(directory: index, roots: [round % 2 == 0 ? large.path : small.path])
                options.rebuild = round % 4 < 2
                options.workers = 2
                do { _ = try IndexWriter.run(options) } catch { writerError.set(error) }
            }
            done.signal()
        }.start()
        var seen: [Int: Int] = [:]
        while done.wait(timeout: .now()) == .timedOut {
            let snapshot = try IndexSnapshot.open(directory: index)
            let plans = snapshot.documentCount
            XCTAssertTrue(plans == 5 || plans == 30, "\(plans) plans")
            seen[plans, default: 0] += 1
            // The 30-plan corpus is the 5 seed plans six times over: six times the hits.
            let hits = try SearchEngine(snapshot: snapshot).search(SearchRequest(query: "bình đẳng giới", limit: 100))
            XCTAssertEqual(hits.total, perFive * plans / 5)
            for hit in hits.hits { XCTAssertTrue(hit.record.path.hasSuffix(".txt")) }
        }
        XCTAssertNil(writerError.error)
        XCTAssertGreaterThan(seen.values.reduce(0, +), 3, "\(seen)")
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: Error?
    func set(_ e: Error) { lock.lock(); error = e; lock.unlock() }
}
