import XCTest
@testable import DocsearchKit

/// Windows-1258, TCVN3 and VNI files built from the seed plans, and Latin-1
/// text that must stay Windows-1252.
final class LegacyEncodingTests: XCTestCase {
    func testWindows1258PlansFromIconvDecodeToTheOriginalText() throws {
        try XCTSkipUnless(EncodingTestSupport.iconvSupports("CP1258"), "iconv has no CP1258")
        for plan in try EncodingTestSupport.seedPlans() {
            let text = TextNormalizer.normalize(plan.text)
            XCTAssertEqual(LegacyEncoder.encode(text, as: .windows1258).unrepresentable, 0, plan.name)
            let bytes = try XCTUnwrap(EncodingTestSupport.iconv(Array(text.utf8), from: "UTF-8", to: "CP1258"), plan.name)
            // Our encoder writes the same bytes as iconv: same tables, same base + combining mark choices.
            XCTAssertEqual(LegacyEncoder.encode(text, as: .windows1258).bytes, bytes, plan.name)
            XCTAssertTrue(bytes.contains(0xEC) || bytes.contains(0xF2), "\(plan.name) uses combining tone marks")
            let decoded = try SourceDecoder.decode(bytes)
            XCTAssertEqual(decoded.encoding, .windows1258, plan.name)
            XCTAssertEqual(decoded.text, text, plan.name)
        }
    }

    /// TCVN3 (VN3) has codes for lowercase letters and seven plain capitals
    /// only; capitals with tones come out lowercase (as a .VnTimeH heading's
    /// bytes do), so the comparison is made on lowercased text.
    func testTCVN3PlansDecodeToTheOriginalTextUpToCapitalsWithTones() throws {
        for plan in try EncodingTestSupport.seedPlans() {
            let text = TextNormalizer.normalize(plan.text)
            let encoded = LegacyEncoder.encode(text, as: .tcvn3)
            // The one character of the plans TCVN3 cannot write is the middle dot "·" (its byte, B7, is "ã").
            XCTAssertEqual(encoded.unrepresentable, text.filter { $0 == "·" }.count, plan.name)
            let decoded = try SourceDecoder.decode(encoded.bytes)
            XCTAssertEqual(decoded.encoding, .tcvn3, plan.name)
            XCTAssertEqual(decoded.text.lowercased(), text.replacingOccurrences(of: "·", with: "?").lowercased(), plan.name)
            XCTAssertEqual(decoded.warnings, [], plan.name)
        }
    }

    func testTCVN3KeepsThePlainCapitalsItHas() throws {
        let encoded = LegacyEncoder.encode("ĐẢNG, Đoàn, ĂN Ở, Ông Ơn Ưng Ê Âm", as: .tcvn3)
        XCTAssertEqual(encoded.unrepresentable, 0)
        XCTAssertEqual(Array(encoded.bytes.prefix(2)), [0xA7, 0xB6]) // Đ, then ả for Ả
        let decoded = try SourceDecoder.decode(encoded.bytes)
        XCTAssertEqual(decoded.encoding, .tcvn3)
        XCTAssertEqual(decoded.text, "ĐảNG, Đoàn, ĂN ở, Ông Ơn Ưng Ê Âm")
    }

