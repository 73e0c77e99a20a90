import Foundation

/// A plan read and analysed, ready for a `SegmentBuilder`.
public struct PlanDocument: Sendable {
    public var record: PlanRecord
    public var fingerprint: FileFingerprint
    /// The whole NFC text (title included).
    public var text: String
    /// The tokens of `text`, as the extractors read them; the indexer indexes
    /// these rather than tokenise the text again.
    public var tokens: [Token]
    /// The numbers of the tokens' forms and the tag of the interner that
    /// numbered them (`AnalyzedText.formIDs`), when analysed with a builder's
    /// interner: the builder then finds their terms by number.
    var formIDs: [UInt32] = []
    var internerTag: UInt64 = 0
    public var title: String
    public var keywords: [(TermField, String)]
    public var facets: [String: [String]]
}

extension PlanRecord {
    /// The stable id of the plan at `path`: 12 hex digits of a hash of the path.
    public static func id(forPath path: String) -> String {
        let h = Checksum.of(Array(path.utf8))
        let hex = String(h, radix: 16)
        return String(String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12).description
    }
}
