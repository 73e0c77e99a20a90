import XCTest
@testable import DocsearchKit

/// Queries that name a document find the plans that cite it, and only those.
final class ReferenceSearchTests: XCTestCase {
    func testDirective20FindsTheMinistryPlanInEveryForm() throws {
        for q in ["Chỉ thị 20", "chi thi 20", "CHỈ THỊ SỐ 20-CT/TW", "Chỉ thị 20".decomposedStringWithCanonicalMapping, "CHI THI 20"] {
            let r = try Fixtures.search(q)
            XCTAssertEqual(Fixtures.names(r), [Fixtures.Seed.boGDDT.rawValue], q)
            XCTAssertEqual(r.hits.first?.matchedCitations.map(\.key), ["20-CT/TW"], q)
        }
    }

    func testDirective20IsNotDirective21NorADate() throws {
        // The Thủ Thừa plan cites Chỉ thị 21-CT/TW, and several plans hold "20" in dates.
        XCTAssertEqual(Fixtures.names(try Fixtures.search("Chỉ thị 21")), [Fixtures.Seed.thuThua.rawValue])
        XCTAssertFalse(Fixtures.names(try Fixtures.search("Chỉ thị 20")).contains(Fixtures.Seed.thuThua.rawValue))
    }

    func testDecision1373AndPlan1373AreDifferentDocuments() throws {
        XCTAssertEqual(Fixtures.names(try Fixtures.search("Quyết định 1373")), [Fixtures.Seed.haQuang.rawValue])
        XCTAssertEqual(Fixtures.names(try Fixtures.search("QĐ 1373")), [Fixtures.Seed.haQuang.rawValue])
        XCTAssertEqual(Fixtures.names(try Fixtures.search("1373/QĐ-TTg")), [Fixtures.Seed.haQuang.rawValue])
        XCTAssertEqual(Fixtures.names(try Fixtures.search("Kế hoạch 1373")), [Fixtures.Seed.longAn.rawValue])
        XCTAssertEqual(Fixtures.names(try Fixtures.search("1373/KH-BCĐNQ")), [Fixtures.Seed.longAn.rawValue])
    }

    func testDecreeWithYear() throws {
        XCTAssertEqual(Fixtures.names(try Fixtures.search("nghi dinh 162/2017")), [Fixtures.Seed.longAn.rawValue])
        XCTAssertEqual(try Fixtures.search("nghi dinh 162/2016").total, 0)
    }

    func testAPlansOwnNumberFindsThatPlanFirst() throws {
        XCTAssertEqual(Fixtures.names(try Fixtures.search("2421/KH-SGDĐT")).first, Fixtures.Seed.longAn.rawValue)
        XCTAssertEqual(Fixtures.names(try Fixtures.search("2421/kh-sgddt")).first, Fixtures.Seed.longAn.rawValue)
    }

    func testMixedQueryNeedsTheReferenceAndRanksByWords() throws {
        let r = try Fixtures.search("Chỉ thị 20 trẻ em")
        XCTAssertEqual(Fixtures.names(r), [Fixtures.Seed.boGDDT.rawValue])
        XCTAssertGreaterThan(r.hits[0].score, try Fixtures.search("Chỉ thị 20").hits[0].score)
    }

    func testCitesFilterIsAReference() throws {
        let r = try Fixtures.search("nhân quyền", filters: [SearchFilter(facet: "cites", value: .text("Chỉ thị 44-CT/TW"))])
        XCTAssertEqual(Fixtures.names(r), [Fixtures.Seed.longAn.rawValue])
    }

    func testSnippetShowsTheCitation() throws {
        let r = try Fixtures.search("Quyết định 1373")
        let hit = try XCTUnwrap(r.hits.first)
        let snippet = try XCTUnwrap(SearchService(snapshot: Fixtures.seedIndex.snapshot).snippet(for: hit, query: r.query))
        let marked = snippet.highlights.map { String(decoding: Array(snippet.text.utf8)[$0], as: UTF8.self) }
        XCTAssertTrue(marked.contains { $0.contains("1373/QĐ-TTg") }, "\(marked) in \(snippet.text)")
    }
}