    func testTCVN3AgreesWithIconvTCVN5712() throws {
        try XCTSkipUnless(EncodingTestSupport.iconvSupports("TCVN5712-1"), "iconv has no TCVN5712-1")
        // Byte by byte, over the codes VN3 assigns (glibc's TCVN5712-1 is the VN1 superset).
        let codes = SingleByteTable.tcvn3Assignments.keys.sorted()
        let utf32 = try XCTUnwrap(EncodingTestSupport.iconv(codes, from: "TCVN5712-1", to: "UTF-32LE"))
        XCTAssertEqual(utf32.count, 4 * codes.count)
        for (k, byte) in codes.enumerated() where 4 * k + 3 < utf32.count {
            let viaIconv = UInt32(utf32[4 * k]) | UInt32(utf32[4 * k + 1]) << 8 | UInt32(utf32[4 * k + 2]) << 16
            XCTAssertEqual(viaIconv, SingleByteTable.tcvn3Assignments[byte], String(format: "byte %02X", byte))
        }
        // And whole lowercase plans, encoded both ways.
        for plan in try EncodingTestSupport.seedPlans() {
            // Only ASCII and VN3's own codes: glibc puts VN1 capitals where we read Windows-1252 quotes and dashes.
            let vn3 = Set(SingleByteTable.tcvn3Assignments.values)
            let text = TextNormalizer.normalize(plan.text).lowercased().unicodeScalars.filter { $0.isASCII || vn3.contains($0.value) }
            let lower = String(String.UnicodeScalarView(text))
            let ours = LegacyEncoder.encode(lower, as: .tcvn3).bytes
            XCTAssertEqual(EncodingTestSupport.iconv(Array(lower.utf8), from: "UTF-8", to: "TCVN5712-1"), ours, plan.name)
        }
    }

    func testVNIPlansRoundTripExactly() throws {
        for plan in try EncodingTestSupport.seedPlans() {
            let text = TextNormalizer.normalize(plan.text)
            let encoded = LegacyEncoder.encode(text, as: .vni)
            XCTAssertEqual(encoded.unrepresentable, 0, plan.name)
            let decoded = try SourceDecoder.decode(encoded.bytes)
            XCTAssertEqual(decoded.encoding, .vni, plan.name)
            XCTAssertEqual(decoded.text, text, plan.name)
        }
    }

    func testVNIUsesBaseLetterAndMarkByte() throws {
        // "Kế hoạch Được" in VNI-Windows is the Latin-1 text "Keá hoaïch Ñöôïc".
        let encoded = LegacyEncoder.encode("Kế hoạch Được", as: .vni).bytes
        XCTAssertEqual(String(decoding: encoded, as: Unicode.ASCII.self).count, encoded.count)
        XCTAssertEqual(encoded, [0x4B, 0x65, 0xE1, 0x20, 0x68, 0x6F, 0x61, 0xEF, 0x63, 0x68, 0x20, 0xD1, 0xF6, 0xF4, 0xEF, 0x63])
    }

    func testEveryVietnameseLetterRoundTripsInEachLegacyEncoding() throws {
        let letters = vietnameseLetters()
        XCTAssertEqual(letters.count, 134) // 67 lowercase + 67 capitals
        for encoding in [SourceEncoding.windows1258, .vni] {
            let encoded = LegacyEncoder.encode(letters.joined(separator: " "), as: encoding)
            XCTAssertEqual(encoded.unrepresentable, 0, encoding.label)
            let decoded = encoded.bytes.withUnsafeBufferPointer { LegacyDecoder.decode($0, as: encoding, baseOffset: 0).0 }
            XCTAssertEqual(TextNormalizer.normalize(decoded), letters.joined(separator: " "), encoding.label)
        }
        let lower = letters.filter { $0 == $0.lowercased() }
        let tcvn = LegacyEncoder.encode(lower.joined(), as: .tcvn3)
        XCTAssertEqual(tcvn.unrepresentable, 0)
        XCTAssertEqual(tcvn.bytes.count, 67)
        XCTAssertEqual(tcvn.bytes.withUnsafeBufferPointer { LegacyDecoder.decode($0, as: .tcvn3, baseOffset: 0).0 }, lower.joined())
    }

