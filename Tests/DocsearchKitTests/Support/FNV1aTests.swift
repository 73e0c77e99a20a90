import XCTest
@testable import DocsearchKit

/// FNV-1a 64 gives the published test vectors, so the snippet's word
/// numbers and a cached plan's form numbers are the hash they say they are.
final class FNV1aTests: XCTestCase {
    private func hash(_ bytes: [UInt8]) -> UInt64 {
        var h = FNV1a()
        for b in bytes { h.add(UInt64(b)) }
        return h.value
    }

    func testPublishedVectors() {
        XCTAssertEqual(hash([]), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(hash(Array("a".utf8)), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(hash(Array("foobar".utf8)), 0x8594_4171_f739_67e8)
    }

    /// A cached plan numbers a form by its UTF-8: "đẳng" and its folded
    /// "dang" differ, and the same form numbers the same from a String.
    func testFormKeysAreTheHashOfTheUTF8() {
        XCTAssertEqual(AnalyzedPlan.formKey("đẳng"), hash(Array("đẳng".utf8)))
        XCTAssertEqual(AnalyzedPlan.formKey("đẳng"), 0xbb30_3299_9a93_9ee1)
        XCTAssertNotEqual(AnalyzedPlan.formKey("đẳng"), AnalyzedPlan.formKey("dang"))
    }
}
