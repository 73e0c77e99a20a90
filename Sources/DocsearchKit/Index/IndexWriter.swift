import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Builds or updates the index of a set of paths: reads the files that are
/// new or changed, analyses them on every core into new segments, marks the
/// plans of removed or changed files deleted, merges when segments pile up,
/// and commits with one atomic rename of the manifest.
public final class IndexWriter {
    public struct Options {
        public var directory: String
        /// Files or folders; empty means the roots of the previous run, else "corpus".
        public var roots: [String]
        /// Ignore the existing index and build from scratch.
        public var rebuild = false
        public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        /// Bytes a worker holds in memory before it writes a segment.
        public var flushBytes = 192 << 20
        /// More segments than this are merged, the smallest first.
        public var maxSegments = 8
        /// A merge writes at most this many plans into one segment: merging is
        /// done in memory, so merging everything into one took memory in
        /// proportion to the whole index (1.8 GB at 100,000 plans).
        public var maxMergeDocuments = 30_000
        public var lockTimeout = 10.0
        /// Larger files are skipped, named with the reason. Analysing a file
        /// holds about 18 times its size in memory (its tokens), so one file of
        /// 64 MB takes the build to about 1.2 GB; real plans are 5–50 KB.
        public var maxFileSize = 64 << 20
        /// Called now and then with (files done, files to read).
        public var progress: (@Sendable (Int, Int) -> Void)? = nil

        public init(directory: String, roots: [String] = []) {
            self.directory = directory
            self.roots = roots
        }
    }

    public struct Summary: Sendable {
        public var files = 0
        public var plans = 0
        public var added = 0
        public var updated = 0
        public var removed = 0
        public var unchanged = 0
        /// Citations found in the files read by this run.
        public var citationsRead = 0
        public var segments = 0
        public var seconds = 0.0
        public var problems: [FileProblem] = []
        public var notes: [String] = []
        /// How many of the files read by this run were in each encoding ("UTF-8": 4, "TCVN3 (ABC)": 1).
        public var encodings: [String: Int] = [:]
    }

    public static let defaultRoot = "corpus"

    public static func run(_ options: Options) throws -> Summary {
        let started = DispatchTime.now().uptimeNanoseconds
        let dir = options.directory
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw IndexError.store(.cannotWrite(path: dir, errno: errno))
        }
        let lock = try FileLock(path: dir + "/LOCK", timeout: options.lockTimeout)
        defer { lock.unlock() }

        var summary = Summary()
        var previous: IndexManifest? = nil
        var readers: [SegmentReader] = []
        if !options.rebuild {
            do {
                previous = try IndexManifest.read(directory: dir)
                for s in previous?.segments ?? [] {
                    readers.append(try SegmentReader(path: dir + "/" + s.name, name: s.name))
                }
            } catch let e as StoreError {
                summary.notes.append("the previous index was unreadable (\(e)); building a new one")
                previous = nil
                readers = []
            }
        }
        let roots = !options.roots.isEmpty ? options.roots : (previous?.roots.isEmpty == false ? previous!.roots : [defaultRoot])

        var walker = FileWalker()
        for root in roots { try walker.add(root: root) }
        summary.problems = walker.problems
        let indexAbsolute = FileWalker.absolute(dir)
        let entries = walker.entries.filter { !$0.absolutePath.hasPrefix(indexAbsolute + "/") }
        summary.files = entries.count

        // What the index holds now, by path.
        var held: [String: Held] = [:]
        var deleted: [Set<UInt32>] = []
        for (i, r) in readers.enumerated() {
            let gone = Set(previous!.segments[i].deleted)
            deleted.append(gone)
            for (doc, print) in try r.fingerprints().enumerated() where !gone.contains(UInt32(doc)) {
                held[print.path] = Held(segment: i, doc: UInt32(doc), print: print)
            }
        }
        var toRead: [FileWalker.Entry] = []
        var seen = Set<String>()
        for e in entries where seen.insert(e.path).inserted {
            if let h = held[e.path], h.print.size == e.size, h.print.modified == e.modified {
                summary.unchanged += 1
            } else {
                toRead.append(e)
            }
        }
        for (path, h) in held where !seen.contains(path) {
            deleted[h.segment].insert(h.doc)
            summary.removed += 1
        }

        // The index now committed, even when rebuilding or when it was unreadable: new
        // segment files must never take (and truncate) a name it uses, and a failed run
        // must leave its files alone.
        let committed = (try? IndexManifest.read(directory: dir)) ?? nil
        let committedNames = Set(committed?.segments.map(\.name) ?? [])

