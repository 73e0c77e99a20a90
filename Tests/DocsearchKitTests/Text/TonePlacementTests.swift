import XCTest
@testable import DocsearchKit

final class TonePlacementTests: XCTestCase {
    func testOldAndNewPlacementsAreOneWord() {
        let pairs = [("hoà", "hòa"), ("toạ", "tọa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Uỷ", "ủy"),
                     ("HOÁ", "hóa"), ("loã", "lõa"), ("xoè", "xòe"), ("luỹ", "lũy")]
        for (old, new) in pairs {
            XCTAssertEqual(Folding.exactWord(old), new, old)
            XCTAssertEqual(Folding.exactWord(new), new.lowercased(), new)
            XCTAssertEqual(Folding.fold(old), Folding.fold(new), old)
        }
    }

    func testOtherRimesAreUntouched() {
        for w in ["hoàn", "toàn", "quý", "quỳnh", "ngoài", "khuya", "hoa", "thuở", "tuyến", "Quỷ"] {
            XCTAssertEqual(Folding.exactWord(w), w.lowercased(), w)
        }
    }

    func testAnalyzerAndStringsApplyItPerWord() {
        XCTAssertEqual(Folding.exact("Toạ đàm Hoà bình, thuỷ lợi"), "tọa đàm hòa bình, thủy lợi")
        let tokens = Analyzer().tokens(in: "UỶ BAN toạ đàm; khoẻ")
        XCTAssertEqual(tokens.map(\.exact), ["ủy", "ban", "tọa", "đàm", "khỏe"])
    }

    /// The seed plans write both "toạ đàm" and "tọa đàm": they must meet.
    func testSeedPlansAgreeOnToaDam() {
        var forms = Set<String>()
        for (_, raw) in TextTestCorpus.seedPlans() {
            let tokens = Analyzer().tokens(in: TextNormalizer.normalize(raw))
            for (a, b) in zip(tokens, tokens.dropFirst()) where a.folded == "toa" && b.exact == "đàm" { forms.insert(a.exact) }
        }
        XCTAssertEqual(forms, ["tọa"])
    }
}
