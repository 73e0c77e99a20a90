import DocsearchKit
import FuzzSupport
import Foundation

/// Arbitrary query text through the query parser and the search engine over
/// an index of the five seed plans (built once, in a temporary folder). Any
/// answer or thrown error is fine; a trap or a sanitizer report is a bug.
let engine: SearchEngine = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let dir = NSTemporaryDirectory() + "docsearch-fuzz-query-\(getpid())"
    do {
        var options = IndexWriter.Options(directory: dir, roots: [root.appendingPathComponent("corpus").path])
        options.workers = 1
        _ = try IndexWriter.run(options)
        return SearchEngine(snapshot: try IndexSnapshot.open(directory: dir))
    } catch {
        fatalError("cannot build the fuzzing index: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let text = String(decoding: bytes, as: UTF8.self)
    _ = QueryParser().parse(text)
    _ = try? engine.search(SearchRequest(query: text, limit: 5))
    return 0
}

runFuzzer { data, size in fuzzQuery(data, size) }
