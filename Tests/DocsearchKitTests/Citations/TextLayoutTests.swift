import XCTest
@testable import DocsearchKit

final class TextLayoutTests: XCTestCase {
    /// A text's lines are its pieces between line breaks, empty ones kept,
    /// with their byte ranges: on the seed plans and at the edges (an empty
    /// text, breaks first, last and doubled).
    func testLinesAreThePiecesBetweenLineBreaks() throws {
        var texts = ["", "\n", "a", "a\n", "\nb", "a\n\nb", "Nơi nhận:\n- Như trên;\n"]
        for (_, text) in TextTestCorpus.seedPlans() { texts.append(TextNormalizer.normalize(text)) }
        for text in texts {
            let bytes = Array(text.utf8)
            let lines = TextLayout.lines(bytes)
            let pieces = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            XCTAssertEqual(lines.count, pieces.count, text)
            XCTAssertEqual(lines.map { Array(bytes[$0]) }, pieces.map(Array.init), text)
            XCTAssertEqual(lines.map(\.lowerBound), pieces.map(\.startIndex), text)
        }
        XCTAssertGreaterThan(TextLayout.lines(Array(try SeedCorpus.text(SeedCorpus.longAn).utf8)).count, 50)
    }

    /// Where the preamble ends is where the test of every line's folded start
    /// puts it, for lines told by their first byte alone: the seed plans, law
    /// articles, and openings closed or not by lines led by every ASCII byte,
    /// by "Phần I", markdown and Vietnamese capitals.
    func testPreambleEndsWhereEveryLinesFoldedStartPutsIt() throws {
        func folded(_ bytes: [UInt8]) -> Int {
            var sectionOne: Int?, openingEnd: Int?, openingClosed = false
            for line in TextLayout.lines(bytes) {
                let text = TextLayout.trimmedPrefix(bytes, line, count: 24)
                if TextLayout.isSectionOne(text) { sectionOne = line.lowerBound; break }
                if openingClosed || text.isEmpty { continue }
                let f = Folding.fold(text)
                if f.hasPrefix("can cu") || f.hasPrefix("thuc hien") { openingEnd = line.upperBound } else if openingEnd != nil { openingClosed = true }
            }
            return sectionOne ?? openingEnd ?? 0
        }
        var texts = TextTestCorpus.seedPlans().map { TextNormalizer.normalize($0.text) }
        texts += TextTestCorpus.lawArticles(step: 20).map { TextNormalizer.normalize($0.text) }
        let leads = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) } + ["Phần I", "PHẦN I.", "** Căn cứ", "# I.", "Để", "Ủy ban", "  ", ""]
        for lead in leads {
            texts.append("KẾ HOẠCH\nCăn cứ Luật Giáo dục;\n\(lead)x khác\nThực hiện Chỉ thị 20\nII. Nội dung")
            texts.append("KẾ HOẠCH\n\(lead)\nCĂN CỨ Nghị định 30/2020/NĐ-CP\nthực hiện\n\(lead) sau\ncăn cứ nữa")
        }
        var ended = Set<Int>()
        for text in texts {
            let bytes = Array(text.utf8)
            let end = TextLayout(bytes: bytes).preambleEnd
            XCTAssertEqual(end, folded(bytes), text)
            ended.insert(end)
        }
        XCTAssertGreaterThan(ended.count, 10)
    }

    /// Section I is told as the prefix tests tell it, for lines the first
    /// byte rules out: every line of the seed plans and law articles, "I.",
    /// "Phần I" in several spellings, and every ASCII character before them.
    func testSectionOneAsThePrefixTestsTellIt() {
        func prefixTests(_ text: String) -> Bool {
            var rest = Substring(text)
            if Folding.foldedHasPrefix(text, "phan i") { rest = rest.dropFirst(6) } else if rest.hasPrefix("I") { rest = rest.dropFirst() } else { return false }
            guard let next = rest.first else { return true }
            return next == "." || next == ":" || next == ")" || next == " " || next == "-"
        }
        var lines = ["I", "I.", "I. MỤC ĐÍCH", "II. NỘI DUNG", "Phần I", "PHẦN I.", "phần i:", "Phan I-", "ṖHẦN I", "Ì.", "", "i."]
        for (_, text) in TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 20) {
            lines += TextNormalizer.normalize(text).splitLines().map { String($0).trimming(" \t*#") }
        }
        for v in UInt8(0x20)...0x7E { lines += ["I.", "Phần I"].map { String(UnicodeScalar(v)) + $0 } }
        var sections = 0
        for line in lines {
            XCTAssertEqual(TextLayout.isSectionOne(line), prefixTests(line), line)
            if prefixTests(line) { sections += 1 }
        }
        XCTAssertGreaterThan(sections, 8)
    }
}
