import XCTest
@testable import DocsearchKit

/// Each seed plan's issuer, number, year and place as ../shared/corpus-seeds/README.md gives them, from the index.
final class SeedPlanMetadataTests: XCTestCase {
    private func record(_ seed: Fixtures.Seed) throws -> PlanRecord {
        try PlanLookup.find(seed.rawValue, in: Fixtures.seedIndex.snapshot).record
    }

    func testIssuerNumberYearAndPlace() throws {
        let expected: [(Fixtures.Seed, String, String?, Int, [String])] = [
            (.longAn, "Sở Giáo dục và Đào tạo tỉnh Long An", "2421/KH-SGDĐT", 2023, ["tỉnh Long An"]),
            (.thuThua, "Phòng Giáo dục và Đào tạo huyện Thủ Thừa", "/KH-PGDĐT", 2021, ["huyện Thủ Thừa", "tỉnh Long An"]),
            (.haiPhong, "Sở Giáo dục và Đào tạo thành phố Hải Phòng", "/KH-SGDĐT", 2024, ["thành phố Hải Phòng"]),
            (.boGDDT, "Bộ Giáo dục và Đào tạo", nil, 2022, []),
            (.haQuang, "Ủy ban nhân dân huyện Hà Quảng", "/KH-UBND", 2021, ["huyện Hà Quảng", "tỉnh Cao Bằng"]),
        ]
        for (seed, issuer, number, year, places) in expected {
            let r = try record(seed)
            XCTAssertEqual(r.issuer, issuer, seed.rawValue)
            XCTAssertEqual(r.number, number, seed.rawValue)
            XCTAssertEqual(r.year, year, seed.rawValue)
            XCTAssertEqual(r.agencies?.first?.name, issuer, seed.rawValue)
            XCTAssertEqual(r.agencies?.first?.roles.first, .issuer, seed.rawValue)
            let text = TextNormalizer.normalize(try Fixtures.text(seed))
            let identity = PlanIdentityExtractor().identity(of: text)
            let facets = PlanDocument.places(identity: identity, context: AgencyResolver().context(identity: identity, text: text))
            XCTAssertEqual(Array(facets.prefix(places.count)), places, seed.rawValue)
        }
    }

    func testCitationRolesAreStored() throws {
        let r = try record(.longAn)
        let basis = r.citations.first { $0.symbol == "1373/KH-BCĐNQ" }
        XCTAssertEqual(basis?.allRoles.first, CitationRole.legalBasis.rawValue)
        XCTAssertEqual(basis?.issuerAgency, "Ban Chỉ đạo nhân quyền tỉnh Long An")
        XCTAssertEqual(r.citations.first { $0.symbol == "1202/KH-SGDĐT" }?.allRoles, [CitationRole.footnote.rawValue])
        XCTAssertEqual(r.citations.first { $0.symbol == "44-CT/TW" }?.allRoles, [CitationRole.body.rawValue])
    }
}
