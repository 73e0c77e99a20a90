import Foundation

/// The input boundary: bytes of a file or a query become NFC text, once.
///
/// After it: no BOM, line ends are "\n", NBSP and other odd spaces are plain
/// spaces, zero-width characters and soft hyphens are gone.
public enum TextNormalizer {
    /// NFC form of `s` with spaces and line ends unified.
    public static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0xFEFF, 0x200B, 0x200C, 0x200D, 0x00AD, 0x2060:
                continue
            case 0x000D:
                out.append("\n")
                previousCR = true
                continue
            case 0x000A:
                if previousCR { previousCR = false; continue }
                out.append(scalar)
            case 0x00A0, 0x2007, 0x202F, 0x2000...0x200A, 0x3000:
                out.append(" ")
            default:
                out.append(scalar)
            }
            previousCR = false
        }
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// Decodes UTF-8 bytes (with or without a BOM) and normalises them. Invalid
    /// sequences become U+FFFD.
    public static func normalize(utf8 bytes: [UInt8]) -> String {
        normalize(String(decoding: bytes, as: UTF8.self))
    }
}
