import XCTest
@testable import DocsearchKit

/// `TokenInterner`: the tokens it gives are the analyzer's, and each
/// distinct form has one number, whose String and bytes are that form.
final class TokenInternerTests: XCTestCase {
    func testTokensAreTheAnalyzersAndEachFormHasOneNumber() {
        let interner = TokenInterner()
        let analyzer = Analyzer()
        var numberOf: [String: UInt32] = [:]
        // Other scripts and letters folding to several (ﬁ, ß, İ): a form is
        // numbered by its exact form, its folded form worked out once.
        let mixed = "Hoà THUỶ hòa thủy HOÀ Thuỷ Ωμέγα ΑΘΗΝΑ ωμεγα ﬁnance Straße strasse İstanbul istanbul Ǆemal ǆemal dzemal ½ ² Ⅻ 二〇二三 Đà Nẵng da nang"
        let texts = [("mixed", mixed), ("mixed, folded first", "da nang strasse ωμεγα " + mixed)]
            + TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 40)
        XCTAssertGreaterThan(texts.count, 50)
        for (name, raw) in texts {
            let text = TextNormalizer.normalize(raw)
            let (tokens, ids) = interner.tokens(in: text, analyzer: analyzer)
            XCTAssertEqual(tokens, analyzer.tokens(in: text), name)
            XCTAssertEqual(ids.count, 2 * tokens.count, name)
            for (k, token) in tokens.enumerated() {
                let folded = ids[2 * k], exact = ids[2 * k + 1]
                XCTAssertEqual(interner.forms[Int(folded)], token.folded, name)
                XCTAssertEqual(numberOf[token.folded, default: folded], folded, "\(name): \(token.folded) numbered twice")
                numberOf[token.folded] = folded
                if token.hasDiacritics {
                    XCTAssertEqual(interner.forms[Int(exact)], token.exact, name)
                    XCTAssertEqual(numberOf[token.exact, default: exact], exact, "\(name): \(token.exact) numbered twice")
                    numberOf[token.exact] = exact
                } else {
                    XCTAssertEqual(exact, TokenInterner.noExactForm, name)
                }
            }
        }
        XCTAssertEqual(interner.count, numberOf.count, "a number for each distinct form, no more")
        for (form, id) in numberOf {
            XCTAssertEqual(interner.withBytes(of: id) { Array($0) }, Array(form.utf8))
        }
    }
}
