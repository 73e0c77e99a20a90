import XCTest
@testable import DocsearchKit

final class IndexWriterTests: XCTestCase {
    private func build(_ roots: [String], in dir: String, rebuild: Bool = false) throws -> IndexWriter.Summary {
        var o = IndexWriter.Options(directory: dir, roots: roots)
        o.rebuild = rebuild
        return try IndexWriter.run(o)
    }

    private func paths(_ snapshot: IndexSnapshot) throws -> [String] {
        var out: [String] = []
        try snapshot.forEachLiveDocument { s, d in out.append((try snapshot.record(segment: s, doc: d).path as NSString).lastPathComponent) }
        return out.sorted()
    }

    /// `readFile` gives a file's bytes, whole or its first `limit`, also past
    /// the size fstat gave: /proc files say 0 bytes and hold more, as a file
    /// grown between fstat and read does.
    func testReadFileGivesTheBytesWholeOrCutAtTheLimit() throws {
        let dir = try Fixtures.scratch("read")
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = Array(try Data(contentsOf: Fixtures.corpus.appendingPathComponent(Fixtures.Seed.thuThua.rawValue)))
        var large: [UInt8] = []
        while large.count < 200_000 { large += seed }
        let path = dir.appendingPathComponent("large.txt").path
        try Data(large).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try IndexWriter.readFile(path), large)
        for limit in [0, 1, seed.count, 65_536, 65_537, large.count, large.count + 1, large.count + 100] {
            XCTAssertEqual(try IndexWriter.readFile(path, limit: limit), Array(large.prefix(limit)), "limit \(limit)")
        }
        let empty = dir.appendingPathComponent("empty.txt").path
        try Data().write(to: URL(fileURLWithPath: empty))
        XCTAssertEqual(try IndexWriter.readFile(empty), [])

