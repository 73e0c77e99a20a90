import Foundation

/// The commit point of an index: which segment files make it up, which of
/// their plans are deleted, and which paths were indexed. A new index becomes
/// visible the instant its manifest is renamed into place.
///
/// Payload grammar (inside `ContainerFile`, magic "DMAN"):
///
///     payload  := generation:u64 created:u64 rootCount:u32 root:string{rootCount}
///                 segmentCount:u32 segment{segmentCount}
///     segment  := name:string documentCount:u32 deletedCount:u32 deletedDelta:varint{deletedCount}
///
/// `created` is nanoseconds since 1970; `deletedDelta` are the sorted local
/// doc ids of deleted plans, each as the difference from the previous one.
public struct IndexManifest: Sendable, Equatable {
    public static let magic = "DMAN"
    public static let version: UInt16 = 1
    public static let fileName = "MANIFEST"

    public struct Segment: Sendable, Equatable {
        public var name: String
        public var documentCount: Int
        public var deleted: [UInt32]

        public init(name: String, documentCount: Int, deleted: [UInt32] = []) {
            self.name = name; self.documentCount = documentCount; self.deleted = deleted
        }

        public var liveCount: Int { documentCount - deleted.count }
    }

    public var generation: UInt64
    public var created: UInt64
    public var roots: [String]
    public var segments: [Segment]

    public init(generation: UInt64, created: UInt64, roots: [String], segments: [Segment]) {
        self.generation = generation; self.created = created; self.roots = roots; self.segments = segments
    }

    public func encode() -> [UInt8] {
        var w = ByteWriter()
        w.u64(generation)
        w.u64(created)
        w.u32(UInt32(roots.count))
        for r in roots { w.string(r) }
        w.u32(UInt32(segments.count))
        for s in segments {
            w.string(s.name)
            w.u32(UInt32(s.documentCount))
            w.u32(UInt32(s.deleted.count))
            var last: UInt32 = 0
            for (i, d) in s.deleted.sorted().enumerated() {
                w.varint(i == 0 ? d : d - last)
                last = d
            }
        }
        return ContainerFile.encode(magic: Self.magic, version: Self.version, payload: w.bytes)
    }

    public static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws -> IndexManifest {
        let payload = try ContainerFile.payload(of: bytes, magic: magic, version: version, path: path)
        var r = ByteReader(payload, path: path)
        let generation = try r.u64()
        let created = try r.u64()
        let rootCount = Int(try r.u32())
        guard rootCount <= r.remaining else { throw StoreError.corrupt(path: path, reason: "root count") }
        var roots: [String] = []
        for _ in 0..<rootCount { roots.append(try r.string()) }
        let segmentCount = Int(try r.u32())
        guard segmentCount <= r.remaining else { throw StoreError.corrupt(path: path, reason: "segment count") }
        var segments: [Segment] = []
        for _ in 0..<segmentCount {
            let name = try r.string()
            guard !name.contains("/"), !name.hasPrefix(".") else { throw StoreError.corrupt(path: path, reason: "segment name \(name)") }
            let count = Int(try r.u32())
            let deletedCount = Int(try r.u32())
            // Each deleted doc takes at least one byte: a larger count is damage, not a reason to reserve gigabytes.
            guard deletedCount <= count, deletedCount <= r.remaining else { throw StoreError.corrupt(path: path, reason: "deleted count") }
            var deleted: [UInt32] = []
            deleted.reserveCapacity(deletedCount)
            var last: UInt32 = 0
            for i in 0..<deletedCount {
                let d = try r.varint32()
                let (v, o) = (i == 0 ? (d, false) : last.addingReportingOverflow(d))
                guard !o, Int(v) < count else { throw StoreError.corrupt(path: path, reason: "deleted doc out of range") }
                deleted.append(v)
                last = v
            }
            segments.append(Segment(name: name, documentCount: count, deleted: deleted))
        }
        return IndexManifest(generation: generation, created: created, roots: roots, segments: segments)
    }

    /// Reads `dir/MANIFEST`; nil when there is none.
    public static func read(directory: String) throws -> IndexManifest? {
        let path = directory + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let file = try MappedFile(path: path)
        return try decode(file.bytes, path: path)
    }

    /// Commits: the manifest replaces the previous one atomically.
    public func write(directory: String) throws {
        try AtomicFile.write(encode(), to: directory + "/" + Self.fileName)
    }
}
