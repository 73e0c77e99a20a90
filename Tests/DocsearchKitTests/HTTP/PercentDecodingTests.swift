import XCTest
@testable import DocsearchKit

final class PercentDecodingTests: XCTestCase {
    func testVietnameseUTF8AndPlusAsSpace() {
        XCTAssertEqual(PercentDecoding.decode(Array("Ch%E1%BB%89+th%E1%BB%8B+20".utf8), plusAsSpace: true), "Chỉ thị 20")
        XCTAssertEqual(PercentDecoding.decode(Array("Ch%E1%BB%89+th%E1%BB%8B+20".utf8), plusAsSpace: false), "Chỉ+thị+20")
        XCTAssertEqual(PercentDecoding.decode(Array("Quy%e1%ba%bft+%C4%91%E1%BB%8Bnh%2B".utf8), plusAsSpace: true), "Quyết định+")
    }

    func testRawUTF8PassesThrough() {
        XCTAssertEqual(PercentDecoding.decode(Array("bình đẳng".utf8), plusAsSpace: true), "bình đẳng")
    }

    func testInvalidEscapesAndInvalidUTF8AreRefused() {
        for text in ["%zz", "%", "%4", "%4g", "%C3%28", "%E1%BB", "%FF", "a%"] {
            XCTAssertNil(PercentDecoding.decode(Array(text.utf8), plusAsSpace: true), text)
        }
        XCTAssertNil(PercentDecoding.decode([0x61, 0xFF], plusAsSpace: true), "raw invalid UTF-8")
    }

    func testControlCharactersDecodeButAreData() {
        XCTAssertEqual(PercentDecoding.decode(Array("a%0D%0AX-Injected:%201".utf8), plusAsSpace: true), "a\r\nX-Injected: 1")
    }
}
