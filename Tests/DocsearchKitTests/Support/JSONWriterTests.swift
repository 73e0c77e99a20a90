import Foundation
import XCTest
@testable import DocsearchKit

/// The hand-written search JSON is the text Foundation's encoder writes for
/// the same value, on real answers over the seed plans.
final class JSONWriterTests: XCTestCase {
    private func resultsJSON(_ q: String, facets: Bool = true) throws -> ResultsJSON {
        let request = SearchRequest(query: q, limit: 5, wantFacets: facets)
        let service = SearchService(snapshot: Fixtures.seedIndex.snapshot)
        let results = try service.engine.search(request)
        let snippets = results.hits.map { service.snippet(for: $0, query: results.query) }
        return ResultsJSON(results, request: request, snippets: snippets, includeFacets: facets)
    }

    func testSearchAnswersMatchFoundationsEncoderByteForByte() throws {
        for q in ["Chỉ thị 20 trẻ em", "binh dang gioi", "\"quyền con người\" -ma", "Kế hoạch 1373", "không có từ này"] {
            for facets in [true, false] {
                let value = try resultsJSON(q, facets: facets)
                XCTAssertEqual(value.encoded(), JSONText.encode(value), "\(q) facets \(facets)")
            }
        }
        // The citation query really carries citations and a snippet, so their keys were compared.
        let cited = try resultsJSON("Chỉ thị 20")
        XCTAssertEqual(cited.hits.first?.citations.first?.key, "20-CT/TW")
        XCTAssertNotNil(cited.hits.first?.snippet)
    }

    func testEscapesQuotesBackslashesAndControlCharacters() throws {
        var w = JSONWriter()
        let nasty = "Sở \"GD&ĐT\" \\ Long An\n\t\u{1}</script>"
        w.beginObject()
        w.key("a"); w.string(nasty)
        w.key("b"); w.beginArray(); w.double(2.5); w.double(3); w.int(-7); w.bool(false); w.null(); w.endArray()
        w.endObject()
        XCTAssertEqual(w.text, #"{"a":"Sở \"GD&ĐT\" \\ Long An\n\t\u0001</script>","b":[2.5,3,-7,false,null]}"#)
        let back = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any]
        XCTAssertEqual(back?["a"] as? String, nasty)
    }

    /// Every byte that needs escaping (controls, quote, backslash), and the
    /// bytes beside them (space, "!", "#", "[", "]", DEL, UTF-8), at every
    /// offset of a 20-byte string and of a seed plan's text, reads back as
    /// the string written: the eight-byte test lets none through.
    func testEveryEscapeAtEveryOffsetReadsBack() throws {
        var strings: [String] = []
        let specials = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + ["\"", "\\", " ", "!", "#", "[", "]", "\u{7F}", "ề"]
        for special in specials {
            for offset in 0..<20 {
                strings.append(String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset))
            }
        }
        strings.append(TextNormalizer.normalize(try Fixtures.text(.longAn)))
        for s in strings {
            var w = JSONWriter()
            w.beginArray(); w.string(s); w.endArray()
            let back = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String]
            XCTAssertEqual(back, [s], s.debugDescription)
        }
        XCTAssertFalse(JSONWriter.mayNeedEscape(UInt64(littleEndian: 0x6968_6766_6564_6362)))
        XCTAssertTrue(JSONWriter.mayNeedEscape(UInt64(littleEndian: 0x6968_6766_650A_6362)))
    }
}
