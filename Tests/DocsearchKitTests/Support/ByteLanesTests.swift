import XCTest
@testable import DocsearchKit

/// `ByteLanes`: each test of a word's eight bytes answers as the same test of
/// each byte would, for every byte value at every place, among bytes that
/// pass and bytes that do not (so that a carry or borrow that crossed into
/// the next byte would show).
final class ByteLanesTests: XCTestCase {
    func testEachLaneTestAnswersAsTheBytesDo() {
        let fillers: [UInt8] = [0x00, 0x01, 0x0D, 0x1F, 0x20, 0x2F, 0x30, 0x39, 0x3A, 0x61, 0x7F, 0x80, 0xC3, 0xFF]
        for filler in fillers {
            for b in UInt8.min...UInt8.max {
                for k in 0..<8 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[k] = b
                    let w = bytes.withUnsafeBytes { ByteLanes.word($0.baseAddress!, at: 0) }
                    let label = "\(b) at \(k) among \(filler)"
                    XCTAssertEqual(ByteLanes.anyHigh(w), bytes.contains { $0 >= 0x80 }, label)
                    for limit: UInt8 in [1, 0x20, 0x80] {
                        XCTAssertEqual(ByteLanes.anyBelow(w, limit), bytes.contains { $0 < limit }, "below \(limit): " + label)
                    }
                    for byte: UInt8 in [0, 0x0D, 0x22, 0x5C, 0x7F] {
                        XCTAssertEqual(ByteLanes.anyEqual(w, byte), bytes.contains(byte), "equal \(byte): " + label)
                    }
                    XCTAssertEqual(ByteLanes.anyIn(w, 0x30...0x39), bytes.contains { (0x30...0x39).contains($0) }, "digit: " + label)
                }
            }
        }
    }
}
