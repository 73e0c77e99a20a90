import Foundation
import XCTest
@testable import DocsearchKit

/// Queries no one should type still get an answer or a clear error, in the
/// engine and over HTTP; none crashes or stalls.
final class HostileQueryTests: XCTestCase {
    static let hostile: [String] = [
        String(repeating: "giáo dục quyền con người ", count: 400),          // 10,000 characters
        String(repeating: "a", count: 10_000),
        "bình\u{0}đẳng\u{7}giới\u{1B}[31m\r\n\t",                           // control characters
        "\"bình đẳng giới", "giới\"\"\"", "\"", "+\"-\"",                    // unbalanced quotes
        "!!! ... ??? ;;; --- +++ /// \\\\ (((", ".", "-", "+", "/",          // only punctuation
        "👩‍👩‍👧 🇻🇳 bình đẳng 🙂", "🙂", "\u{FFFD}\u{FEFF}\u{200B}",             // emoji and oddities
        "Chỉ thị 99999999999999999999/CT-TTg", "1/1/1/1/1/1/1/1", "QĐ -1",
        String(repeating: "\"a\" ", count: 2000),
        String(repeating: "-x +y ", count: 1500),
    ]

    func testHostileQueriesAnswerQuickly() throws {
        let engine = SearchEngine(snapshot: Fixtures.seedIndex.snapshot)
        for q in Self.hostile {
            var total = -1
            let seconds = try RobustnessSupport.time {
                total = try engine.search(SearchRequest(query: q)).total
            }
            XCTAssertGreaterThanOrEqual(total, 0)
            XCTAssertLessThan(seconds, 1, "\(q.prefix(40))… took \(seconds) s")
        }
        // The control characters do not hide the words around them.
        XCTAssertGreaterThan(try engine.search(SearchRequest(query: Self.hostile[2])).total, 0)
    }

    func testHostileQueriesOverHTTPGetAnAnswerOrA400() throws {
        let web = try WebTestServer.seed()
        for q in Self.hostile {
            for path in ["/search?q=", "/api/search?q="] {
                let response = try web.get(path + WebTestServer.q(q))
                XCTAssertTrue([200, 400, 414].contains(response.statusCode), "\(path)\(q.prefix(30)): \(response.statusCode)")
            }
        }
        // Invalid percent-encoding: a 400 naming the problem, or the bytes taken literally; never a 500.
        for target in ["/api/search?q=%", "/api/search?q=%zz", "/api/search?q=%C3", "/api/search?q=%C3%28",
                       "/search?q=%%%%", "/api/search?q=b%ECnh", "/plans/%FF%FE", "/%00"] {
            let response = try web.get(target)
            XCTAssertTrue([200, 400, 404].contains(response.statusCode), "\(target): \(response.statusCode)")
        }
    }
}
