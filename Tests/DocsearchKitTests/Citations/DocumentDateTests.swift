import Foundation
import XCTest
@testable import DocsearchKit

/// A date's ISO text is what `%04d-%02d-%02d` gives, as precise as the
/// document: a blank day or month is left out.
final class DocumentDateTests: XCTestCase {
    func testISOTextAsPreciseAsTheDocument() {
        XCTAssertEqual(DocumentDate(year: 2022, month: 9, day: 5).iso, "2022-09-05")
        XCTAssertEqual(DocumentDate(year: 2021, month: 10).iso, "2021-10")
        XCTAssertEqual(DocumentDate(year: 2021).iso, "2021")
        XCTAssertEqual(DocumentDate(year: 2021, day: 5).iso, "2021", "no day without a month")
    }

    func testPaddingMatchesPrintf() {
        for n in [-1234, -12, -5, 0, 5, 12, 123, 999, 1000, 2023, 12345] {
            for width in [2, 4] {
                XCTAssertEqual(DocumentDate.zeroPadded(n, width: width), String(format: "%0\(width)d", n), "\(n) \(width)")
            }
        }
    }
}
