import Foundation
import XCTest
@testable import DocsearchKit

/// Damaged index files are caught by their checksums; the command line names
/// the damaged file, says how to fix it (rebuild) and exits with status 2.
final class IndexCorruptionTests: XCTestCase {
    private func seedIndex() throws -> (folder: URL, index: String, segment: String) {
        let folder = try Fixtures.scratch("corrupt")
        let (_, snapshot) = try RobustnessSupport.index([Fixtures.corpus.path], into: folder)
        let segment = try XCTUnwrap(snapshot.manifest.segments.first?.name)
        return (folder, snapshot.directory, snapshot.directory + "/" + segment)
    }

    func testAFlippedByteInASegmentIsReportedWithTheFileAndTheFix() throws {
        let (folder, index, segment) = try seedIndex()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment)))
        bytes[bytes.count / 2] ^= 0x20
        try RobustnessSupport.write(bytes, to: URL(fileURLWithPath: segment))

        XCTAssertThrowsError(try IndexSnapshot.open(directory: index)) { error in
            guard case let IndexError.corrupt(_, cause) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(cause, .checksumMismatch(path: segment))
        }
        let run = try RobustnessSupport.run(["search", "bình đẳng giới", "--index", index])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains(segment), run.stderr)
        XCTAssertTrue(run.stderr.contains("checksum mismatch"), run.stderr)
        XCTAssertTrue(run.stderr.contains("docsearch index --rebuild"), run.stderr)
        XCTAssertEqual(run.stdout, "")

        // The fix the message gives works.
        let rebuilt = try RobustnessSupport.run(["index", Fixtures.corpus.path, "--rebuild", "--index", index])
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        XCTAssertEqual(try RobustnessSupport.run(["search", "bình đẳng giới", "--index", index]).status, 0)
    }

    /// The facet columns are checked when first read, not when the segment
    /// is opened: a damaged byte there still stops a search that counts
    /// facets, with the file named, before any count is shown.
    func testAFlippedByteInTheFacetColumnsIsCaughtWhenTheyAreRead() throws {
        let (folder, index, segment) = try seedIndex()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment)))
        let facets = try XCTUnwrap(Self.section("FACT", in: bytes))
        bytes[facets.lowerBound + facets.count / 2] ^= 0x20
        try RobustnessSupport.write(bytes, to: URL(fileURLWithPath: segment))

        let snapshot = try IndexSnapshot.open(directory: index, verification: .lazy)
        XCTAssertThrowsError(try snapshot.segments[0].facetColumns()) { error in
            XCTAssertEqual(error as? StoreError, .checksumMismatch(path: segment))
        }
        let run = try RobustnessSupport.run(["search", "bình đẳng giới", "--index", index])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains(segment), run.stderr)
        XCTAssertTrue(run.stderr.contains("checksum mismatch"), run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    /// A segment from a later docsearch (a format version this one does not
    /// read) is not called damage: the message says which file, which
    /// versions, and both ways out.
    func testASegmentOfANewerFormatIsNamedAsSuch() throws {
        let (folder, index, segment) = try seedIndex()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment)))
        let newer = SegmentWriter.version + 1
        bytes[4] = UInt8(newer & 0xFF)
        bytes[5] = UInt8(newer >> 8)
        try RobustnessSupport.write(bytes, to: URL(fileURLWithPath: segment))
        let run = try RobustnessSupport.run(["search", "bình đẳng giới", "--index", index])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("written by a newer docsearch"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\(segment) has format version \(newer)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("up to \(SegmentWriter.version)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("docsearch index --rebuild"), run.stderr)
        XCTAssertFalse(run.stderr.contains("damaged"), run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    /// Where section `tag` of a segment file lies (`ChunkedSections`' table,
    /// inside the 8-byte `ContainerFile` header).
    private static func section(_ tag: String, in file: [UInt8]) -> Range<Int>? {
        func integer(_ at: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(file[at + $1]) << (8 * $1) }
        }
        let sections = ContainerFile.headerSize
        let count = integer(sections + 8, 4)
        for i in 0..<count {
            let entry = sections + 12 + i * 24
            guard Array(file[entry..<(entry + 4)]) == Array(tag.utf8) else { continue }
            let start = sections + integer(entry + 4, 8)
            return start..<(start + integer(entry + 12, 8))
        }
        return nil
    }

    func testATruncatedManifestIsReportedWithTheFileAndTheFix() throws {
        let (folder, index, _) = try seedIndex()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = index + "/" + IndexManifest.fileName
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: manifest)))
        try RobustnessSupport.write(Array(bytes.prefix(bytes.count - 7)), to: URL(fileURLWithPath: manifest))
        let run = try RobustnessSupport.run(["show", "bo-gddt-2022-tong-ket-chi-thi-20.txt", "--index", index])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains(manifest), run.stderr)
        XCTAssertTrue(run.stderr.contains("--rebuild"), run.stderr)
    }

    /// Every single-byte change anywhere in a small index is caught: no read returns a wrong answer.
    func testEveryCorruptedByteOfTheManifestIsDetected() throws {
        let (folder, index, _) = try seedIndex()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = index + "/" + IndexManifest.fileName
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: manifest)))
        for offset in 0..<original.count {
            var damaged = original
            damaged[offset] ^= 0x01
            try damaged.withUnsafeBytes { raw in
                XCTAssertThrowsError(try IndexManifest.decode(raw, path: manifest), "byte \(offset)")
            }
        }
    }
}
