import Foundation
import XCTest
@testable import DocsearchKit

/// Inputs the libFuzzer targets (Tests/Fuzz) found crashing, replayed the way
/// FuzzIndexReader feeds them: the first byte picks the reader (0 segment,
/// 1 manifest, 2 compressed block, 3 postings), the rest is the payload.
/// Each must now be refused with an error, never trap.
final class FuzzRegressionTests: XCTestCase {
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/DocsearchKitTests/Fixtures/Fuzz")

    private func input(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
    }

    func testManifestClaimingFourBillionDeletedPlans() throws {
        let bytes = try input("index-manifest-huge-deleted-count.bin")
        let file = ContainerFile.encode(magic: IndexManifest.magic, version: IndexManifest.version, payload: Array(bytes.dropFirst()))
        try file.withUnsafeBytes { raw in
            XCTAssertThrowsError(try IndexManifest.decode(raw, path: "MANIFEST")) { error in
                XCTAssertEqual(error as? StoreError, .corrupt(path: "MANIFEST", reason: "deleted count"))
            }
        }
    }

    func testManifestWithAStringLengthNearTwoToTheSixtyFour() throws {
        let bytes = try input("index-manifest-huge-string-length.bin")
        let file = ContainerFile.encode(magic: IndexManifest.magic, version: IndexManifest.version, payload: Array(bytes.dropFirst()))
        try file.withUnsafeBytes { raw in
            XCTAssertThrowsError(try IndexManifest.decode(raw, path: "MANIFEST")) { error in
                guard case .truncated(_, let need, _)? = error as? StoreError else { return XCTFail("\(error)") }
                XCTAssertEqual(need, Int.max)
            }
        }
    }

    func testPostingsWithABlockCountAboveIntMax() throws {
        let bytes = try input("postings-huge-block-count.bin")
        XCTAssertEqual(bytes[0] % 4, 3)
        let post = Array(bytes.dropFirst(2))
        try post.withUnsafeBytes { raw in
            let reader = ByteReader(raw, path: "postings")
            XCTAssertThrowsError(try PostingsCursor(post: reader, pos: reader, docFreq: Int(bytes[1]) * 3))
        }
    }

    /// Every fixture through every reader: errors are fine, a trap fails the whole test run.
    func testEveryFixtureThroughEveryReader() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".bin") }
        XCTAssertGreaterThanOrEqual(names.count, 3)
        let scratch = try Fixtures.scratch("fuzz-replay")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for name in names {
            let payload = Array(try input(name).dropFirst())
            let segment = scratch.appendingPathComponent("seg-000001-0001.dseg").path
            try AtomicFile.writeDurably(ContainerFile.encode(magic: SegmentWriter.magic, version: SegmentWriter.version,
                                                             payload: payload), to: segment)
            if let reader = try? SegmentReader(path: segment, name: "seg-000001-0001.dseg") {
                for d in 0..<min(reader.documentCount, 16) { _ = try? reader.record(d) }
            }
            payload.withUnsafeBytes { _ = try? BlockCompressor.decompress($0, path: name) }
            payload.withUnsafeBytes { raw in
                let r = ByteReader(raw, path: name)
                if var cursor = try? PostingsCursor(post: r, pos: r, docFreq: 300) {
                    var steps = 0
                    while steps < 1000, (try? cursor.next()) == true { steps += 1 }
                }
            }
        }
    }
}