        let version = "/proc/version"
        var st = stat()
        guard stat(version, &st) == 0, st.st_size == 0 else { throw XCTSkip("no /proc/version of size 0 here") }
        let expected = Array(try Data(contentsOf: URL(fileURLWithPath: version)))
        XCTAssertGreaterThan(expected.count, 10)
        XCTAssertEqual(try IndexWriter.readFile(version), expected)
        XCTAssertEqual(try IndexWriter.readFile(version, limit: 5), Array(expected.prefix(5)))
    }

    func testIncrementalAddChangeRemove() throws {
        let corpus = try Fixtures.corpusCopy()
        let idx = try Fixtures.scratch("idx").path
        let first = try build([corpus.path], in: idx)
        XCTAssertEqual(first.added, 5)
        XCTAssertEqual(first.plans, 5)

        // Nothing changed: nothing is read again.
        let again = try build([], in: idx)
        XCTAssertEqual(again.unchanged, 5)
        XCTAssertEqual(again.added + again.updated + again.removed, 0)

        // Change one plan, remove one, add one.
        let thuThua = corpus.appendingPathComponent(Fixtures.Seed.thuThua.rawValue)
        let changed = try Fixtures.text(.thuThua) + "\nBổ sung: tổ chức tọa đàm về phòng, chống bạo lực gia đình.\n"
        try changed.write(to: thuThua, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: corpus.appendingPathComponent(Fixtures.Seed.haQuang.rawValue))
        try Fixtures.text(.haQuang).write(to: corpus.appendingPathComponent("ha-quang-copy.txt"), atomically: true, encoding: .utf8)
        let third = try build([], in: idx)
        XCTAssertEqual(third.updated, 1)
        XCTAssertEqual(third.removed, 1)
        XCTAssertEqual(third.added, 1)
        XCTAssertEqual(third.plans, 5)

        let snapshot = try IndexSnapshot.open(directory: idx)
        XCTAssertEqual(snapshot.documentCount, 5)
        XCTAssertFalse(try paths(snapshot).contains(Fixtures.Seed.haQuang.rawValue))
        XCTAssertTrue(try paths(snapshot).contains("ha-quang-copy.txt"))
        let hits = try SearchEngine(snapshot: snapshot).search(SearchRequest(query: "bạo lực gia đình bổ sung"))
        XCTAssertEqual(Fixtures.names(hits).first, Fixtures.Seed.thuThua.rawValue)
        // The old version of the changed plan is gone: one hit per path.
        XCTAssertEqual(Set(hits.hits.map(\.record.path)).count, hits.hits.count)
    }

    func testManySegmentsMergeIntoOneWithTheSameAnswers() throws {
        let corpus = try Fixtures.corpusCopy()
        let idx = try Fixtures.scratch("merge").path
        _ = try build([corpus.path], in: idx)
        let before = try SearchEngine(snapshot: IndexSnapshot.open(directory: idx)).search(SearchRequest(query: "trẻ em"))
        // Touch files one at a time so each run writes a small segment, until a merge happens.
        for (i, seed) in Fixtures.Seed.allCases.enumerated() {
            let url = corpus.appendingPathComponent(seed.rawValue)
            try (try Fixtures.text(seed) + "\n" + String(repeating: " ", count: i + 1)).write(to: url, atomically: true, encoding: .utf8)
            var o = IndexWriter.Options(directory: idx)
            o.maxSegments = 3
            _ = try IndexWriter.run(o)
        }
        let snapshot = try IndexSnapshot.open(directory: idx)
        XCTAssertLessThanOrEqual(snapshot.segments.count, 3)
        let after = try SearchEngine(snapshot: snapshot).search(SearchRequest(query: "trẻ em"))
        XCTAssertEqual(Fixtures.names(after), Fixtures.names(before))
        XCTAssertEqual(after.total, before.total)
    }

    /// Groups merged on two cores at once write the bytes merged one after
    /// another write, each group under its own name, in the groups' order.
    func testMergeGroupsOnTwoCoresWriteWhatOneCoreWrites() throws {
        let corpus = try Fixtures.generatedPlans(count: 48, seed: 7, name: "merge-groups")
        let plans = corpus.appendingPathComponent("plans")
        let files = try FileManager.default.subpathsOfDirectory(atPath: plans.path).filter { $0.hasSuffix(".txt") }.sorted()
        let texts = try files.map { (name: $0, text: try String(contentsOf: plans.appendingPathComponent($0), encoding: .utf8)) }
        let inputs = try Fixtures.scratch("merge-inputs").path
        var segments: [IndexManifest.Segment] = []
        for (i, start) in stride(from: 0, to: texts.count, by: 8).enumerated() {
            let name = "in-\(i).dseg"
            try Data(try Fixtures.segmentBuilder(of: texts[start..<start + 8]).serialize())
                .write(to: URL(fileURLWithPath: inputs + "/" + name))
            segments.append(IndexManifest.Segment(name: name, documentCount: 8, deleted: i == 5 ? [0, 3] : []))
        }
        let groups = [Array(segments[0...1]), Array(segments[2...4]), [segments[5]]]
        func merged(workers: Int) throws -> [(segment: IndexManifest.Segment, bytes: [UInt8])] {
            var n = 0
            let out = try IndexWriter.merge(groups, readers: [], directory: inputs, workers: workers,
                                            name: { n += 1; return "out-\(workers)-\(n).dseg" })
            return try out.map { ($0, Array(try Data(contentsOf: URL(fileURLWithPath: inputs + "/" + $0.name)))) }
        }
        let oneCore = try merged(workers: 1), twoCores = try merged(workers: 2)
        XCTAssertEqual(oneCore.map(\.segment.name), ["out-1-1.dseg", "out-1-2.dseg", "out-1-3.dseg"])
        XCTAssertEqual(twoCores.map(\.segment.name), ["out-2-1.dseg", "out-2-2.dseg", "out-2-3.dseg"])
        XCTAssertEqual(twoCores.map(\.segment.documentCount), [16, 24, 6])
        XCTAssertEqual(twoCores.map(\.bytes), oneCore.map(\.bytes))
        // Each merged segment holds its group's live plans, in the group's order.
        for (g, out) in twoCores.enumerated() {
            let reader = try SegmentReader(path: inputs + "/" + out.segment.name, name: out.segment.name, verification: .full)
            let paths = try reader.fingerprints().map(\.path)
            let expected = groups[g].flatMap { s -> [String] in
                let i = Int(s.name.dropFirst(3).prefix { $0 != "." })!
                return (0..<8).filter { !s.deleted.contains(UInt32($0)) }.map { texts[i * 8 + $0].name }
            }
            XCTAssertEqual(paths, expected)
        }
    }

    /// A group whose segment is gone fails the merge with its file's name.
    func testMergeOfAMissingSegmentNamesIt() throws {
        let dir = try Fixtures.scratch("merge-missing").path
        try Data(try Fixtures.segmentBuilder(of: [(name: "thu-thua.txt", text: try Fixtures.text(.thuThua))]).serialize())
            .write(to: URL(fileURLWithPath: dir + "/a.dseg"))
        let groups = [[IndexManifest.Segment(name: "a.dseg", documentCount: 1), IndexManifest.Segment(name: "gone.dseg", documentCount: 1)]]
        XCTAssertThrowsError(try IndexWriter.merge(groups, readers: [], directory: dir, workers: 2, name: { "out.dseg" })) { error in
            XCTAssertTrue("\(error)".contains(dir + "/gone.dseg"), "\(error)")
        }
    }

    func testBadFilesAreNamedAndTheRestIsIndexed() throws {
        let corpus = try Fixtures.corpusCopy()
        try Data().write(to: corpus.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])
            .write(to: corpus.appendingPathComponent("scan.png"))
        var invalid = Array("Kế hoạch về chuyển đổi số ".utf8)
        invalid += [0xC3, 0x28, 0xFF]
        invalid += Array(" năm 2024".utf8)
        try Data(invalid).write(to: corpus.appendingPathComponent("invalid-utf8.txt"))
        let locked = corpus.appendingPathComponent("locked.txt")
        try "Kế hoạch".write(to: locked, atomically: true, encoding: .utf8)
        chmod(locked.path, 0)
        defer { chmod(locked.path, 0o644) }

        let summary = try build([corpus.path], in: try Fixtures.scratch("bad").path)
        func problem(_ name: String) -> FileProblem? { summary.problems.first { $0.path.hasSuffix("/" + name) } }
        XCTAssertEqual(problem("empty.txt")?.skipped, true)
        XCTAssertTrue(problem("empty.txt")?.reason.contains("empty") ?? false)
        XCTAssertEqual(problem("scan.png")?.skipped, true)
        XCTAssertTrue(problem("scan.png")?.reason.contains("binary") ?? false)
        XCTAssertEqual(problem("invalid-utf8.txt")?.skipped, false, "invalid UTF-8 is indexed with a warning")
        if getuid() != 0 { // root reads any file
            XCTAssertEqual(problem("locked.txt")?.skipped, true)
        }
        XCTAssertGreaterThanOrEqual(summary.plans, 6)
    }

    func testDamagedSegmentIsReportedNotTrusted() throws {
        let idx = try Fixtures.scratch("corrupt").path
        _ = try build([Fixtures.corpus.path], in: idx)
        let manifest = try XCTUnwrap(try IndexManifest.read(directory: idx))
        let segment = idx + "/" + manifest.segments[0].name
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: segment)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        XCTAssertThrowsError(try IndexSnapshot.open(directory: idx, verification: .full)) { error in
            guard case let IndexError.corrupt(_, cause)? = error as? IndexError else { return XCTFail("\(error)") }
            XCTAssertEqual(cause, .checksumMismatch(path: segment))
            XCTAssertTrue("\(error)".contains("docsearch index --rebuild"))
        }
        // Re-indexing repairs it.
        _ = try build([Fixtures.corpus.path], in: idx)
        XCTAssertEqual(try IndexSnapshot.open(directory: idx).documentCount, 5)
    }

    func testMissingIndexIsAClearError() {
        XCTAssertThrowsError(try IndexSnapshot.open(directory: "/nonexistent/docsearch-index")) { error in
            guard case IndexError.noIndex? = error as? IndexError else { return XCTFail("\(error)") }
        }
    }

    func testSecondWriterWaitsThenFailsClearly() throws {
        let idx = try Fixtures.scratch("lock").path
        let held = try FileLock(path: idx + "/LOCK", timeout: 0)
        var o = IndexWriter.Options(directory: idx, roots: [Fixtures.corpus.path])
        o.lockTimeout = 0.2
        XCTAssertThrowsError(try IndexWriter.run(o)) { error in
            guard case StoreError.locked? = error as? StoreError else { return XCTFail("\(error)") }
        }
        held.unlock()
        XCTAssertEqual(try IndexWriter.run(o).plans, 5)
    }
}

