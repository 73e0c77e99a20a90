/// VNI-Windows, the encoding of the VNI fonts (popular in the south): a
/// Vietnamese letter is an ASCII base letter followed by one mark byte that
/// carries its hat (â ê ô), breve (ă) and tone together, e.g. "ấ" = "a" +
/// 0xE1. A few letters are single bytes: ơ ư đ, i with a tone, and ỵ.
/// Capital marks are the capital Latin-1 letters of the lowercase ones.
/// Every other byte is its Windows-1252 character.
enum VNITable {
    /// Which base letters a mark byte may follow.
    enum Family: UInt8, Sendable {
        /// A tone only: after a e i o u y ơ ư.
        case tone
        /// Circumflex (mũ), with or without a tone: after a e o.
        case circumflex
        /// Breve (trăng), with or without a tone: after a.
        case breve
    }

    /// What a mark byte adds: combining characters, hat or breve first.
    struct Mark: Sendable {
        let family: Family
        let shape: UInt32 // 0, U+0302 or U+0306
        let tone: UInt32 // 0 or a combining tone mark
    }

    static let grave: UInt32 = 0x0300 // dấu huyền
    static let acute: UInt32 = 0x0301 // dấu sắc
    static let tilde: UInt32 = 0x0303 // dấu ngã
    static let hook: UInt32 = 0x0309 // dấu hỏi
    static let dotBelow: UInt32 = 0x0323 // dấu nặng
    static let circumflex: UInt32 = 0x0302
    static let breve: UInt32 = 0x0306
    static let horn: UInt32 = 0x031B

    /// The mark bytes, lowercase and capital forms.
    static let markAssignments: [(lower: UInt8, upper: UInt8, mark: Mark)] = [
        (0xF9, 0xD9, Mark(family: .tone, shape: 0, tone: acute)),
        (0xF8, 0xD8, Mark(family: .tone, shape: 0, tone: grave)),
        (0xFB, 0xDB, Mark(family: .tone, shape: 0, tone: hook)),
        (0xF5, 0xD5, Mark(family: .tone, shape: 0, tone: tilde)),
        (0xEF, 0xCF, Mark(family: .tone, shape: 0, tone: dotBelow)),
        (0xE2, 0xC2, Mark(family: .circumflex, shape: circumflex, tone: 0)),
        (0xE1, 0xC1, Mark(family: .circumflex, shape: circumflex, tone: acute)),
        (0xE0, 0xC0, Mark(family: .circumflex, shape: circumflex, tone: grave)),
        (0xE5, 0xC5, Mark(family: .circumflex, shape: circumflex, tone: hook)),
        (0xE3, 0xC3, Mark(family: .circumflex, shape: circumflex, tone: tilde)),
        (0xE4, 0xC4, Mark(family: .circumflex, shape: circumflex, tone: dotBelow)),
        (0xEA, 0xCA, Mark(family: .breve, shape: breve, tone: 0)),
        (0xE9, 0xC9, Mark(family: .breve, shape: breve, tone: acute)),
        (0xE8, 0xC8, Mark(family: .breve, shape: breve, tone: grave)),
        (0xFA, 0xDA, Mark(family: .breve, shape: breve, tone: hook)),
        (0xFC, 0xDC, Mark(family: .breve, shape: breve, tone: tilde)),
        (0xEB, 0xCB, Mark(family: .breve, shape: breve, tone: dotBelow)),
    ]

    /// The single-byte letters, lowercase and capital.
    static let letterAssignments: [(lower: UInt8, upper: UInt8, lowerScalar: UInt32, upperScalar: UInt32)] = [
        (0xF4, 0xD4, 0x01A1, 0x01A0), // ơ Ơ
        (0xF6, 0xD6, 0x01B0, 0x01AF), // ư Ư
        (0xF1, 0xD1, 0x0111, 0x0110), // đ Đ
        (0xED, 0xCD, 0x00ED, 0x00CD), // í Í
        (0xEC, 0xCC, 0x00EC, 0x00CC), // ì Ì
        (0xE6, 0xC6, 0x1EC9, 0x1EC8), // ỉ Ỉ
        (0xF3, 0xD3, 0x0129, 0x0128), // ĩ Ĩ
        (0xF2, 0xD2, 0x1ECB, 0x1ECA), // ị Ị
        (0xEE, 0xCE, 0x1EF5, 0x1EF4), // ỵ Ỵ
    ]

    /// A byte read on its own (not as a mark after a base letter).
    static let letters: SingleByteTable = {
        var changes: [UInt8: UInt32] = [:]
        for letter in letterAssignments {
            changes[letter.lower] = letter.lowerScalar
            changes[letter.upper] = letter.upperScalar
        }
        return SingleByteTable.windows1252.overriding(changes)
    }()

    /// Mark for each byte value, nil for bytes that are not marks.
    static let marks: [Mark?] = {
        var table = [Mark?](repeating: nil, count: 256)
        for entry in markAssignments {
            table[Int(entry.lower)] = entry.mark
            table[Int(entry.upper)] = entry.mark
        }
        return table
    }()

    /// The mark families that may follow `byte` as a base letter (bit set by `Family.rawValue`).
    static let baseFamilies: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        let tone: UInt8 = 1 << Family.tone.rawValue
        let hat: UInt8 = 1 << Family.circumflex.rawValue
        let breveBit: UInt8 = 1 << Family.breve.rawValue
        for letter in "aAeEoO".utf8 { table[Int(letter)] |= tone | hat }
        for letter in "aA".utf8 { table[Int(letter)] |= breveBit }
        for letter in "iIuUyY".utf8 { table[Int(letter)] |= tone }
        for letter in [0xF4, 0xD4, 0xF6, 0xD6] { table[letter] |= tone } // ơ Ơ ư Ư
        return table
    }()
}
