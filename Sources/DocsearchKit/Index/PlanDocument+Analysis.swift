import Foundation

extension PlanDocument {
    /// Why a file could not become a plan.
    public struct Rejection: Error, Sendable { public var reason: String }

    /// The file's text, NFC, with the encoding it was read in and any warnings.
    public static func decode(_ bytes: [UInt8]) throws -> (text: String, encoding: String, warnings: [String]) {
        guard !bytes.isEmpty else { throw Rejection(reason: "empty file") }
        var warnings: [String] = []
        var nul = 0
        for b in bytes.prefix(8192) where b == 0 { nul += 1 }
        if nul > 0 { throw Rejection(reason: "binary file (NUL bytes)") }
        if String(validatingUTF8: bytes.map { CChar(bitPattern: $0) } + [0]) == nil {
            warnings.append("invalid UTF-8; invalid bytes replaced")
        }
        return (TextNormalizer.normalize(utf8: bytes), "UTF-8", warnings)
    }

    /// Decodes, normalises and analyses one file's bytes.
    public static func analyze(bytes: [UInt8], path: String, absolutePath: String,
                               fingerprint: FileFingerprint) throws -> (PlanDocument, [String]) {
        let (text, encoding, warnings) = try decode(bytes)
        let title = text.split(separator: "\n").first.map { String($0) } ?? ""
        let record = PlanRecord(id: PlanRecord.id(forPath: path), path: path, absolutePath: absolutePath,
                                encoding: encoding, warnings: warnings, title: title)
        return (PlanDocument(record: record, fingerprint: fingerprint, text: text, title: title,
                             keywords: [], facets: [:]), warnings)
    }
}
