import DocsearchKit
import FuzzSupport

/// Arbitrary bytes into the HTTP request parser, fed in pieces whose sizes
/// come from the first byte, so that split points are fuzzed too. Checks that
/// the buffer never holds more than the limits allow and that no header
/// value holds CR or LF.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    guard let first = bytes.first else { return 0 }
    let step = Int(first % 64) + 1
    var limits = HTTPLimits()
    limits.maxRequestLineBytes = 512
    limits.maxHeaderBytes = 2048
    var parser = HTTPRequestParser(limits: limits)
    var i = 1
    var requests = 0
    while i < bytes.count {
        let end = min(bytes.count, i + step)
        parser.append(bytes[i..<end])
        i = end
        loop: while true {
            switch parser.next() {
            case let .request(request):
                requests += 1
                for (name, value) in request.headers {
                    if name.contains("\r") || name.contains("\n") || value.contains("\r") || value.contains("\n") {
                        fatalError("CR or LF inside a parsed header")
                    }
                }
                _ = request.queryItems
                _ = request.path
            case .needMoreData:
                break loop
            case .failure:
                return 0
            }
        }
        if parser.bufferedByteCount > limits.maxRequestLineBytes + limits.maxHeaderBytes + 4096 {
            fatalError("parser buffers \(parser.bufferedByteCount) bytes past its limits")
        }
    }
    return 0
}

runFuzzer { data, size in fuzzHTTPParser(data, size) }
