import XCTest
@testable import DocsearchKit

final class CitationGraphTests: XCTestCase {
    func testSameNumberDifferentDocumentsAreTwoNodesWithTheirIssuers() throws {
        let graph = try CitationGraph(snapshot: Fixtures.seedIndex.snapshot)
        let qd = try XCTUnwrap(graph.document("1373/QĐ-TTg"))
        let kh = try XCTUnwrap(graph.document("1373/KH-BCĐNQ"))
        XCTAssertNotEqual(qd.key, kh.key)
        XCTAssertEqual(qd.kind, "Quyết định")
        XCTAssertEqual(qd.issuer, "Thủ tướng Chính phủ")
        XCTAssertEqual(qd.number, 1373)
        XCTAssertEqual(qd.plans.map { ($0.path as NSString).lastPathComponent }, [Fixtures.Seed.haQuang.rawValue])
        XCTAssertEqual(kh.kind, "Kế hoạch")
        XCTAssertEqual(kh.issuer, "Ban Chỉ đạo nhân quyền tỉnh Long An")
        XCTAssertEqual(kh.year, 2023)
        XCTAssertEqual(kh.asLegalBasis, 1)
        XCTAssertEqual(kh.plans.first?.roles.first, CitationRole.legalBasis.rawValue)
        XCTAssertEqual(graph.planCount, 5)
        XCTAssertEqual(graph.documents.count, graph.documents.map(\.key).count)
        let counts = graph.documents.map(\.citedBy)
        XCTAssertEqual(counts, counts.sorted(by: >), "most cited first")
    }

    /// The seed plans plus two plans written like them: one rests on the Long An plan's
    /// own basis, one cites only a different document with the same number.
    func testRelatedPlansShareSpecificLegalBases() throws {
        let corpus = try Fixtures.corpusCopy()
        let sibling = """
        UBND TỈNH LONG AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ TƯ PHÁP
        Số: 1500/KH-STP\tLong An, ngày 01 tháng 8 năm 2023

        KẾ HOẠCH
        Tuyên truyền về nhân quyền năm 2023

        Thực hiện Kế hoạch số 1373/KH-BCĐNQ ngày 23/6/2023 của Ban Chỉ đạo nhân quyền tỉnh Long An; Nghị định số 162/2017/NĐ-CP ngày 30/12/2017 của Chính phủ, Sở Tư pháp xây dựng kế hoạch như sau:
        I. MỤC ĐÍCH, YÊU CẦU
        Nâng cao nhận thức về quyền con người.
        """
        let namesake = """
        UBND TỈNH LONG AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ TƯ PHÁP
        Số: 1600/KH-STP\tLong An, ngày 02 tháng 8 năm 2023

        KẾ HOẠCH
        Xây dựng xã hội học tập năm 2023

        Thực hiện Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ, Sở Tư pháp xây dựng kế hoạch như sau:
        I. MỤC ĐÍCH, YÊU CẦU
        Học tập suốt đời.
        """
        try Data(sibling.utf8).write(to: corpus.appendingPathComponent("sibling.txt"))
        try Data(namesake.utf8).write(to: corpus.appendingPathComponent("namesake.txt"))
        let dir = try Fixtures.scratch("related").path
        _ = try IndexWriter.run(IndexWriter.Options(directory: dir, roots: [corpus.path]))
        let snapshot = try IndexSnapshot.open(directory: dir)
        let graph = try CitationGraph(snapshot: snapshot)
        let longAn = try PlanLookup.find(Fixtures.Seed.longAn.rawValue, in: snapshot).record
        let related = RelatedPlans.related(to: longAn.id, in: graph)
        XCTAssertEqual(related.map { ($0.path as NSString).lastPathComponent }, ["sibling.txt"])
        let shared = try XCTUnwrap(related.first?.shared)
        XCTAssertEqual(shared.map(\.key), ["1373/KH-BCDNQ", "162/2017/ND-CP"], "the common basis weighs most")
        XCTAssertTrue(shared[0].bothLegalBasis)
        XCTAssertFalse(shared[1].bothLegalBasis, "the Long An plan cites the decree in its body")
        let haQuang = try PlanLookup.find(Fixtures.Seed.haQuang.rawValue, in: snapshot).record
        XCTAssertEqual(RelatedPlans.related(to: haQuang.id, in: graph).map { ($0.path as NSString).lastPathComponent }, ["namesake.txt"])
        XCTAssertEqual(RelatedPlans.related(to: "no-such-id", in: graph), [])
    }
}
