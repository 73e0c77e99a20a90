import XCTest
@testable import DocsearchKit

/// Sizes in messages and on the plan page: rounded up, so a file just over a
/// limit never reads as the limit.
final class ByteSizeTests: XCTestCase {
    func testSizesReadAsPeopleWriteThem() {
        XCTAssertEqual("\(ByteSize(0))", "0 KB")
        XCTAssertEqual("\(ByteSize(1))", "1 KB")
        XCTAssertEqual("\(ByteSize(200 << 10))", "200 KB")
        XCTAssertEqual("\(ByteSize((200 << 10) + 1))", "201 KB")
        XCTAssertEqual("\(ByteSize(1_048_000))", "1 MB", "just under a megabyte, as the plan page shows it")
        XCTAssertEqual("\(ByteSize(64 << 20))", "64 MB")
        XCTAssertEqual("\(ByteSize((1 << 20) + 1))", "1.1 MB", "just over a 1 MB limit")
        XCTAssertEqual("\(ByteSize(104_866_883))", "100.1 MB", "the 100 MB file of extremes.sh")
        XCTAssertEqual("\(ByteSize(-5))", "0 KB")
    }
}
