import XCTest
@testable import DocsearchKit

/// Facet counts: the most frequent values first, ties in text order, cut at the limit.
final class FacetCounterTests: XCTestCase {
    private func top(_ pairs: [(String, Int)], limit: Int) -> [SearchResults.FacetCount] {
        FacetCounter.top(pairs, limit: limit).map { SearchResults.FacetCount(value: $0.0, count: $0.1) }
    }

    func testTopKeepsTheMostFrequentAndBreaksTiesByText() {
        let c = [("tỉnh Long An", 3), ("tỉnh Hà Giang", 2), ("tỉnh Bắc Ninh", 2), ("thành phố Đà Nẵng", 2), ("huyện Thủ Thừa", 1)]
        let top2 = top(c, limit: 2)
        XCTAssertEqual(top2.map(\.value), ["tỉnh Long An", "thành phố Đà Nẵng"])
        let all = top(c, limit: .max)
        XCTAssertEqual(all.map(\.count), [3, 2, 2, 2, 1])
        // Ties follow the keys' order (for facet counts, slots in byte order).
        let tied = all.filter { $0.count == 2 }.map(\.value)
        XCTAssertEqual(tied, tied.sorted())
        XCTAssertEqual(top(c, limit: 0), [])
    }

    /// The partial selection gives what sorting everything gives, for every
    /// limit, on real words with many ties.
    func testTopMatchesAFullSortAtEveryLimit() throws {
        let words = Array(Set(try Fixtures.text(.longAn).split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)))
        var random = SplitMix64(state: 7)
        var pairs: [(String, Int)] = []
        for w in words.sorted() { pairs.append((w, Int(random.next() % 4) + 1)) }
        let unsorted: [SearchResults.FacetCount] = pairs.map { SearchResults.FacetCount(value: $0.0, count: $0.1) }
        let full = unsorted.sorted { (a: SearchResults.FacetCount, b: SearchResults.FacetCount) -> Bool in
            a.count != b.count ? a.count > b.count : a.value < b.value
        }
        XCTAssertGreaterThan(full.count, 200)
        for limit in [1, 2, 5, 10, 37, full.count - 1, full.count, full.count + 5] {
            XCTAssertEqual(top(pairs, limit: limit), Array(full.prefix(limit)), "limit \(limit)")
        }
    }

    /// Over a facet's slots, as a search counts them: the values no plan
    /// holds are left out, the rest come as a full sort orders them (most
    /// plans first, ties in slot order), at every limit.
    func testTopSlotsMatchAFullSortAtEveryLimit() throws {
        var random = SplitMix64(state: 11)
        // Slots 40..<400 of a snapshot: many zeros, many ties.
        let counts = (0..<400).map { slot -> Int in slot < 40 ? 9 : Int(random.next() % 6) }
        let slots = 40..<400
        let full = slots.filter { counts[$0] > 0 }.map { ($0, counts[$0]) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        XCTAssertGreaterThan(full.count, 200)
        XCTAssertLessThan(full.count, slots.count)
        for limit in [1, 2, 5, 10, 37, full.count - 1, full.count, slots.count, .max] {
            let top = FacetCounter.top(slots, limit: limit) { counts[$0] }
            XCTAssertEqual(top.map(\.0), Array(full.prefix(limit)).map(\.0), "limit \(limit)")
            XCTAssertEqual(top.map(\.1), Array(full.prefix(limit)).map(\.1), "limit \(limit)")
        }
        XCTAssertTrue(FacetCounter.top(slots, limit: 0) { counts[$0] }.isEmpty)
    }

    func testSearchFacetsCountEveryMatchingSeedPlan() throws {
        let engine = SearchEngine(snapshot: Fixtures.seedIndex.snapshot)
        let all = try engine.search(SearchRequest(query: "kế hoạch", limit: 1, wantFacets: true))
        // Every seed plan has a year; the year counts add up to the plans matched.
        XCTAssertEqual(all.facets["year"]?.reduce(0) { $0 + $1.count }, all.total)
        let one = try engine.search(SearchRequest(query: "Chỉ thị 20", limit: 1, wantFacets: true))
        XCTAssertEqual(one.total, 1)
        XCTAssertEqual(one.facets["year"]?.map(\.count), [1])
    }

    /// Two segments (an index updated with more plans): counts are merged
    /// across them and agree with the plans' own records.
    func testCountsMergeAcrossSegments() throws {
        let dir = try Fixtures.scratch("facet-segments")
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let seeds = Fixtures.Seed.allCases
        for seed in seeds.prefix(3) {
            try FileManager.default.copyItem(at: Fixtures.corpus.appendingPathComponent(seed.rawValue),
                                             to: docs.appendingPathComponent(seed.rawValue))
        }
        let index = dir.appendingPathComponent("idx").path
        _ = try IndexWriter.run(IndexWriter.Options(directory: index, roots: [docs.path]))
        for seed in seeds.dropFirst(3) {
            try FileManager.default.copyItem(at: Fixtures.corpus.appendingPathComponent(seed.rawValue),
                                             to: docs.appendingPathComponent(seed.rawValue))
        }
        _ = try IndexWriter.run(IndexWriter.Options(directory: index, roots: [docs.path]))
        let snapshot = try IndexSnapshot.open(directory: index)
        XCTAssertGreaterThan(snapshot.segments.count, 1)
        let r = try SearchEngine(snapshot: snapshot).search(SearchRequest(query: "kế hoạch", limit: 1, wantFacets: true))
        XCTAssertEqual(r.total, seeds.count)
        var years: [String: Int] = [:]
        for record in try snapshot.liveRecords() { if let y = record.year { years[String(y), default: 0] += 1 } }
        let expected = years.map { SearchResults.FacetCount(value: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        XCTAssertEqual(r.facets["year"], expected)

        // Every facet, every value: as counted from each segment's own column.
        var naive: [String: [String: Int]] = [:]
        for (s, segment) in snapshot.segments.enumerated() {
            for (name, column) in try segment.facetColumns() where !name.contains(".") {
                for d in 0..<segment.documentCount where !snapshot.isDeleted(segment: s, doc: d) {
                    for v in column.values(of: d) { naive[name, default: [:]][v, default: 0] += 1 }
                }
            }
        }
        let all = try FacetCounter.countAll(in: snapshot)
        XCTAssertEqual(Set(all.keys), Set(naive.keys))
        XCTAssertTrue(naive.keys.contains("agency") && naive.keys.contains("topic"))
        for (name, values) in naive {
            let want = values.map { SearchResults.FacetCount(value: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
            XCTAssertEqual(all[name], want, name)
        }

        // The first search of the snapshot counted by text (few matches, no
        // numbering yet); now that the values are numbered, the same search
        // counts by slot, with the same answer.
        XCTAssertTrue(snapshot.hasFacetOrdinals)
        let again = try SearchEngine(snapshot: snapshot).search(SearchRequest(query: "kế hoạch", limit: 1, wantFacets: true))
        XCTAssertEqual(again.facets, r.facets)
        XCTAssertEqual(Set(r.facets.keys), Set(naive.keys))
    }

    /// On 300 generated plans, queries that match a few plans and most of
    /// them: counting into snapshot slots (by slot per plan, or by the
    /// segment's ordinals first when the plans are many for a column) gives
    /// the counts that counting by text gives.
    func testSlotCountingAgreesWithTextCountingOnGeneratedPlans() throws {
        let corpus = try Fixtures.generatedPlans(count: 300, seed: 11, name: "facet-gen")
        defer { try? FileManager.default.removeItem(at: corpus) }
        let index = try Fixtures.index(of: corpus)
        try assertSlotCountingAgreesWithTextCounting(index: index, plans: 300)
    }

    /// The same after an update that deleted plans from the first segment:
    /// a search matching most plans counts the live plans it does not match
    /// and takes them from the live totals, which must leave the deleted out.
    func testSlotCountingAgreesWithTextCountingAfterPlansAreDeleted() throws {
        let corpus = try Fixtures.generatedPlans(count: 300, seed: 12, name: "facet-deleted")
        defer { try? FileManager.default.removeItem(at: corpus) }
        let index = try Fixtures.updatedIndex(of: corpus, removed: 40, changed: 10)
        let snapshot = try IndexSnapshot.open(directory: index)
        XCTAssertEqual(snapshot.documentCount, 260)
        XCTAssertFalse(snapshot.deleted.allSatisfy(\.isEmpty), "the update deleted plans from a segment")
        try assertSlotCountingAgreesWithTextCounting(index: index, plans: 260)
    }

    /// Counting is over the live plans among the matches: plans an update
    /// deleted are left out, whether the matches are most of a segment
    /// (counted off its live totals) or a few (counted one by one).
    func testDeletedPlansAmongTheMatchesAreNotCounted() throws {
        let corpus = try Fixtures.generatedPlans(count: 300, seed: 13, name: "facet-dead")
        defer { try? FileManager.default.removeItem(at: corpus) }
        let snapshot = try IndexSnapshot.open(directory: try Fixtures.updatedIndex(of: corpus, removed: 40, changed: 10))
        _ = try snapshot.facetOrdinals()
        var every: [(segment: Int, doc: Int)] = [], live: [(segment: Int, doc: Int)] = []
        for (s, segment) in snapshot.segments.enumerated() {
            for d in 0..<segment.documentCount {
                every.append((s, d))
                if !(d < snapshot.deleted[s].count && snapshot.deleted[s][d]) { live.append((s, d)) }
            }
        }
        XCTAssertEqual(live.count, 260)
        let n = snapshot.segments.count
        func counts(_ plans: [(segment: Int, doc: Int)]) throws -> [String: [SearchResults.FacetCount]] {
            try FacetCounter.count(MatchedPlans(plans, segmentCount: n), snapshot: snapshot, limit: .max)
        }
        XCTAssertEqual(try counts(every), try counts(live), "most plans")
        // Not in increasing order (not a search's matches): counted one by one all the same.
        XCTAssertEqual(try counts(every.reversed()), try counts(live), "most plans, last first")
        XCTAssertEqual(try counts(live), try FacetCounter.countAll(in: snapshot))
        let someEvery = every.enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
        let someLive = someEvery.filter { p in live.contains { $0 == p } }
        XCTAssertLessThan(someLive.count, someEvery.count, "a deleted plan among a few matches")
        XCTAssertEqual(try counts(someEvery), try counts(someLive), "a few plans")
    }

    private func assertSlotCountingAgreesWithTextCounting(index: String, plans: Int,
                                                          file: StaticString = #filePath, line: UInt = #line) throws {
        let queries = ["kế hoạch", "Chỉ thị 20", "bình đẳng giới", "huyện Thủ Thừa", "Nghị định 162/2017/NĐ-CP", "trẻ em",
                       "tuyên truyền", "giáo dục pháp luật", "ủy ban nhân dân", "nhân quyền"]
        // Counted by text: a fresh snapshot, before its values are numbered.
        let byText = try IndexSnapshot.open(directory: index)
        var expected: [[String: [SearchResults.FacetCount]]] = []
        var totals: [Int] = []
        for q in queries {
            let r = try SearchEngine(snapshot: byText).search(SearchRequest(query: q, limit: 1, wantFacets: true))
            XCTAssertFalse(byText.hasFacetOrdinals, q)
            expected.append(r.facets)
            totals.append(r.total)
        }
        XCTAssertEqual(totals.max(), plans, file: file, line: line)
        XCTAssertLessThan(totals.min() ?? 0, 60, file: file, line: line)
        // Some match more than half the plans but not all: counted as the live totals less the rest.
        XCTAssertTrue(totals.contains { $0 > plans / 2 && $0 < plans }, "\(totals)", file: file, line: line)
        // Counted by slot: another snapshot, numbered first.
        let bySlot = try IndexSnapshot.open(directory: index)
        _ = try bySlot.facetOrdinals()
        for (i, q) in queries.enumerated() {
            let r = try SearchEngine(snapshot: bySlot).search(SearchRequest(query: q, limit: 1, wantFacets: true))
            XCTAssertEqual(r.facets, expected[i], q, file: file, line: line)
            XCTAssertFalse(r.facets.isEmpty, q, file: file, line: line)
            // A filter every plan passes: each match is checked on its own,
            // where a segment with no filter, deletion or excluded word takes
            // its matches at once. The answers must not differ.
            let everyYear = try XCTUnwrap(SearchFilter.years("1900-2100"))
            let filtered = try SearchEngine(snapshot: bySlot).search(SearchRequest(query: q, limit: 10, filters: [everyYear],
                                                                                   wantFacets: true))
            let unfiltered = try SearchEngine(snapshot: bySlot).search(SearchRequest(query: q, limit: 10, wantFacets: true))
            XCTAssertEqual(filtered.total, totals[i], q, file: file, line: line)
            XCTAssertEqual(unfiltered.total, totals[i], q, file: file, line: line)
            XCTAssertEqual(filtered.facets, expected[i], q, file: file, line: line)
            XCTAssertEqual(filtered.hits.map(\.record.path), unfiltered.hits.map(\.record.path), q, file: file, line: line)
            XCTAssertEqual(filtered.hits.map(\.score), unfiltered.hits.map(\.score), q, file: file, line: line)
        }
    }
}
