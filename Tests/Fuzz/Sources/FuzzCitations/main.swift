import DocsearchKit
import FuzzSupport

/// Arbitrary text through the citation extractor, the query-side citation
/// parser and the plan identity extractor.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCitations(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let text = TextNormalizer.normalize(String(decoding: bytes, as: UTF8.self))
    for doc in CitationExtractor().citations(in: text) {
        _ = doc.key
        _ = doc.citation.symbol
    }
    _ = Citation.parseQuery(text)
    _ = Citation.parseReference(text)
    _ = PlanIdentityExtractor().identity(of: text)
    return 0
}

runFuzzer { data, size in fuzzCitations(data, size) }
