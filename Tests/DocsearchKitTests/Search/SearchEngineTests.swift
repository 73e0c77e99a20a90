import XCTest
@testable import DocsearchKit

final class SearchEngineTests: XCTestCase {
    func testUnaccentedQueryFindsTheGenderEqualityPlanFirst() throws {
        let r = try Fixtures.search("binh dang gioi")
        XCTAssertEqual(Fixtures.names(r).first, Fixtures.Seed.thuThua.rawValue)
    }

    func testQueryFormsGiveTheSamePlans() throws {
        for q in ["bình đẳng giới", "xã hội học tập", "tiếp cận pháp luật", "nhân quyền"] {
            let base = Fixtures.names(try Fixtures.search(q))
            XCTAssertFalse(base.isEmpty, q)
            let nfd = q.decomposedStringWithCanonicalMapping
            XCTAssertNotEqual(Array(nfd.utf8), Array(q.utf8))
            XCTAssertEqual(Fixtures.names(try Fixtures.search(nfd)), base, "NFD \(q)")
            XCTAssertEqual(Fixtures.names(try Fixtures.search(q.uppercased())), base, "caps \(q)")
            XCTAssertEqual(Set(Fixtures.names(try Fixtures.search(Folding.fold(q)))), Set(base), "folded \(q)")
        }
    }

    func testOldAndNewTonePlacementFindTheSamePlans() throws {
        let a = Set(Fixtures.names(try Fixtures.search("tọa đàm")))
        let b = Set(Fixtures.names(try Fixtures.search("toạ đàm")))
        XCTAssertEqual(a, b)
        // One seed writes "toạ đàm", another "tọa đàm".
        XCTAssertGreaterThanOrEqual(a.count, 2)
        XCTAssertTrue(a.contains(Fixtures.Seed.longAn.rawValue))
    }

    func testExactDiacriticsRankAboveFoldedOnlyMatches() throws {
        // "tăng cường" is typed "tang cường" in the Long An plan: still found,
        // but plans that write it correctly rank above it.
        let r = try Fixtures.search("tăng cường", limit: 10)
        XCTAssertTrue(Fixtures.names(r).contains(Fixtures.Seed.longAn.rawValue))
        let folded = try Fixtures.search("tang", limit: 10)
        XCTAssertEqual(Set(Fixtures.names(folded)).count, folded.hits.count)
        // "bàn" (địa bàn) against "bạn"/"ban" (Ban Chỉ đạo): plans with "bàn" first.
        let ban = try Fixtures.search("bàn", limit: 10)
        let withExact = try ban.hits.map { hit -> Bool in
            let text = try XCTUnwrap(PlanLookup.text(of: hit.record))
            return Analyzer().tokens(in: text).contains { $0.exact == "bàn" }
        }
        XCTAssertTrue(withExact.contains(true))
        if let firstWithout = withExact.firstIndex(of: false) {
            XCTAssertFalse(withExact[firstWithout...].contains(true), "a folded-only match outranks an exact one: \(withExact)")
        }
    }

    func testPhraseRequiresAdjacentWords() throws {
        let loose = try Fixtures.search("quyền người")
        let phrase = try Fixtures.search("\"quyền người\"")
        XCTAssertGreaterThan(loose.total, 0)
        XCTAssertEqual(phrase.total, 0, "\"quyền người\" never stands together (it is \"quyền con người\")")
        XCTAssertGreaterThan(try Fixtures.search("\"quyền con người\"").total, 0)
    }

    func testExcludedWordRemovesPlans() throws {
        let all = Set(Fixtures.names(try Fixtures.search("trẻ em")))
        let without = Set(Fixtures.names(try Fixtures.search("trẻ em -khuyết")))
        XCTAssertFalse(without.isEmpty)
        XCTAssertTrue(without.isStrictSubset(of: all))
        XCTAssertFalse(without.contains(Fixtures.Seed.longAn.rawValue))
    }

    func testNoMatchAndOddQueriesNeverFail() throws {
        XCTAssertEqual(try Fixtures.search("zzyzx qwertyuiop").total, 0)
        for q in ["", "\"", "\"unbalanced", "!!!???", "😀🇻🇳", String(repeating: "trẻ em ", count: 2000), "\u{0}\u{7}\u{1B}[31m", "+", "-"] {
            XCTAssertNoThrow(try Fixtures.search(q), q.prefix(20).description)
        }
    }

    func testSnippetMarksTheQueryWords() throws {
        let r = try Fixtures.search("xã hội học tập")
        let service = SearchService(snapshot: Fixtures.seedIndex.snapshot)
        let hit = try XCTUnwrap(r.hits.first)
        let snippet = try XCTUnwrap(service.snippet(for: hit, query: r.query))
        XCTAssertFalse(snippet.highlights.isEmpty)
        let marked = snippet.highlights.map { String(decoding: Array(snippet.text.utf8)[$0], as: UTF8.self) }
        for m in marked { XCTAssertTrue(["xã", "hội", "học", "tập"].contains(m.lowercased()), m) }
    }

    /// The time budget caps a query's cost: past it, the best plans found so
    /// far come back, and the total says it is a lower bound. One plan at a
    /// time reads the clock every 1,024 plans, so the query must match more;
    /// term at a time, after each segment (the ALQAC index has two).
    func testATimeBudgetCutsAQueryShortAndSaysSo() throws {
        for density in [0, SearchEngine(snapshot: try Fixtures.alqacIndex.get()).termAtATimeDensity] {
            let engine = try Fixtures.alqacEngine()
            engine.termAtATimeDensity = density
            XCTAssertGreaterThan(engine.snapshot.segments.count, 1)
            let request = SearchRequest(query: "của", limit: 10, wantFacets: false, exactTotal: true)
            let full = try engine.search(request)
            XCTAssertTrue(full.totalIsExact)
            XCTAssertGreaterThan(full.total, 1024)
            engine.timeBudget = 0
            let capped = try engine.search(request)
            XCTAssertFalse(capped.totalIsExact, "density \(density)")
            XCTAssertLessThan(capped.total, full.total, "density \(density)")
            XCTAssertEqual(capped.hits.count, 10, "density \(density)")
        }
    }
}
