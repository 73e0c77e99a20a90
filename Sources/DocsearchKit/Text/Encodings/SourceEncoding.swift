/// The character encoding a source file was found to be in (bảng mã).
///
/// The raw value is a stable identifier meant to be stored in the index; the
/// `label` is what `show` and the index summary print.
public enum SourceEncoding: String, Codable, Sendable, CaseIterable {
    /// UTF-8 without a byte order mark (also plain ASCII).
    case utf8 = "utf-8"
    /// UTF-8 that starts with the EF BB BF byte order mark.
    case utf8WithBOM = "utf-8-bom"
    /// UTF-16 little endian (FF FE mark, or recognised without one), as Word saves "Unicode text".
    case utf16LE = "utf-16le"
    /// UTF-16 big endian (FE FF mark, or recognised without one).
    case utf16BE = "utf-16be"
    /// Windows-1258 (CP1258): Vietnamese code page that writes most tone marks as combining characters.
    case windows1258 = "windows-1258"
    /// TCVN3, also TCVN 5712:1993 VN3 or "ABC" (.VnTime fonts): one byte per lowercase letter.
    case tcvn3 = "tcvn3"
    /// VNI (VNI-Windows fonts): a base letter followed by a mark byte.
    case vni = "vni"
    /// Windows-1252, the Latin-1 superset: French or English text with é, ü, “quotes”.
    case windows1252 = "windows-1252"

    /// The human name shown to users, e.g. "TCVN3 (ABC)".
    public var label: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf8WithBOM: return "UTF-8 (BOM)"
        case .utf16LE: return "UTF-16 LE"
        case .utf16BE: return "UTF-16 BE"
        case .windows1258: return "Windows-1258"
        case .tcvn3: return "TCVN3 (ABC)"
        case .vni: return "VNI"
        case .windows1252: return "Windows-1252"
        }
    }

    /// True for the 8-bit encodings chosen by guessing rather than by a
    /// mark or by validation; the text was converted from them.
    public var isLegacy: Bool {
        switch self {
        case .utf8, .utf8WithBOM, .utf16LE, .utf16BE: return false
        case .windows1258, .tcvn3, .vni, .windows1252: return true
        }
    }
}

extension SourceEncoding: CustomStringConvertible {
    public var description: String { label }
}
