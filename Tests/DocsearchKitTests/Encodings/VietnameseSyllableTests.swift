import XCTest
@testable import DocsearchKit

final class VietnameseSyllableTests: XCTestCase {
    private func plausible(_ word: String) -> Bool {
        VietnameseSyllable.isPlausible(word.unicodeScalars)
    }

    func testRealSyllablesArePlausible() {
        let words = [
            "nghiêng", "quyết", "giữ", "gì", "được", "khuỷu", "thuở", "hoạch", "Đảng", "KẾ", "xoong",
            "oanh", "uống", "yêu", "chuyện", "người", "khuya", "quốc", "huỳnh", "ạ", "ý", "tuyên", "truyền",
        ]
        for word in words { XCTAssertTrue(plausible(word), word) }
        // Windows-1258 style: tone as a combining mark after the letter.
        XCTAssertTrue(plausible("hoa\u{0323}ch"))
        XCTAssertTrue(plausible("Nguye\u{0302}\u{0303}n"))
    }

    func testMisreadAndForeignWordsAreNot() {
        let words = [
            "élève", "café", "ộtộ", "trốs", "Keá", "hoaïch", "ñam", "hoàc", // stop coda with huyền tone
            "cế", "kan", "ghan", "ngi", "ăi", "iê", "aá", "straße", "über", "façade", "Zürich", "rôle",
        ]
        for word in words { XCTAssertFalse(plausible(word), word) }
        XCTAssertFalse(plausible("hoa\u{0300}\u{0301}"), "two tones")
        XCTAssertFalse(plausible("n\u{0303}"), "a tone on a consonant")
    }

    func testAlmostEveryAccentedWordOfThePlansIsPlausible() throws {
        for plan in try EncodingTestSupport.seedPlans() {
            let score = LegacyEncodingDetector.score(TextNormalizer.normalize(plan.text))
            let total = score.plausible + score.implausible
            XCTAssertGreaterThan(total, 300, plan.name)
            XCTAssertGreaterThan(Double(score.plausible) / Double(total), 0.97, "\(plan.name): \(score)")
        }
    }
}
