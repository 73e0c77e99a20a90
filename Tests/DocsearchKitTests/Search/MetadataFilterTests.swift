import XCTest
@testable import DocsearchKit

/// The filters end to end over the seed index, matched the way queries are.
final class MetadataFilterTests: XCTestCase {
    private func names(_ facet: String, _ value: String, query: String = "") throws -> Set<String> {
        Set(Fixtures.names(try Fixtures.search(query, filters: [SearchFilter(facet: facet, value: .text(value))])))
    }

    func testAgencyFilterMatchesEveryWrittenForm() throws {
        XCTAssertEqual(try names("agency", "Sở GD&ĐT"), [Fixtures.Seed.longAn.rawValue, Fixtures.Seed.haiPhong.rawValue])
        XCTAssertEqual(try names("agency", "so gddt long an"), [Fixtures.Seed.longAn.rawValue])
        XCTAssertEqual(try names("agency", "Sở Giáo dục và Đào tạo thành phố Hải Phòng"), [Fixtures.Seed.haiPhong.rawValue])
        XCTAssertEqual(try names("agency", "Phòng GDĐT"), [Fixtures.Seed.thuThua.rawValue])
        XCTAssertEqual(try names("agency", "BGDĐT"), [Fixtures.Seed.boGDDT.rawValue])
        XCTAssertEqual(try names("agency", "long an so gddt"), [], "scattered words do not make a name")
        XCTAssertEqual(try names("agency", "UBND huyện Hà Quảng"), [Fixtures.Seed.haQuang.rawValue])
    }

    func testWordsMatchInOrderOrFromTheNamesFirstWord() {
        let values = ["Sở GDĐT thành phố Hải Phòng", "Phòng GDĐT huyện Thủ Thừa", "tỉnh Long An"]
        func passing(_ f: String) -> [String] {
            FilterSet.passingValues(SegmentReader.MappedStrings(values), .text(f), analyzer: Analyzer()).sorted().map { values[Int($0)] }
        }
        XCTAssertEqual(passing("Phòng GDĐT"), ["Phòng GDĐT huyện Thủ Thừa"])
        XCTAssertEqual(passing("phong thu thua"), ["Phòng GDĐT huyện Thủ Thừa"])
        XCTAssertEqual(passing("Long An"), ["tỉnh Long An"])
        XCTAssertEqual(passing("so hai phong gddt"), ["Sở GDĐT thành phố Hải Phòng"], "any order after the name's first word")
        XCTAssertEqual(passing("hai phong so"), [])
    }

    func testTopicYearPlaceAndTypeFilters() throws {
        XCTAssertEqual(try names("topic", "bình đẳng giới"), [Fixtures.Seed.thuThua.rawValue])
        XCTAssertEqual(try names("topic", "tien bo phu nu"), [Fixtures.Seed.thuThua.rawValue])
        XCTAssertEqual(try names("topic", "phổ biến giáo dục pháp luật"), [Fixtures.Seed.haiPhong.rawValue])
        XCTAssertEqual(try names("place", "Long An"), [Fixtures.Seed.longAn.rawValue, Fixtures.Seed.thuThua.rawValue])
        XCTAssertEqual(try names("place", "Cao Bằng"), [Fixtures.Seed.haQuang.rawValue])
        XCTAssertEqual(try names("type", "kế hoạch").count, 5)
        let years = try Fixtures.search("", filters: [SearchFilter.years("2021-2022")!])
        XCTAssertEqual(Set(Fixtures.names(years)), [Fixtures.Seed.thuThua.rawValue, Fixtures.Seed.haQuang.rawValue, Fixtures.Seed.boGDDT.rawValue])
    }

    func testFiltersCombineWithTextAndEachOther() throws {
        let r = try Fixtures.search("tuyên truyền", filters: [SearchFilter(facet: "agency", value: .text("Sở GD&ĐT")),
                                                             SearchFilter.years("2023")!])
        XCTAssertEqual(Fixtures.names(r), [Fixtures.Seed.longAn.rawValue])
        XCTAssertEqual(try names("topic", "xã hội học tập", query: "tuyên truyền"), [Fixtures.Seed.haQuang.rawValue])
    }

    func testFacetsCountAgencyTopicYearTypeAndCites() throws {
        let r = try Fixtures.search("tuyên truyền")
        XCTAssertEqual(r.facets["topic"]?.first { $0.value == "nhân quyền" }?.count, 1)
        XCTAssertEqual(r.facets["agency"]?.first { $0.value == "Sở Giáo dục và Đào tạo tỉnh Long An" }?.count, 1)
        XCTAssertNotNil(r.facets["year"])
        XCTAssertEqual(r.facets["type"]?.first?.value, "Kế hoạch")
        XCTAssertNotNil(r.facets["cites"])
        XCTAssertNil(r.facets["agency.alias"], "alias columns are for filtering, not for counting")
    }
}
