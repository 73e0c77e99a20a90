import Foundation

/// Named sections of a file with a checksum for every 64 KiB chunk, so a
/// reader verifies exactly the bytes it uses, when it first uses them: opening
/// a large index costs nothing, and a damaged byte is still never trusted.
///
/// Byte grammar (little-endian; inside a `ContainerFile` payload):
///
///     sections  := metaSum:u64 meta body
///     meta      := sectionCount:u32 (tag[4] offset:u64 length:u64 firstChunk:u32){sectionCount}
///                  chunkCount:u32 chunkSum:u64{chunkCount}
///     body      := the sections' bytes; `offset` counts from the start of `sections`
///
/// `metaSum` is `Checksum.of(meta)`. Section k's bytes are cut into chunks of
/// `chunkSize` bytes (the last one shorter); chunk j of section k has its sum
/// at index firstChunk(k) + j.
public enum ChunkedSections {
    public static let chunkSize = 1 << 16

    public static func encode(_ sections: [(tag: String, bytes: [UInt8])]) -> [UInt8] {
        var sums: [UInt64] = []
        var firstChunks: [Int] = []
        for (_, bytes) in sections {
            firstChunks.append(sums.count)
            bytes.withUnsafeBytes { raw in
                var start = 0
                while start < raw.count {
                    let end = min(raw.count, start + chunkSize)
                    sums.append(Checksum.of(UnsafeRawBufferPointer(rebasing: raw[start..<end])))
                    start = end
                }
            }
        }
        var meta = ByteWriter()
        meta.u32(UInt32(sections.count))
        let metaSize = 4 + sections.count * 24 + 4 + sums.count * 8
        var offset = 8 + metaSize
        for (i, (tag, bytes)) in sections.enumerated() {
            meta.append(Array(tag.utf8.prefix(4)))
            meta.u64(UInt64(offset))
            meta.u64(UInt64(bytes.count))
            meta.u32(UInt32(firstChunks[i]))
            offset += bytes.count
        }
        meta.u32(UInt32(sums.count))
        for s in sums { meta.u64(s) }
        var out = ByteWriter(capacity: offset)
        out.u64(Checksum.of(meta.bytes))
        out.append(meta.bytes)
        for (_, bytes) in sections { out.append(bytes) }
        return out.bytes
    }
}

/// A reader's view of `ChunkedSections`: the sections by tag, and which
/// chunks have been verified. Thread-safe.
public final class ChunkedSectionsReader: @unchecked Sendable {
    public struct Section {
        public let reader: ByteReader
        let index: Int
        let firstChunk: Int
    }

    public let path: String
    private let sums: UnsafeRawBufferPointer
    private var verified: [Bool]
    private let lock = NSLock()
    public private(set) var sections: [String: Section] = [:]
    private var order: [Section] = []

    public init(_ payload: UnsafeRawBufferPointer, path: String) throws {
        self.path = path
        var r = ByteReader(payload, path: path)
        let metaSum = try r.u64()
        let metaStart = r.offset
        let count = Int(try r.u32())
        guard count <= 64, count * 24 <= r.remaining else { throw StoreError.corrupt(path: path, reason: "\(count) sections") }
        var entries: [(String, UInt64, UInt64, Int)] = []
        for _ in 0..<count {
            let tag = String(decoding: try r.bytes(4), as: UTF8.self)
            entries.append((tag, try r.u64(), try r.u64(), Int(try r.u32())))
        }
        let chunkCount = Int(try r.u32())
        guard chunkCount <= r.remaining / 8 else { throw StoreError.corrupt(path: path, reason: "\(chunkCount) chunk sums") }
        sums = try r.bytes(chunkCount * 8)
        let meta = UnsafeRawBufferPointer(rebasing: payload[metaStart..<r.offset])
        guard Checksum.of(meta) == metaSum else { throw StoreError.checksumMismatch(path: path) }
        verified = [Bool](repeating: false, count: chunkCount)
        let root = ByteReader(payload, path: path)
        for (i, (tag, offset, length, first)) in entries.enumerated() {
            guard offset <= UInt64(payload.count), length <= UInt64(payload.count) - offset else {
                throw StoreError.corrupt(path: path, reason: "section \(tag) out of range")
            }
            let chunks = (Int(length) + ChunkedSections.chunkSize - 1) / ChunkedSections.chunkSize
            guard first >= 0, first + chunks <= chunkCount else { throw StoreError.corrupt(path: path, reason: "section \(tag) chunks") }
            let s = Section(reader: try root.slice(Int(offset), Int(length)), index: i, firstChunk: first)
            sections[tag] = s
            order.append(s)
        }
    }

    public func section(_ tag: String) throws -> Section {
        guard let s = sections[tag] else { throw StoreError.corrupt(path: path, reason: "missing section \(tag)") }
        return s
    }

    /// Checks the chunks of `section` that overlap `range` (byte offsets in
    /// the section), once each; throws `checksumMismatch` naming the file.
    public func verify(_ section: Section, _ range: Range<Int>) throws {
        let length = section.reader.base.count
        let lo = max(0, range.lowerBound), hi = min(length, range.upperBound)
        guard lo < hi else { return }
        let firstChunk = lo / ChunkedSections.chunkSize, lastChunk = (hi - 1) / ChunkedSections.chunkSize
        for c in firstChunk...lastChunk {
            let global = section.firstChunk + c
            lock.lock()
            let done = verified[global]
            lock.unlock()
            if done { continue }
            let start = c * ChunkedSections.chunkSize
            let end = min(length, start + ChunkedSections.chunkSize)
            let bytes = UnsafeRawBufferPointer(rebasing: section.reader.base[start..<end])
            let expected = UInt64(littleEndian: sums.loadUnaligned(fromByteOffset: global * 8, as: UInt64.self))
            guard Checksum.of(bytes) == expected else { throw StoreError.checksumMismatch(path: path) }
            lock.lock()
            verified[global] = true
            lock.unlock()
        }
    }

    /// Checks a whole section.
    public func verifyAll(_ section: Section) throws { try verify(section, 0..<section.reader.base.count) }

    /// Checks every section.
    public func verifyEverything() throws { for s in order { try verifyAll(s) } }
}
