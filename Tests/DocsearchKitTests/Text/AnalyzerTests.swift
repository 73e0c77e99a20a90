import XCTest
@testable import DocsearchKit

final class AnalyzerTests: XCTestCase {
    func testToneAndFold() {
        let a = Analyzer()
        let t = a.tokens(in: TextNormalizer.normalize("Hoà THUỶ khoẻ toạ đàm hoàn quý Bình Đẳng"))
        XCTAssertEqual(t.map(\.exact), ["hòa", "thủy", "khỏe", "tọa", "đàm", "hoàn", "quý", "bình", "đẳng"])
        XCTAssertEqual(t.map(\.folded), ["hoa", "thuy", "khoe", "toa", "dam", "hoan", "quy", "binh", "dang"])
    }
}
