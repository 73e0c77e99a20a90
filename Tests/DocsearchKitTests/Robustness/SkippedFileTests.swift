import Foundation
import XCTest
@testable import DocsearchKit

/// Files that cannot become plans are skipped, each with its reason named,
/// and never stop the rest of the folder from being indexed.
final class SkippedFileTests: XCTestCase {
    private func reasons(_ summary: IndexWriter.Summary) -> [String: String] {
        var out: [String: String] = [:]
        for p in summary.problems where p.skipped { out[(p.path as NSString).lastPathComponent] = p.reason }
        return out
    }

    func testBinaryEmptyAndLoopingFilesAreSkippedWithTheReason() throws {
        let folder = try Fixtures.corpusCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        // A PNG header, a file of random bytes, an empty file and one holding only a BOM.
        try RobustnessSupport.write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 500),
                                    to: folder.appendingPathComponent("scan.txt"))
        var generator = EncodingTestSupport.SeededGenerator(state: 42)
        try RobustnessSupport.write(EncodingTestSupport.randomBytes(20_000, using: &generator),
                                    to: folder.appendingPathComponent("random.bin"))
        try RobustnessSupport.write([], to: folder.appendingPathComponent("empty.txt"))
        try RobustnessSupport.write([0xEF, 0xBB, 0xBF], to: folder.appendingPathComponent("bom-only.txt"))
        // A directory symlink pointing at its parent, and two links pointing at each other.
        try fm.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("ping.txt").path, withDestinationPath: "pong.txt")
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("pong.txt").path, withDestinationPath: "ping.txt")

        let (summary, snapshot) = try RobustnessSupport.index([folder.path], into: folder)
        XCTAssertEqual(snapshot.documentCount, 5, "the five real plans, no more")
        let why = reasons(summary)
        XCTAssertEqual(why["scan.txt"], "binary file (PNG image)")
        XCTAssertTrue(why["random.bin"]?.hasPrefix("binary file") == true, "\(why)")
        XCTAssertEqual(why["empty.txt"], "empty file")
        XCTAssertEqual(why["bom-only.txt"], "empty file")
        XCTAssertTrue(why["up"]?.contains("symbolic link loop") == true, "\(why)")
        XCTAssertTrue(why["ping.txt"]?.contains("symbolic link loop") == true, "\(why)")
        XCTAssertTrue(why["pong.txt"]?.contains("symbolic link loop") == true, "\(why)")
    }

    /// A file over the size limit is skipped with its size and the limit named;
    /// once it is back under the limit it is indexed, and a plan that grows past
    /// the limit leaves the index with the same reason.
    func testAFileOverTheSizeLimitIsSkippedWithItsSize() throws {
        let folder = try Fixtures.corpusCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try Fixtures.text(.boGDDT)
        let big = folder.appendingPathComponent("tong-hop.txt")
        try String(repeating: plan + "\n", count: 30).write(to: big, atomically: false, encoding: .utf8)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: big.path)[.size] as? Int)
        var options = IndexWriter.Options(directory: folder.appendingPathComponent("idx").path, roots: [folder.path])
        options.maxFileSize = 200 << 10
        XCTAssertGreaterThan(size, options.maxFileSize)

        var summary = try IndexWriter.run(options)
        XCTAssertEqual(try IndexSnapshot.open(directory: options.directory).documentCount, 5, "the five real plans")
        XCTAssertEqual(reasons(summary)["tong-hop.txt"],
                       "file too large: \((size + 1023) >> 10) KB (the limit is 200 KB; docsearch index --max-file-size MB raises it)")

        try plan.write(to: big, atomically: false, encoding: .utf8)
        summary = try IndexWriter.run(options)
        XCTAssertTrue(reasons(summary).isEmpty, "\(reasons(summary))")
        XCTAssertEqual(summary.added, 1)
        XCTAssertEqual(try IndexSnapshot.open(directory: options.directory).documentCount, 6)

        let seed = folder.appendingPathComponent(Fixtures.Seed.longAn.rawValue)
        try String(repeating: try String(contentsOf: seed, encoding: .utf8) + "\n", count: 40)
            .write(to: seed, atomically: false, encoding: .utf8)
        summary = try IndexWriter.run(options)
        XCTAssertTrue(reasons(summary)[Fixtures.Seed.longAn.rawValue]?.hasPrefix("file too large: ") == true, "\(reasons(summary))")
        let snapshot = try IndexSnapshot.open(directory: options.directory)
        XCTAssertEqual(snapshot.documentCount, 5, "the grown plan left the index")
        XCTAssertFalse(try snapshot.liveRecords().contains { $0.path.hasSuffix(Fixtures.Seed.longAn.rawValue) })
    }

    func testUnreadableFileIsSkippedWithPermissionDenied() throws {
        if RobustnessSupport.runningAsRoot { throw XCTSkip("running as root, which reads any file whatever its mode") }
        let folder = try Fixtures.corpusCopy()
        defer {
            chmod(folder.appendingPathComponent("secret.txt").path, 0o644)
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.copyItem(at: folder.appendingPathComponent(Fixtures.Seed.longAn.rawValue),
                                         to: folder.appendingPathComponent("secret.txt"))
        XCTAssertEqual(chmod(folder.appendingPathComponent("secret.txt").path, 0), 0)
        let (summary, snapshot) = try RobustnessSupport.index([folder.path], into: folder)
        XCTAssertEqual(snapshot.documentCount, 5)
        XCTAssertTrue(reasons(summary)["secret.txt"]?.contains("Permission denied") == true, "\(reasons(summary))")
    }

    /// The file list is taken first and files are read afterwards; a file removed in
    /// between is reported, not fatal. With one worker, the progress callback after the
    /// 64th file runs before the 65th is opened, so the removal happens at a known moment.
    func testFileDeletedBetweenWalkAndReadIsSkipped() throws {
        let folder = try Fixtures.scratch("vanish")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Fixtures.text(.haiPhong)
        let lines = text.split(separator: "\n")
        for i in 0..<64 {
            try (lines[i % lines.count] + " — bản \(i)\n").write(to: folder.appendingPathComponent(String(format: "a%03d.txt", i)),
                                                                  atomically: false, encoding: .utf8)
        }
        let doomed = folder.appendingPathComponent("zz-vanishing.txt")
        try text.write(to: doomed, atomically: false, encoding: .utf8)
        let (summary, snapshot) = try RobustnessSupport.index([folder.path], into: folder, progress: { done, _ in
            if done == 64 { unlink(doomed.path) }
        })
        XCTAssertEqual(summary.files, 65)
        XCTAssertEqual(snapshot.documentCount, 64)
        XCTAssertEqual(reasons(summary)["zz-vanishing.txt"], "the file disappeared while indexing")
    }
}
