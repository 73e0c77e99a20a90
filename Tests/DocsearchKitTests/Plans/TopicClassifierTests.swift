import XCTest
@testable import DocsearchKit

final class TopicClassifierTests: XCTestCase {
    func testEachSeedPlanGetsItsSubjectFirstWithTheDecidingTerms() throws {
        let expected: [Fixtures.Seed: String] = [.longAn: "nhân quyền", .thuThua: "bình đẳng giới", .haiPhong: "tiếp cận pháp luật",
                                                 .boGDDT: "trẻ em", .haQuang: "xã hội học tập"]
        for (seed, topic) in expected {
            let text = TextNormalizer.normalize(try Fixtures.text(seed))
            let title = PlanIdentityExtractor().identity(of: text).title ?? ""
            let topics = TopicClassifier().topics(title: title, text: text)
            XCTAssertEqual(topics.first?.topic, topic, seed.rawValue)
            XCTAssertFalse(topics.first?.titleTerms.isEmpty ?? true, seed.rawValue)
            XCTAssertTrue(topics.first?.reason.hasPrefix("title: ") ?? false, seed.rawValue)
        }
    }

    func testTheTitleOutweighsManyMentionsInTheBody() {
        let body = String(repeating: "Cơ sở cai nghiện ma túy công lập có quyền sau đây. ", count: 40)
        let topics = TopicClassifier().topics(title: "Bảo đảm trật tự an toàn giao thông năm 2019", text: body)
        XCTAssertEqual(topics.first?.topic, "an toàn giao thông")
        XCTAssertEqual(topics.dropFirst().first?.topic, "phòng chống ma túy", "a recurring subject of the body comes second")
    }

    func testFoldedAndOldToneSpellingsCountAndRareMentionsDoNot() {
        let topics = TopicClassifier().topics(title: "Phong, chong te nan ma tuý trong truong hoc", text: "")
        XCTAssertEqual(topics.map(\.topic), ["phòng chống ma túy"])
        XCTAssertEqual(TopicClassifier().topics(title: "Kế hoạch công tác năm 2024", text: "có liên quan đến trẻ em."), [])
    }

    /// The terms of each topic found in the words of the seed plans and of law
    /// articles, matched as the taxonomy's word numbers, with the text's forms
    /// numbered by one interner across all texts (as an indexing worker does)
    /// or by none, are those a match of the folded words as Strings finds;
    /// and so are the topics.
    func testWordNumbersFindWhatFoldedWordsFind() throws {
        let analyzer = Analyzer()
        func stringOccurrences(_ words: [String]) -> [Int: (count: Int, terms: [String])] {
            var terms: [(words: [String], topic: Int, term: String)] = []
            for (i, t) in TopicTaxonomy.topics.enumerated() {
                for term in t.terms { terms.append((analyzer.tokens(in: term).map(\.folded), i, term)) }
            }
            terms.sort { $0.words.count > $1.words.count }
            var out: [Int: (count: Int, terms: [String])] = [:]
            var i = 0
            while i < words.count {
                if let c = terms.first(where: { i + $0.words.count <= words.count && Array(words[i..<(i + $0.words.count)]) == $0.words }) {
                    out[c.topic, default: (0, [])].count += 1
                    if !out[c.topic]!.terms.contains(c.term) { out[c.topic]!.terms.append(c.term) }
                    i += c.words.count
                } else {
                    i += 1
                }
            }
            return out
        }
        let classifier = TopicClassifier()
        let interner = TokenInterner()
        var texts = TextTestCorpus.seedPlans().map { TextNormalizer.normalize($0.text) }
        texts += TextTestCorpus.lawArticles(step: 20).map { TextNormalizer.normalize($0.text) }
        texts.append("Bình đẳng giới, BÌNH ĐẲNG GIỚI và binh dang gioi; quyền con người, trẻ em, xã hội học tập, chuyển đổi số.")
        var found = 0
        for text in texts {
            let plain = AnalyzedText(text)
            let numbered = AnalyzedText(text, interner: interner)
            let expected = stringOccurrences(plain.tokens.map(\.folded))
            for words in [plain.tokens.map { TopicClassifier.vocabulary.number(of: $0.folded) },
                          interner.labels(.topicWord, ofFoldedFormsIn: numbered.formIDs, TopicClassifier.vocabulary.number(of:))] {
                let got = classifier.occurrences(words)
                XCTAssertEqual(got.mapValues(\.count), expected.mapValues(\.count), String(text.prefix(60)))
                XCTAssertEqual(got.mapValues(\.terms), expected.mapValues(\.terms), String(text.prefix(60)))
            }
            let title = String(text.prefix(200))
            XCTAssertEqual(classifier.topics(title: title, text: numbered, interner: interner),
                           classifier.topics(title: title, text: plain), String(text.prefix(60)))
            found += expected.values.reduce(0) { $0 + $1.count }
        }
        XCTAssertGreaterThan(found, 200)
    }
}
