import XCTest
@testable import DocsearchKit

/// One numbering of facet values across segments: a k-way merge by bytes.
final class FacetOrdinalsTests: XCTestCase {
    private func merged(_ lists: [[String]]) -> (values: [String], slots: [[Int32]]) {
        var slots = lists.map { [Int32](repeating: -1, count: $0.count) }
        let values = FacetOrdinals.merge(lists.map(SegmentReader.MappedStrings.init), base: 7) { k, i, slot in slots[k][i] = slot }
        return (values, slots)
    }

    func testSortedSegmentsMergeIntoOneByteOrder() {
        let a = ["Phòng GD&ĐT huyện Thủ Thừa", "Sở GD&ĐT tỉnh Long An", "UBND huyện Hà Quảng"]
        let b = ["Bộ Giáo dục và Đào tạo", "Sở GD&ĐT tỉnh Long An", "Sở GD&ĐT thành phố Hải Phòng"].sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
        let (values, slots) = merged([a, b])
        XCTAssertEqual(values, Set(a + b).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        // Each list's value lands on the slot of the same text, from the base.
        for (k, list) in [a, b].enumerated() {
            for (i, v) in list.enumerated() { XCTAssertEqual(values[Int(slots[k][i]) - 7], v) }
        }
        // The same agency in both segments has one slot.
        XCTAssertEqual(slots[0][1], slots[1][b.firstIndex(of: "Sở GD&ĐT tỉnh Long An")!])
    }

    /// A list out of order or with a value twice (a damaged column) still
    /// gives each text one slot.
    func testUnsortedAndRepeatedValuesStillShareSlots() {
        let (values, slots) = merged([["năm 2023", "năm 2021", "năm 2023"], ["năm 2022", "năm 2021"]])
        XCTAssertEqual(values, ["năm 2021", "năm 2022", "năm 2023"])
        XCTAssertEqual(slots[0], [9, 7, 9])
        XCTAssertEqual(slots[1], [8, 7])
    }
}