final class LazyVerificationTests: XCTestCase {
    /// A damaged postings byte is found when the postings are first read, not trusted.
    func testDamagedPostingsAreCaughtWhenRead() throws {
        let idx = try Fixtures.scratch("lazy").path
        _ = try IndexWriter.run(IndexWriter.Options(directory: idx, roots: [Fixtures.corpus.path]))
        let manifest = try XCTUnwrap(try IndexManifest.read(directory: idx))
        let path = idx + "/" + manifest.segments[0].name
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        // Find the POST section through the file's own section table.
        let postStart: Int = try bytes.withUnsafeBytes { raw in
            let payload = try ContainerFile.payload(of: raw, magic: SegmentWriter.magic, version: SegmentWriter.version, path: path)
            let sections = try ChunkedSectionsReader(payload, path: path)
            let post = try sections.section("POST").reader.base
            return ContainerFile.headerSize + (post.baseAddress! - payload.baseAddress!) + post.count / 2
        }
        bytes[postStart] ^= 0x55
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let snapshot = try IndexSnapshot.open(directory: idx) // lazy: opening reads no postings
        let segment = snapshot.segments[0]
        var caught = 0
        for i in 0..<segment.termCountValue {
            do { _ = try segment.cursor(segment.info(i), positions: true) } catch StoreError.checksumMismatch(let p) {
                XCTAssertEqual(p, path)
                caught += 1
            }
        }
        XCTAssertGreaterThan(caught, 0)
        XCTAssertThrowsError(try IndexSnapshot.open(directory: idx, verification: .full))
    }
}

