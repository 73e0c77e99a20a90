import Foundation
import XCTest
@testable import DocsearchKit

/// `docsearch index` killed with SIGKILL at any moment leaves the previous
/// index or the new one, never a broken one. The run here kills at a handful
/// of points; Benchmarks/robustness/kill9.sh kills at 20 on a larger corpus.
final class IndexCrashTests: XCTestCase {
    /// A folder of `count` plans: the seed plans, each copy with its own closing line.
    static func plans(_ count: Int, in folder: URL) throws {
        let texts = try Fixtures.Seed.allCases.map { try Fixtures.text($0) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for i in 0..<count {
            let text = texts[i % texts.count] + "\nBản sao số \(i) lưu tại văn thư.\n"
            try text.write(to: folder.appendingPathComponent(String(format: "ke-hoach-%04d.txt", i)), atomically: false, encoding: .utf8)
        }
    }

    func testKillDashNineLeavesTheOldOrTheNewIndex() throws {
        _ = try RobustnessSupport.binary()
        let folder = try Fixtures.scratch("kill9")
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = folder.appendingPathComponent("small"), large = folder.appendingPathComponent("large")
        try Self.plans(5, in: small)
        try Self.plans(200, in: large)
        let index = folder.appendingPathComponent("idx").path

        // Time one full run of the large corpus, so the kills fall inside a run.
        var fullRun = 0.0
        try RobustnessSupport.time {
            let r = try RobustnessSupport.run(["index", large.path, "--rebuild", "--index", index])
            XCTAssertEqual(r.status, 0, r.stderr)
        }.map { fullRun = $0 }
        let perFive = try SearchEngine(snapshot: IndexSnapshot.open(directory: index))
            .search(SearchRequest(query: "bình đẳng giới", limit: 1000)).total / 40
        XCTAssertGreaterThan(perFive, 0)
        let counts = [small.path: 5, large.path: 200]
        var current = large.path
        var generator = EncodingTestSupport.SeededGenerator(state: 9)
        var sawOld = 0, sawNew = 0
        for point in 0..<6 {
            let next = current == large.path ? small.path : large.path
            let delay = Double.random(in: 0.01...max(0.02, fullRun), using: &generator)
            let started = try RobustnessSupport.start(["index", next, "--rebuild", "--index", index])
            usleep(useconds_t(delay * 1e6))
            kill(started.process.processIdentifier, SIGKILL)
            started.process.waitUntilExit()

            let snapshot = try IndexSnapshot.open(directory: index)
            let plans = snapshot.documentCount
            XCTAssertTrue(plans == counts[current] || plans == counts[next],
                          "kill \(point) at \(delay) s: \(plans) plans, expected \(counts[current]!) or \(counts[next]!)")
            if plans == counts[next] { sawNew += 1; current = next } else { sawOld += 1 }
            let hits = try SearchEngine(snapshot: snapshot).search(SearchRequest(query: "bình đẳng giới", limit: 1000))
            XCTAssertEqual(hits.total, perFive * plans / 5, "the hits of the whole index the snapshot names")
            for s in 0..<snapshot.segments.count {
                for d in 0..<snapshot.segments[s].documentCount where !snapshot.isDeleted(segment: s, doc: d) {
                    _ = try snapshot.record(segment: s, doc: d)
                }
            }
        }
        // The next run after the kills cleans up and commits.
        let r = try RobustnessSupport.run(["index", small.path, "--index", index])
        XCTAssertLessThan(r.status, 2, r.stderr)
        XCTAssertEqual(try IndexSnapshot.open(directory: index).documentCount, 5)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: index).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
        print("kill -9: \(sawOld) kills left the old index, \(sawNew) the new one (full run \(fullRun) s)")
    }
}

private extension Double {
    func map(_ f: (Double) -> Void) { f(self) }
}