        // Read and analyse in parallel, each worker into its own segments.
        let generation = max(previous?.generation ?? 0, committed?.generation ?? 0, highestGeneration(in: dir)) + 1
        let shared = SharedState(total: toRead.count, progress: options.progress)
        let workers = max(1, min(options.workers, toRead.count))
        var failure: Error? = nil
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let builder = Box(SegmentBuilder())
            func flush() throws {
                guard builder.value.documentCount > 0 else { return }
                let name = shared.nextSegmentName(generation: generation)
                try AtomicFile.writeDurably(builder.value.serialize(), to: dir + "/" + name)
                shared.addSegment(IndexManifest.Segment(name: name, documentCount: builder.value.documentCount))
                builder.value = SegmentBuilder()
            }
            do {
                while let i = shared.work.take() {
                    let e = toRead[i]
                    let outcome = read(entry: e, held: held[e.path], maxFileSize: options.maxFileSize,
                                       interner: builder.value.interner)
                    shared.record(outcome)
                    if case let .document(doc, _) = outcome {
                        builder.value.add(doc)
                        if builder.value.estimatedBytes > options.flushBytes / workers { try flush() }
                    }
                }
                try flush()
            } catch {
                shared.work.fail(error)
            }
        }
        failure = shared.work.failure
        if let failure {
            removeUnreferenced(directory: dir, keep: committedNames)
            throw failure
        }

        for o in shared.outcomes {
            switch o {
            case let .indexed(path, warnings):
                if let h = held[path] {
                    deleted[h.segment].insert(h.doc)
                    summary.updated += 1
                } else {
                    summary.added += 1
                }
                for w in warnings { summary.problems.append(FileProblem(path: path, reason: w, skipped: false)) }
            case .unchanged:
                summary.unchanged += 1
            case let .problem(p):
                summary.problems.append(p)
                if let h = held[p.path] { deleted[h.segment].insert(h.doc) }
            }
        }

        var segments: [IndexManifest.Segment] = []
        for (i, r) in readers.enumerated() where deleted[i].count < r.documentCount {
            segments.append(IndexManifest.Segment(name: previous!.segments[i].name, documentCount: r.documentCount,
                                                  deleted: deleted[i].sorted()))
        }
        segments += shared.segments.sorted { $0.name < $1.name }

        // Merge when segments pile up or many plans are deleted, a bounded group at a time.
        let groups = Self.mergeGroups(segments, maxSegments: options.maxSegments, maxDocuments: options.maxMergeDocuments)
        let merged: [IndexManifest.Segment]
        do {
            merged = try merge(groups, readers: readers, directory: dir, workers: max(1, options.workers),
                               name: { shared.nextSegmentName(generation: generation) })
        } catch {
            removeUnreferenced(directory: dir, keep: committedNames)
            throw error
        }
        for (group, segment) in zip(groups, merged) {
            let names = Set(group.map(\.name))
            let at = segments.firstIndex { names.contains($0.name) } ?? segments.count
            segments.removeAll { names.contains($0.name) }
            segments.insert(segment, at: min(at, segments.count))
        }

        let manifest = IndexManifest(generation: generation, created: UInt64(Date().timeIntervalSince1970 * 1e9),
                                     roots: roots, segments: segments)
        do {
            try manifest.write(directory: dir)
        } catch {
            removeUnreferenced(directory: dir, keep: committedNames)
            throw error
        }
        removeUnreferenced(directory: dir, keep: Set(segments.map(\.name)))

        summary.plans = segments.reduce(0) { $0 + $1.liveCount }
        summary.segments = segments.count
        summary.citationsRead = shared.citationCount
        summary.encodings = shared.encodings
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return summary
    }

    /// Merges each group of segments into one new segment file, named by
    /// `name` in the groups' order, on up to `workers` cores at once (groups
    /// share no segment); returns the new segments in the groups' order.
    /// Merged one after another, the groups of a 100,000-plan build kept one
    /// core busy for its last 12 s while the other waited (7 s now). The first failure
    /// is thrown once every merge under way has ended.
    static func merge(_ groups: [[IndexManifest.Segment]], readers: [SegmentReader], directory dir: String,
                      workers: Int, name: () -> String) throws -> [IndexManifest.Segment] {
        let names = groups.map { _ in name() }
        let merged = NumberedResults<IndexManifest.Segment>(count: groups.count)
        try WorkQueue.perform(count: groups.count, threads: workers) { g in
            var inputs: [SegmentMerger.Input] = []
            for s in groups[g] {
                let r = try readers.first { $0.name == s.name } ?? SegmentReader(path: dir + "/" + s.name, name: s.name)
                inputs.append(SegmentMerger.Input(reader: r, deleted: Set(s.deleted)))
            }
            let segment = try SegmentMerger.merge(inputs)
            try AtomicFile.writeDurably(segment.bytes, to: dir + "/" + names[g])
            merged.set(g, IndexManifest.Segment(name: names[g], documentCount: segment.documentCount))
        }
        return merged.values.map { $0! }
    }

    /// Which segments to merge, each group into one: while there are more than
    /// `maxSegments`, the smallest that together hold at most `maxDocuments`
    /// live plans (at least two); then, when a quarter of all plans are
    /// deleted, each segment with a quarter of its plans deleted is rewritten
    /// without them. Groups never share a segment.
    static func mergeGroups(_ segments: [IndexManifest.Segment], maxSegments: Int,
                            maxDocuments: Int) -> [[IndexManifest.Segment]] {
        var groups: [[IndexManifest.Segment]] = []
        var remaining = segments.sorted { ($0.liveCount, $0.name) < ($1.liveCount, $1.name) }
        var count = segments.count
        while count > maxSegments {
            var group: [IndexManifest.Segment] = []
            var live = 0
            // The smallest first, as many as fit (bringing the count down to the
            // limit is enough); when even the two smallest do not fit, the
            // index keeps more segments rather than merge beyond the bound.
            while let next = remaining.first, group.count < count - maxSegments + 1,
                  live + next.liveCount <= maxDocuments {
                group.append(next)
                live += next.liveCount
                remaining.removeFirst()
            }
            guard group.count >= 2 else { break }
            groups.append(group)
            count -= group.count - 1
        }
        let deletedTotal = segments.reduce(0) { $0 + $1.deleted.count }
        let docTotal = segments.reduce(0) { $0 + $1.documentCount }
        if docTotal > 0 && deletedTotal * 4 > docTotal {
            for s in remaining where s.deleted.count * 4 > s.documentCount { groups.append([s]) }
        }
        return groups
    }

    struct Held { var segment: Int; var doc: UInt32; var print: FileFingerprint }

    /// What became of one file, as a worker sees it.
    enum Outcome {
        case document(PlanDocument, [String])
        case unchanged
        case problem(FileProblem)
    }

    /// What became of one file, as the summary counts it.
    enum Recorded {
        case indexed(path: String, warnings: [String])
        case unchanged
        case problem(FileProblem)
    }

    /// Reads and analyses one file, its words' forms numbered by `interner`
    /// (the worker's `SegmentBuilder`'s).
    private static func read(entry e: FileWalker.Entry, held: Held?, maxFileSize: Int, interner: TokenInterner) -> Outcome {
        let bytes: [UInt8]
        do {
            // At most one byte past the limit is read, though the file grew since the walk.
            guard e.size <= UInt64(maxFileSize) else { return .problem(tooLarge(e.path, size: e.size, limit: maxFileSize)) }
            bytes = try readFile(e.absolutePath, limit: maxFileSize + 1)
            guard bytes.count <= maxFileSize else { return .problem(tooLarge(e.path, size: UInt64(bytes.count), limit: maxFileSize)) }
        } catch let error as StoreError {
            if case let .cannotOpen(_, code) = error, code == ENOENT {
                return .problem(FileProblem(path: e.path, reason: "the file disappeared while indexing"))
            }
            return .problem(FileProblem(path: e.path, reason: error.description.replacingOccurrences(of: e.absolutePath + ": ", with: "")))
        } catch {
            return .problem(FileProblem(path: e.path, reason: "\(error)"))
        }
        let print = FileFingerprint(path: e.path, size: UInt64(bytes.count), modified: e.modified, contentHash: Checksum.of(bytes))
        if let held, held.print.contentHash == print.contentHash, held.print.size == print.size {
            return .unchanged
        }
        do {
            let (doc, warnings) = try PlanDocument.analyze(bytes: bytes, path: e.path, absolutePath: e.absolutePath,
                                                           fingerprint: print, interner: interner)
            return .document(doc, warnings)
        } catch let r as PlanDocument.Rejection {
            return .problem(FileProblem(path: e.path, reason: r.reason))
        } catch {
            return .problem(FileProblem(path: e.path, reason: "\(error)"))
        }
    }

    static func tooLarge(_ path: String, size: UInt64, limit: Int) -> FileProblem {
        FileProblem(path: path, reason: "file too large: \(ByteSize(size)) (the limit is \(ByteSize(limit)); "
                        + "docsearch index --max-file-size MB raises it)")
    }

    /// Reads a whole file, or its first `limit` bytes, with read(2), so that errors carry errno.
    static func readFile(_ path: String, limit: Int = .max) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.cannotOpen(path: path, errno: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw StoreError.cannotOpen(path: path, errno: errno) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw StoreError.cannotOpen(path: path, errno: EISDIR) }
        /// read(2) of at most `n` bytes, again when interrupted; 0 at the end of the file.
        func readSome(_ p: UnsafeMutableRawPointer, _ n: Int) throws -> Int {
            while true {
                let got = Glibc.read(fd, p, n)
                if got >= 0 { return got }
                if errno != EINTR { throw StoreError.cannotOpen(path: path, errno: errno) }
            }
        }
        // Read straight into the array, the size fstat gives and one byte
        // more (a file grown since goes on below), not through a zeroed
        // chunk copied over: zeroing the chunks was 131 M of the 2,000 plans'
        // 8.1 G instructions (callgrind, which counts each byte stored).
        let first = min(Int(st.st_size) + 1, limit)
        var out = try [UInt8](unsafeUninitializedCapacity: first) { buffer, count in
            while count < first {
                let n = try readSome(buffer.baseAddress! + count, first - count)
                if n == 0 { break }
                count += n
            }
        }
        guard out.count == first else { return out }
        // The file grew since fstat: the rest, a chunk at a time, up to the limit.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while out.count < limit {
            let wanted = min(chunk.count, limit - out.count)
            let n = try chunk.withUnsafeMutableBytes { try readSome($0.baseAddress!, wanted) }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// The largest generation in the segment file names in `directory` ("seg-000042-0003.dseg" → 42), 0 if none.
    static func highestGeneration(in directory: String) -> UInt64 {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return 0 }
        var highest: UInt64 = 0
        for name in names where name.hasPrefix("seg-") && name.hasSuffix(".dseg") {
            let digits = name.dropFirst(4).prefix { $0.isASCII && $0.isNumber }
            if let g = UInt64(digits) { highest = max(highest, g) }
        }
        return highest
    }

    /// Deletes segment files and temporaries that no manifest names.
    static func removeUnreferenced(directory: String, keep: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where (name.hasSuffix(".dseg") && !keep.contains(name)) || name.contains(".tmp-") {
            unlink(directory + "/" + name)
        }
    }

    final class Box<T> { var value: T; init(_ v: T) { value = v } }

    final class SharedState: @unchecked Sendable {
        private let lock = NSLock()
        private var done = 0
        private var segmentCounter = 0
        let total: Int
        let progress: (@Sendable (Int, Int) -> Void)?
        private(set) var outcomes: [Recorded] = []
        private(set) var segments: [IndexManifest.Segment] = []
        /// Hands out the files to read, and keeps the first failure.
        let work: WorkQueue
        private(set) var citationCount = 0
        private(set) var encodings: [String: Int] = [:]

        init(total: Int, progress: (@Sendable (Int, Int) -> Void)?) {
            self.total = total
            self.progress = progress
            work = WorkQueue(count: total)
        }

        func record(_ o: Outcome) {
            lock.lock()
            switch o {
            case let .document(doc, warnings):
                citationCount += doc.record.citations.count
                encodings[doc.record.encoding, default: 0] += 1
                outcomes.append(.indexed(path: doc.record.path, warnings: warnings))
            case .unchanged:
                outcomes.append(.unchanged)
            case let .problem(p):
                outcomes.append(.problem(p))
            }
            done += 1
            let d = done
            lock.unlock()
            if let progress, d % 64 == 0 || d == total { progress(d, total) }
        }

        func nextSegmentName(generation: UInt64) -> String {
            lock.lock(); defer { lock.unlock() }
            segmentCounter += 1
            return String(format: "seg-%06llu-%04d.dseg", generation, segmentCounter)
        }

        func addSegment(_ s: IndexManifest.Segment) {
            lock.lock(); segments.append(s); lock.unlock()
        }
    }
}