/// Which segments a run merges: the smallest first, never beyond the bound.
final class MergePolicyTests: XCTestCase {
    private func segments(_ counts: [Int], deleted: [Int] = []) -> [IndexManifest.Segment] {
        counts.enumerated().map { i, n in
            IndexManifest.Segment(name: "seg-\(i)", documentCount: n,
                                  deleted: (0..<(i < deleted.count ? deleted[i] : 0)).map(UInt32.init))
        }
    }

    func testMergesTheSmallestWithinTheBound() {
        // Ten flushed segments of 6,000 plans and two merged ones: two over the limit of 10.
        let s = segments([30_000, 24_000] + Array(repeating: 6_000, count: 10))
        let groups = IndexWriter.mergeGroups(s, maxSegments: 10, maxDocuments: 30_000)
        XCTAssertEqual(groups.count, 1)
        XCTAssertEqual(groups[0].map(\.documentCount), [6_000, 6_000, 6_000])
        XCTAssertLessThanOrEqual(groups.flatMap { $0 }.reduce(0) { $0 + $1.liveCount }, 30_000)
    }

    func testNeverMergesBeyondTheBound() {
        let s = segments(Array(repeating: 20_000, count: 12))
        XCTAssertEqual(IndexWriter.mergeGroups(s, maxSegments: 8, maxDocuments: 30_000).count, 0)
        let grouped = IndexWriter.mergeGroups(s, maxSegments: 8, maxDocuments: 100_000)
        XCTAssertEqual(grouped.count, 1)
        XCTAssertEqual(grouped[0].count, 5)
    }

    func testRewritesSegmentsWithManyDeletions() {
        let s = segments([1_000, 1_000, 1_000], deleted: [900, 0, 500])
        let groups = IndexWriter.mergeGroups(s, maxSegments: 8, maxDocuments: 30_000)
        XCTAssertEqual(groups.map { $0.map(\.name) }, [["seg-0"], ["seg-2"]])
    }
}
