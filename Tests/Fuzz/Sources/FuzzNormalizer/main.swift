import DocsearchKit
import FuzzSupport

/// Arbitrary bytes through the whole text path of indexing: encoding
/// detection and decoding, normalisation, analysis and folding. Checks that
/// normalising twice changes nothing and that every token's byte range lies
/// inside the normalised text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalizer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    guard let decoded = try? SourceDecoder.decode(bytes) else { return 0 }
    let text = TextNormalizer.normalize(decoded.text)
    let again = TextNormalizer.normalize(text)
    if again != text { fatalError("normalize is not idempotent") }
    let utf8Count = text.utf8.count
    for token in Analyzer().tokens(in: text) {
        if token.byteRange.lowerBound < 0 || token.byteRange.upperBound > utf8Count {
            fatalError("token byte range \(token.byteRange) outside \(utf8Count) bytes")
        }
        _ = Folding.fold(token.exact)
    }
    _ = Folding.fold(text)
    _ = Folding.exact(text)
    return 0
}

runFuzzer { data, size in fuzzNormalizer(data, size) }