    func testFrenchAndEnglishLatin1StaysWindows1252() throws {
        let texts = [
            """
            Le comité régional a approuvé le règlement intérieur à l'unanimité. Après la réunion, \
            les élèves ont présenté leurs idées sur l'égalité des chances; le député était très ému. \
            « Où en sommes-nous ? » demanda la secrétaire générale, déjà fâchée par ce café brûlé. \
            Noël approche : la fête aura lieu près de l'église, même s'il pleut. Ça dépend du maïs.
            """,
            """
            The committee’s “final” report — naïve or not — was approved; the café’s façade was renovated \
            and the Zürich délégation’s résumé… was filed. Über-cautious, they paid €120 for the rôle.
            """,
            "Café crème, crêpe, à côté, où, garçon, élève, fenêtre, bientôt, hôtel, dîner.",
        ]
        for text in texts {
            let encoded = LegacyEncoder.encode(text, as: .windows1252)
            XCTAssertEqual(encoded.unrepresentable, 0)
            if let viaIconv = EncodingTestSupport.iconv(Array(text.utf8), from: "UTF-8", to: "CP1252") {
                XCTAssertEqual(encoded.bytes, viaIconv)
            }
            let decoded = try SourceDecoder.decode(encoded.bytes)
            XCTAssertEqual(decoded.encoding, .windows1252, String(text.prefix(30)))
            XCTAssertEqual(decoded.text, text)
        }
    }

    func testWindows1252IsChosenOverTCVN3EvenWhenSomeWordsReadAsVietnamese() throws {
        // "né" and "à" would read as Vietnamese in TCVN3 ("nộ", "à") but most words would not.
        let text = "Il est né à Paris; à l'été, il a été très occupé par le cinéma et la télé."
        let decoded = try SourceDecoder.decode(LegacyEncoder.encode(text, as: .windows1252).bytes)
        XCTAssertEqual(decoded.encoding, .windows1252)
        XCTAssertEqual(decoded.text, text)
    }

    func testDetectorPrefersTheEncodingThatReadsAsVietnamese() throws {
        let plan = try XCTUnwrap(EncodingTestSupport.seedPlans().first)
        let bytes = LegacyEncoder.encode(plan.text, as: .tcvn3).bytes
        let scores = bytes.withUnsafeBufferPointer { buffer in
            [SourceEncoding.tcvn3, .vni, .windows1258, .windows1252].map { encoding -> Int in
                let sample = UnsafeBufferPointer(rebasing: buffer.prefix(LegacyEncodingDetector.sampleSize))
                let score = LegacyEncodingDetector.score(LegacyDecoder.decode(sample, as: encoding, baseOffset: 0).0)
                XCTAssertGreaterThan(score.plausible + score.implausible, 0)
                return score.value
            }
        }
        XCTAssertGreaterThan(scores[0], 0)
        XCTAssertEqual(scores.max(), scores[0])
        XCTAssertLessThan(scores[3], 0, "the TCVN3 bytes read as Windows-1252 are not Vietnamese")
    }

    func testLabelsAndIdentifiers() throws {
        XCTAssertEqual(SourceEncoding.allCases.map(\.label), [
            "UTF-8", "UTF-8 (BOM)", "UTF-16 LE", "UTF-16 BE", "Windows-1258", "TCVN3 (ABC)", "VNI", "Windows-1252",
        ])
        let json = try JSONEncoder().encode([SourceEncoding.tcvn3, .utf16LE])
        XCTAssertEqual(String(decoding: json, as: UTF8.self), #"["tcvn3","utf-16le"]"#)
        XCTAssertEqual(try JSONDecoder().decode([SourceEncoding].self, from: json), [.tcvn3, .utf16LE])
        XCTAssertEqual(SourceEncoding.allCases.filter(\.isLegacy), [.windows1258, .tcvn3, .vni, .windows1252])
    }

    // MARK: - Helpers

    /// The 134 Vietnamese letters with a diacritic (precomposed, NFC), lowercase then capital.
    private func vietnameseLetters() -> [String] {
        let bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
        var lower: [String] = ["đ"]
        for base in bases {
            for tone in tones where !(tone.isEmpty && ["a", "e", "i", "o", "u", "y"].contains(base)) {
                lower.append((base + tone).precomposedStringWithCanonicalMapping)
            }
        }
        return lower + lower.map { $0.uppercased() }
    }
}
