import XCTest
@testable import DocsearchKit

final class NormalizerTests: XCTestCase {
    func testLineEndsBOMAndOddSpaces() {
        XCTAssertEqual(TextNormalizer.normalize("\u{FEFF}Kế hoạch\r\nSố: 2421\rngày 13"), "Kế hoạch\nSố: 2421\nngày 13")
        XCTAssertEqual(TextNormalizer.normalize("UBND\u{00A0}TỈNH\u{202F}LONG\u{2009}AN"), "UBND TỈNH LONG AN")
        XCTAssertEqual(TextNormalizer.normalize("UBND TỈNH\tCỘNG HÒA"), "UBND TỈNH\tCỘNG HÒA")
        XCTAssertEqual(TextNormalizer.normalize("tuyên\u{200B} truyền nhân\u{00AD}quyền\u{2060}"), "tuyên truyền nhânquyền")
        XCTAssertEqual(TextNormalizer.normalize("Điều 1\u{2028}Điều 2\r\r\n"), "Điều 1\nĐiều 2\n\n")
    }

    func testBytesWithBOMAndInvalidSequences() {
        XCTAssertEqual(TextNormalizer.normalize(utf8: [0xEF, 0xBB, 0xBF] + Array("Chỉ thị".utf8)), "Chỉ thị")
        XCTAssertEqual(TextNormalizer.normalize(utf8: [0x41, 0xFF, 0xC3, 0x42, 0xE1, 0xBB]), "A\u{FFFD}\u{FFFD}B\u{FFFD}")
        XCTAssertEqual(TextNormalizer.normalize(utf8: []), "")
    }

    func testDecomposedVietnameseComposes() {
        XCTAssertEqual(TextNormalizer.normalize("Vi\u{0065}\u{0323}\u{0302}t"), "Việt")
        XCTAssertEqual(TextNormalizer.normalize("l\u{006F}\u{031B}\u{0323}i"), "lợi")
        // Marks in a non-canonical order: canonical reordering fixes them.
        XCTAssertEqual(TextNormalizer.normalize("Vi\u{0065}\u{0302}\u{0323}t"), "Việt")
        XCTAssertEqual(TextNormalizer.normalize("l\u{006F}\u{0323}\u{031B}i"), "lợi")
        // A precomposed letter followed by a further mark.
        XCTAssertEqual(TextNormalizer.normalize("Vi\u{00EA}\u{0323}t"), "Việt")
        XCTAssertEqual(TextNormalizer.normalize("\u{0110}A\u{0309}NG"), "ĐẢNG")
        // A zero-width space between letter and mark is removed first.
        XCTAssertEqual(TextNormalizer.normalize("ha\u{200B}\u{0300}"), "hà")
    }

    func testUntouchedTextIsTheSameStorage() {
        let plan = String(repeating: "Kế hoạch tuyên truyền pháp luật năm 2024. ", count: 20)
        let ascii = String(repeating: "Ke hoach 04/KH-BCDNQ\n", count: 20)
        for s in [plan, ascii] {
            let n = TextNormalizer.normalize(s)
            XCTAssertEqual(n, s)
            XCTAssertEqual(storage(n), storage(s))
        }
    }

