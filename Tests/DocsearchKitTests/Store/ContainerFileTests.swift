import XCTest
@testable import DocsearchKit

final class ContainerFileTests: XCTestCase {
    private let payload = Array("Chỉ thị số 44-CT/TW ngày 20/7/2010".utf8)

    private func check(_ bytes: [UInt8]) throws -> [UInt8] {
        try bytes.withUnsafeBytes { Array(try ContainerFile.payload(of: $0, magic: "TEST", version: 3, path: "f.bin")) }
    }

    func testRoundTrip() throws {
        XCTAssertEqual(try check(ContainerFile.encode(magic: "TEST", version: 3, payload: payload)), payload)
    }

    func testEveryFlippedByteIsDetected() {
        let good = ContainerFile.encode(magic: "TEST", version: 3, payload: payload)
        for i in 0..<good.count {
            var bad = good
            bad[i] ^= 0x5A
            XCTAssertThrowsError(try check(bad), "flipped byte \(i) went unnoticed")
        }
    }

    func testTruncatedAndForeignFiles() {
        let good = ContainerFile.encode(magic: "TEST", version: 3, payload: payload)
        for cut in [0, 5, 20, good.count - 1] {
            XCTAssertThrowsError(try check(Array(good.prefix(cut))))
        }
        XCTAssertThrowsError(try check(ContainerFile.encode(magic: "OTHR", version: 3, payload: payload))) { e in
            XCTAssertEqual(e as? StoreError, .badMagic(path: "f.bin"))
        }
        XCTAssertThrowsError(try check(ContainerFile.encode(magic: "TEST", version: 4, payload: payload))) { e in
            XCTAssertEqual(e as? StoreError, .unsupportedVersion(path: "f.bin", found: 4, supported: 3))
        }
    }
}
