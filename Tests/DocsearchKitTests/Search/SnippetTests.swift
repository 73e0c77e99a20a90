import XCTest
@testable import DocsearchKit

/// Snippets of the seed plans: the window with the most distinct query words,
/// white space folded, the matched words marked, and "…" where text was left out.
final class SnippetTests: XCTestCase {
    private let builder = SnippetBuilder()

    private func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    private func words(_ query: String) -> Set<String> {
        Set(QueryParser().parse(query).terms.map(\.folded))
    }

    func testEverySeedSnippetHoldsTheQueryWordsItMarks() throws {
        for seed in Fixtures.Seed.allCases {
            let text = try Fixtures.text(seed)
            let analyzed = AnalyzedText(TextNormalizer.normalize(text))
            for query in ["bình đẳng giới", "kế hoạch", "giáo dục pháp luật", "trẻ em", "tuyên truyền nhân quyền"] {
                let marks = builder.matches(in: analyzed, query: QueryParser().parse(query))
                let snippet = builder.snippet(of: analyzed.bytes, marks: marks)
                let bytes = Array(snippet.text.utf8)
                XCTAssertLessThanOrEqual(bytes.count, builder.maxBytes + 8, "\(seed) \(query)")
                XCTAssertFalse(snippet.text.contains("  ") || snippet.text.contains("\n") || snippet.text.contains("\r"),
                               "white space is folded: \(snippet.text)")
                // A passage of the plan as it stands, white space folded, "…" where text was left out.
                var passage = Substring(snippet.text)
                if passage.hasPrefix("… ") { passage = passage.dropFirst(2) }
                if passage.hasSuffix(" …") { passage = passage.dropLast(2) }
                XCTAssertTrue(collapsed(analyzed.text).contains(passage), "\(seed) \(query): \(snippet.text)")
                for h in snippet.highlights {
                    let word = Folding.fold(String(decoding: bytes[h], as: UTF8.self).lowercased())
                    XCTAssertTrue(words(query).contains(word), "\(seed) \(query): marked \(word)")
                }
                if !marks.isEmpty { XCTAssertFalse(snippet.highlights.isEmpty, "\(seed) \(query)") }
            }
        }
    }

    /// The Thủ Thừa plan for "bình đẳng giới": its title holds all three words.
    func testThuThuaSnippetForBinhDangGioi() throws {
        let analyzed = AnalyzedText(TextNormalizer.normalize(try Fixtures.text(.thuThua)))
        let snippet = builder.snippet(of: analyzed.bytes, marks: builder.matches(in: analyzed, query: QueryParser().parse("bình đẳng giới")))
        // Counted by folded word, "Đảng" and "dạng" beside "đẳng" are one word
        // of the query, and the earliest passage with all three wins: the title.
        XCTAssertTrue(snippet.text.hasPrefix("… KẾ HOẠCH Hoạt động Vì sự tiến bộ phụ nữ, bình đẳng giới năm 2021 Căn cứ"),
                      snippet.text)
        let bytes = Array(snippet.text.utf8)
        XCTAssertEqual(snippet.highlights.prefix(3).map { String(decoding: bytes[$0], as: UTF8.self) }, ["bình", "đẳng", "giới"])
    }

    /// "đẳng" typed with diacritics marks the Thủ Thừa plan's 21 "đẳng", not
    /// its "Đảng" (the Party), "dạng" or "đăng", which fold alike; typed
    /// without diacritics, it marks all of them.
    func testAWordTypedWithDiacriticsMarksItsOwnForm() throws {
        let analyzed = AnalyzedText(TextNormalizer.normalize(try Fixtures.text(.thuThua)))
        func marked(_ query: String) -> [String] {
            builder.matches(in: analyzed, query: QueryParser().parse(query))
                .map { String(decoding: analyzed.bytes[$0], as: UTF8.self).lowercased() }
        }
        let typed = marked("bình đẳng giới").filter { Folding.fold($0) == "dang" }
        XCTAssertEqual(typed.count, 21)
        XCTAssertEqual(Set(typed), ["đẳng"])
        let untyped = marked("binh dang gioi").filter { Folding.fold($0) == "dang" }
        XCTAssertEqual(Set(untyped), ["đẳng", "đảng", "dạng", "đăng"])
        XCTAssertEqual(untyped.count, 27)
        // Both forms asked for: each place marked once.
        XCTAssertEqual(marked("đẳng dang").count, 27)
    }

    /// A plan written without diacritics has no "đẳng": a query typed with
    /// them marks the folded words the search found.
    func testATextWithoutTheTypedFormMarksTheFoldedOnes() throws {
        let folded = Folding.fold(TextNormalizer.normalize(try Fixtures.text(.thuThua)))
        let analyzed = AnalyzedText(folded)
        let typed = builder.matches(in: analyzed, query: QueryParser().parse("bình đẳng giới"))
        XCTAssertGreaterThan(typed.count, 40)
        XCTAssertEqual(typed, builder.matches(in: analyzed, query: QueryParser().parse("binh dang gioi")))
    }

    func testFoldedKeysJoinCaseAndDiacritics() {
        func key(_ s: String) -> UInt64 { Array(s.utf8).withUnsafeBufferPointer { SnippetBuilder.foldedKey($0) } }
        XCTAssertEqual(key("Đảng"), key("đẳng"))
        XCTAssertEqual(key("ĐẲNG"), key("dang"))
        XCTAssertEqual(key("Giới"), key("gioi"))
        XCTAssertEqual(key("hoà"), key("hòa"))
        XCTAssertNotEqual(key("đẳng"), key("giới"))
        XCTAssertNotEqual(key("bình"), key("binhh"))
    }

    /// Marks out of order, repeated or out of range (as a caller may pass
    /// them) give the snippet of the same marks sorted and in range.
    func testMarksInAnyOrderGiveTheSameSnippet() throws {
        let analyzed = AnalyzedText(TextNormalizer.normalize(try Fixtures.text(.longAn)))
        let marks = builder.matches(in: analyzed, query: QueryParser().parse("nhân quyền giáo dục"))
        XCTAssertGreaterThan(marks.count, 10)
        let expected = builder.snippet(of: analyzed.bytes, marks: marks)
        var generator = EncodingTestSupport.SeededGenerator(state: 7)
        let shuffled = marks.shuffled(using: &generator) + [analyzed.bytes.count..<(analyzed.bytes.count + 4), -3..<2]
        XCTAssertEqual(builder.snippet(of: analyzed.bytes, marks: shuffled), expected)
        XCTAssertFalse(expected.highlights.isEmpty)
    }
}
