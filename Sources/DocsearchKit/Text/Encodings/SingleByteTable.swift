/// A single-byte encoding as a 256-entry table of Unicode scalar values.
/// Bytes 0x00-0x7F are ASCII in every table here; a byte the encoding leaves
/// undefined maps to U+FFFD.
struct SingleByteTable: Sendable {
    static let undefined: UInt32 = 0xFFFD

    let scalars: [UInt32]

    subscript(byte: UInt8) -> UInt32 { scalars[Int(byte)] }

    /// ASCII below 0x80, `upper` (exactly 128 values, 0 = undefined) from 0x80.
    init(upper: [UInt32]) {
        precondition(upper.count == 128, "a single-byte table has 128 upper entries")
        scalars = (0..<128).map { UInt32($0) } + upper.map { $0 == 0 ? Self.undefined : $0 }
    }

    /// This table with some bytes redefined.
    func overriding(_ changes: [UInt8: UInt32]) -> SingleByteTable {
        var upper = Array(scalars[128...])
        for (byte, scalar) in changes where byte >= 0x80 { upper[Int(byte) - 128] = scalar }
        return SingleByteTable(upper: upper)
    }
}

extension SingleByteTable {
    /// Windows-1252: ISO 8859-1 with printable characters in 0x80-0x9F
    /// (0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined).
    static let windows1252: SingleByteTable = {
        let c1: [UInt32] = [
            0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80-87
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, // 88-8F
            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90-97
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178, // 98-9F
        ]
        return SingleByteTable(upper: c1 + (0xA0...0xFF).map { UInt32($0) })
    }()

    /// Windows-1258: Windows-1252 with Vietnamese letters Ă Đ Ơ Ư (and
    /// lowercase), the đồng sign, and the five tone marks as combining
    /// characters in place of rarely used Latin-1 letters.
    static let windows1258: SingleByteTable = windows1252.overriding([
        0x8A: 0, 0x8E: 0, 0x9A: 0, 0x9E: 0, // no Š Ž š ž
        0xC3: 0x0102, // Ă
        0xCC: 0x0300, // combining grave (dấu huyền)
        0xD0: 0x0110, // Đ
        0xD2: 0x0309, // combining hook above (dấu hỏi)
        0xD5: 0x01A0, // Ơ
        0xDD: 0x01AF, // Ư
        0xDE: 0x0303, // combining tilde (dấu ngã)
        0xE3: 0x0103, // ă
        0xEC: 0x0301, // combining acute (dấu sắc)
        0xF0: 0x0111, // đ
        0xF2: 0x0323, // combining dot below (dấu nặng)
        0xF5: 0x01A1, // ơ
        0xFD: 0x01B0, // ư
        0xFE: 0x20AB, // ₫
    ])

    /// The bytes TCVN 5712:1993 VN3 (TCVN3, "ABC") defines above ASCII: NBSP,
    /// seven capitals without tone (Ă Â Ê Ô Ơ Ư Đ) and all 67 lowercase
    /// Vietnamese letters. Capitals with tones have no code: .VnTime fonts'
    /// "H" twins (.VnTimeH) draw the lowercase codes as capitals.
    static let tcvn3Assignments: [UInt8: UInt32] = [
        0xA0: 0x00A0,
        0xA1: 0x0102, 0xA2: 0x00C2, 0xA3: 0x00CA, 0xA4: 0x00D4, 0xA5: 0x01A0, 0xA6: 0x01AF, 0xA7: 0x0110, // Ă Â Ê Ô Ơ Ư Đ
        0xA8: 0x0103, 0xA9: 0x00E2, 0xAA: 0x00EA, 0xAB: 0x00F4, 0xAC: 0x01A1, 0xAD: 0x01B0, 0xAE: 0x0111, // ă â ê ô ơ ư đ
        0xB5: 0x00E0, 0xB6: 0x1EA3, 0xB7: 0x00E3, 0xB8: 0x00E1, 0xB9: 0x1EA1, // à ả ã á ạ
        0xBB: 0x1EB1, 0xBC: 0x1EB3, 0xBD: 0x1EB5, 0xBE: 0x1EAF, 0xC6: 0x1EB7, // ằ ẳ ẵ ắ ặ
        0xC7: 0x1EA7, 0xC8: 0x1EA9, 0xC9: 0x1EAB, 0xCA: 0x1EA5, 0xCB: 0x1EAD, // ầ ẩ ẫ ấ ậ
        0xCC: 0x00E8, 0xCE: 0x1EBB, 0xCF: 0x1EBD, 0xD0: 0x00E9, 0xD1: 0x1EB9, // è ẻ ẽ é ẹ
        0xD2: 0x1EC1, 0xD3: 0x1EC3, 0xD4: 0x1EC5, 0xD5: 0x1EBF, 0xD6: 0x1EC7, // ề ể ễ ế ệ
        0xD7: 0x00EC, 0xD8: 0x1EC9, 0xDC: 0x0129, 0xDD: 0x00ED, 0xDE: 0x1ECB, // ì ỉ ĩ í ị
        0xDF: 0x00F2, 0xE1: 0x1ECF, 0xE2: 0x00F5, 0xE3: 0x00F3, 0xE4: 0x1ECD, // ò ỏ õ ó ọ
        0xE5: 0x1ED3, 0xE6: 0x1ED5, 0xE7: 0x1ED7, 0xE8: 0x1ED1, 0xE9: 0x1ED9, // ồ ổ ỗ ố ộ
        0xEA: 0x1EDD, 0xEB: 0x1EDF, 0xEC: 0x1EE1, 0xED: 0x1EDB, 0xEE: 0x1EE3, // ờ ở ỡ ớ ợ
        0xEF: 0x00F9, 0xF1: 0x1EE7, 0xF2: 0x0169, 0xF3: 0x00FA, 0xF4: 0x1EE5, // ù ủ ũ ú ụ
        0xF5: 0x1EEB, 0xF6: 0x1EED, 0xF7: 0x1EEF, 0xF8: 0x1EE9, 0xF9: 0x1EF1, // ừ ử ữ ứ ự
        0xFA: 0x1EF3, 0xFB: 0x1EF7, 0xFC: 0x1EF9, 0xFD: 0x00FD, 0xFE: 0x1EF5, // ỳ ỷ ỹ ý ỵ
    ]

    /// TCVN3 as read here: the VN3 assignments, and for the bytes VN3 leaves
    /// unassigned the Windows-1252 character, which is what the .VnTime
    /// Windows fonts (and Word documents typed in them) put there: “quotes”,
    /// dashes, ellipsis, degree sign.
    static let tcvn3: SingleByteTable = {
        var upper = Array(windows1252.scalars[128...])
        for (byte, scalar) in tcvn3Assignments { upper[Int(byte) - 128] = scalar }
        return SingleByteTable(upper: upper)
    }()
}
