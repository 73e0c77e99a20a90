import XCTest
@testable import DocsearchKit

final class DocumentCodesTests: XCTestCase {
    func testTypeCodes() {
        XCTAssertEqual(DocumentCodes.kind(forTypeCode: "CT"), .directive)
        XCTAssertEqual(DocumentCodes.kind(forTypeCode: "QD"), .decision)
        XCTAssertEqual(DocumentCodes.kind(forTypeCode: "QĐi"), .regulation)
        XCTAssertEqual(DocumentCodes.kind(forTypeCode: "TT", party: true), .partyCircular)
        XCTAssertEqual(DocumentCodes.kind(forTypeCode: "CTr"), .programme)
        XCTAssertEqual(DocumentCodes.officialTypeCode("nd"), "NĐ")
        XCTAssertNil(DocumentCodes.kind(forTypeCode: "XYZ"))
    }

    func testAgencyCodes() {
        XCTAssertEqual(DocumentCodes.agency(forCode: "BCDNQ")?.name, "Ban Chỉ đạo nhân quyền")
        XCTAssertEqual(DocumentCodes.agency(forCode: "TTg")?.name, "Thủ tướng Chính phủ")
        XCTAssertEqual(DocumentCodes.agency(forCode: "TW")?.level, .party)
        XCTAssertEqual(DocumentCodes.agency(forCode: "SGDĐT")?.level, .province)
        XCTAssertEqual(DocumentCodes.agency(forCode: "PGDĐT")?.level, .district)
        XCTAssertEqual(DocumentCodes.agency(forCode: "QH13")?.name, "Quốc hội")
        XCTAssertEqual(DocumentKind.directive.vietnameseName, "Chỉ thị")
        // Every kind has its words and key code; no two kinds share a key code.
        let codes = DocumentKind.allCases.map(\.keyCode)
        XCTAssertEqual(Set(codes).count, codes.count)
    }
}
