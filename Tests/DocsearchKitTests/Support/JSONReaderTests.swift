import XCTest
@testable import DocsearchKit

/// The JSON reader reads RFC 8259 text as JSONSerialization does, and names
/// the byte where text stops being JSON.
final class JSONReaderTests: XCTestCase {
    private func read<T>(_ text: String, _ body: (inout JSONReader) throws -> T) throws -> T {
        try Array(text.utf8).withUnsafeBytes { raw in
            var r = JSONReader(raw)
            let value = try body(&r)
            try r.end()
            return value
        }
    }

    func testEscapesGiveTheCharactersTheyName() throws {
        let text = #""Quyết định số 1373\/QĐ-TTg \"về\" \u0110\u1ea1i h\u1ECDc\n\t\\ \ud83d\udcc4""#
        XCTAssertEqual(try read(text) { try $0.string() }, "Quyết định số 1373/QĐ-TTg \"về\" Đại học\n\t\\ 📄")
        // As Foundation reads the same text.
        let foundation = try JSONSerialization.jsonObject(with: Data(("[" + text + "]").utf8)) as? [String]
        XCTAssertEqual(foundation?.first, try read(text) { try $0.string() })
    }

    func testObjectsArraysNumbersAndNullInAnyLayout() throws {
        let text = """
        { "year" : 2021, "score": -2.5e1, "terms": [ "nhân quyền", "bình đẳng giới" ],
          "place": null, "extra": {"a": [true, false, null, {"b": 1}]}, "empty": [] }
        """
        var seen: [String] = []
        try read(text) { r in
            try r.object { r, key in
                seen.append(key)
                switch key {
                case "year": XCTAssertEqual(try r.int(), 2021)
                case "score": XCTAssertEqual(try r.double(), -25)
                case "terms": XCTAssertEqual(try r.strings(), ["nhân quyền", "bình đẳng giới"])
                case "place": XCTAssertEqual(try r.optionalString(), nil)
                case "empty": XCTAssertEqual(try r.strings(), [])
                default: try r.skipValue()
                }
            }
        }
        XCTAssertEqual(seen, ["year", "score", "terms", "place", "extra", "empty"])
    }

    func testTextThatIsNotJSONThrowsWithTheByte() {
        let cases: [(String, Int)] = [
            (#"{"a": 1,}"#, 8),          // a trailing comma: a key expected
            (#"{"a" 1}"#, 5),            // no colon
            (#"["open"#, 6),             // a string never closed: at the end of the text
            ("\"tab\there\"", 4),       // a raw control character
            (#""\x""#, 2),               // an unknown escape
            (#""\ud83d""#, 7),           // a lone high surrogate
        ]
        for (text, offset) in cases {
            XCTAssertThrowsError(try read(text) { try $0.skipValue() }, text) { error in
                XCTAssertEqual((error as? JSONReader.Malformed)?.offset, offset, "\(text): \(error)")
            }
        }
        XCTAssertThrowsError(try read("2.5") { try $0.int() }) { error in
            XCTAssertEqual(error as? JSONReader.Malformed, JSONReader.Malformed(offset: 0, expected: "an integer"))
        }
        XCTAssertThrowsError(try read("99999999999999999999") { try $0.int() })
        // Nesting past the limit is refused, not followed down the stack.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertThrowsError(try read(deep) { try $0.skipValue() }) { error in
            XCTAssertEqual((error as? JSONReader.Malformed)?.offset, JSONReader.maxDepth)
        }
        XCTAssertNoThrow(try read("[[[1]]]") { try $0.skipValue() })
        XCTAssertThrowsError(try read(#"{"a": 1} x"#) { try $0.skipValue() })
    }
}
