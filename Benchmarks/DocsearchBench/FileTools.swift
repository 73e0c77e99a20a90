import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sizes, copies and scratch folders for the benchmarks.
enum FileTools {
    static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Bytes of all regular files below `path` (the way peers.py sizes an index).
    static func treeBytes(_ path: String) -> Int {
        regularFiles(below: path).reduce(0) { $0 + $1.size }
    }

    /// The *.txt files below `root`, sorted by path, with their sizes.
    static func textFiles(below root: String) -> [(path: String, size: Int)] {
        regularFiles(below: root).filter { $0.path.hasSuffix(".txt") }.sorted { $0.path < $1.path }
    }

    static func regularFiles(below root: String) -> [(path: String, size: Int)] {
        var out: [(String, Int)] = []
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        while let rel = walker.nextObject() as? String {
            let path = root + "/" + rel
            var st = stat()
            if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { out.append((path, Int(st.st_size))) }
        }
        return out
    }

    /// A fresh, empty scratch directory (removed first when it exists).
    static func freshDirectory(_ path: String) throws -> String {
        if exists(path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) {
        if exists(path) { try? FileManager.default.removeItem(atPath: path) }
    }

    static func append(_ text: String, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchError.badData(path: path, reason: "cannot open for appending")
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
