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
}