    /// Whether a text needs work is whether one of its scalars is in a class
    /// that needs it (or is a CR), for every scalar from U+0080 to U+03FF and
    /// from U+1E00 to U+1FFF, alone and between Vietnamese words, where the
    /// Latin letters are told by their bytes.
    func testNeedsWorkIsTheClassOfSomeScalar() {
        typealias C = UnicodeClassTable.NormClass
        var needing = 0
        for v in Array(0x80...0x3FF) + Array(0x1E00...0x1FFF) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let needs = UnicodeClassTable.classOf(UInt32(v), bmp: UnicodeClassTable.bmp) & UnicodeClassTable.normMask > C.composable
            if needs { needing += 1 }
            for s in [String(scalar), "Kế hoạch " + String(scalar) + " tuyên truyền", "ẩ" + String(scalar) + "ư"] {
                var t = s
                let got = t.withUTF8 { TextNormalizer.needsWork($0.baseAddress!, $0.count) }
                XCTAssertEqual(got, needs, String(v, radix: 16))
            }
        }
        XCTAssertGreaterThan(needing, 100, "marks, odd spaces, removed scalars")
    }

    func testOtherScriptsFallBackToFoundation() {
        XCTAssertEqual(TextNormalizer.normalize("\u{03B1}\u{0301} x\r\n"), "\u{03AC} x\n")
        XCTAssertEqual(TextNormalizer.normalize("\u{1100}\u{1161}\u{11A8}"), "\u{AC01}")
        XCTAssertEqual(TextNormalizer.normalize("\u{0301}e"), "\u{0301}e")
    }

    func testMatchesFoundationOnSeedPlansAndLaws() {
        let texts = TextTestCorpus.seedPlans() + TextTestCorpus.lawArticles(step: 5) + TextTestCorpus.decomposedLawArticles()
        XCTAssertGreaterThan(texts.count, 400)
        for (name, raw) in texts {
            let cleaned = withoutSpecials(raw)
            XCTAssertEqual(TextNormalizer.normalize(cleaned), cleaned.precomposedStringWithCanonicalMapping, name)
            let nfd = cleaned.decomposedStringWithCanonicalMapping
            XCTAssertEqual(TextNormalizer.normalize(nfd), cleaned.precomposedStringWithCanonicalMapping, name)
            // Vietnamese needs no Foundation fallback: the tables compose it.
            var copy = nfd
            XCTAssertNotNil(copy.withUTF8 { TextNormalizer.rewrite($0.baseAddress!, $0.count, compose: true) }, name)
        }
    }

    /// Random Latin letters and marks in random order, against Foundation.
    func testRandomLatinSequencesMatchFoundation() {
        var rng = SplitMix64(state: 2024)
        let letters = Array("aAeEoOuUyYdDiIcCnNsSzZ".unicodeScalars) + [Unicode.Scalar(0x01A1)!, Unicode.Scalar(0x0102)!, Unicode.Scalar(0x1EB9)!, Unicode.Scalar(0x00EA)!, Unicode.Scalar(0x01B0)!]
        for _ in 0..<5000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 6 + 1) {
                view.append(letters[Int(rng.next() % UInt64(letters.count))])
                for _ in 0..<Int(rng.next() % 4) { view.append(Unicode.Scalar(0x300 + UInt32(rng.next() % 0x70))!) }
            }
            let s = String(view)
            XCTAssertEqual(Array(TextNormalizer.normalize(s).unicodeScalars), Array(s.precomposedStringWithCanonicalMapping.unicodeScalars),
                           s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }

    func testOddScalarsNeverCrash() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<300 {
            let bytes = (0..<64).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let s = TextNormalizer.normalize(utf8: bytes)
            XCTAssertEqual(s, s.precomposedStringWithCanonicalMapping)
            _ = Analyzer().tokens(in: s)
        }
        let odd = "\u{10FFFF}\u{E000}\u{1F600}\u{0378}\u{FFFF}a\u{0345}\u{034F}\u{0301}"
        XCTAssertEqual(TextNormalizer.normalize(odd), odd.precomposedStringWithCanonicalMapping)
    }

    private func storage(_ s: String) -> UnsafeRawPointer? {
        s.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    /// The text with the normaliser's non-NFC clean-ups already applied.
    private func withoutSpecials(_ s: String) -> String {
        var view = String.UnicodeScalarView()
        var previousCR = false
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0x00AD, 0x180E: continue
            case 0x0D: view.append("\n"); previousCR = true; continue
            case 0x0A where previousCR: previousCR = false; continue
            case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: view.append(" ")
            case 0x0085, 0x2028, 0x2029: view.append("\n")
            default: view.append(u)
            }
            previousCR = false
        }
        return String(view)
    }
}
