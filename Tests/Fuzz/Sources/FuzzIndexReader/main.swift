import DocsearchKit
import FuzzSupport
import Foundation

/// Mutated index bytes through every reader of the index. The first byte
/// picks the reader; the rest is a file payload, wrapped in a valid container
/// (magic, version, checksum) so that the fuzzer reaches the payload parsers
/// instead of stopping at the checksum:
///
/// - 0: a segment payload, opened with `SegmentReader`, every record, term,
///      postings cursor (with positions and skipping) and facet column read;
/// - 1: a manifest payload, decoded, then opened as an `IndexSnapshot`
///      beside a real segment;
/// - 2: a compressed record block through `BlockCompressor.decompress`, alone
///      and against a dictionary cut from its start (byte 1 says how long);
/// - 3: raw postings through `PostingsCursor`, doc frequency from byte 1,
///      walked posting by posting and again decoded a block at a time.
///
/// Seeds (Benchmarks/robustness/fuzz.sh) are the payloads of a real index of
/// the seed plans. Errors thrown are fine; traps and sanitizer reports are bugs.
let scratch: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
    let dir = base + "docsearch-fuzz-index-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}()

func wrap(_ payload: ArraySlice<UInt8>, magic: String, version: UInt16) -> [UInt8] {
    ContainerFile.encode(magic: magic, version: version, payload: Array(payload))
}

func readSegment(_ path: String, name: String) throws {
    let reader = try SegmentReader(path: path, name: name)
    for doc in 0..<min(reader.documentCount, 64) {
        _ = try? reader.record(doc)
        _ = reader.bodyLength(doc)
        _ = reader.titleLength(doc)
    }
    _ = try? reader.fingerprints()
    _ = try? reader.facetColumns()
    let all = reader.terms(withPrefix: [])
    var visited = 0
    for t in all {
        visited += 1
        if visited > 256 { break }
        let key = reader.termKey(t)
        _ = reader.find(key)
        let info = reader.info(t)
        guard var cursor = try? reader.cursor(info, positions: info.positionsOffset != nil) else { continue }
        var steps = 0
        while steps < 10_000, (try? cursor.next()) == true {
            steps += 1
            if info.positionsOffset != nil { _ = try? cursor.positions() }
        }
        if var skipping = try? reader.cursor(info, positions: false) {
            _ = try? skipping.advance(to: 5)
            _ = try? skipping.advance(to: 1_000)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIndexReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    guard let mode = bytes.first else { return 0 }
    let rest = bytes.dropFirst()
    switch mode % 4 {
    case 0:
        let path = scratch + "/seg-000001-0001.dseg"
        try? AtomicFile.writeDurably(wrap(rest, magic: SegmentWriter.magic, version: SegmentWriter.version), to: path)
        try? readSegment(path, name: "seg-000001-0001.dseg")
    case 1:
        let encoded = wrap(rest, magic: IndexManifest.magic, version: IndexManifest.version)
        let decoded = encoded.withUnsafeBytes { try? IndexManifest.decode($0, path: "MANIFEST") }
        if decoded != nil {
            let path = scratch + "/" + IndexManifest.fileName
            try? AtomicFile.writeDurably(encoded, to: path)
            if let snapshot = try? IndexSnapshot.open(directory: scratch) {
                snapshot.forEachLiveDocument { s, d in _ = try? snapshot.record(segment: s, doc: d) }
            }
        }
    case 2:
        _ = Array(rest).withUnsafeBytes { try? BlockCompressor.decompress($0, path: "block") }
        let cut = min(rest.count, Int(rest.first ?? 0) * 16)
        let dictionary = Array(rest.prefix(cut)), block = Array(rest.dropFirst(cut))
        _ = block.withUnsafeBytes { b in dictionary.withUnsafeBytes { try? BlockCompressor.decompress(b, dictionary: $0, path: "block") } }
    default:
        guard let df = rest.first else { return 0 }
        let post = Array(rest.dropFirst())
        post.withUnsafeBytes { raw in
            let reader = ByteReader(raw, path: "postings")
            guard var cursor = try? PostingsCursor(post: reader, pos: reader, docFreq: Int(df) * 3) else { return }
            var steps = 0
            while steps < 10_000, (try? cursor.next()) == true {
                steps += 1
                _ = try? cursor.positions()
            }
            // Decoded a block at a time (bit-packed blocks unpacked whole), with
            // jumps of every length and the positions of some plans.
            guard var blocks = try? PostingsCursor(post: reader, pos: reader, docFreq: Int(df) * 3) else { return }
            let storage = PostingsBlockBuffer()
            blocks.decodeBlocks(into: storage)
            var target: UInt32 = 0
            for (i, b) in post.prefix(512).enumerated() {
                target &+= UInt32(b) << UInt32(i % 3 * 4)
                guard (try? blocks.advance(to: target)) == true else { break }
                if b & 1 == 0 { _ = try? blocks.positions() }
            }
        }
    }
    return 0
}

runFuzzer { data, size in fuzzIndexReader(data, size) }
