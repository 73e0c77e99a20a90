#if canImport(Glibc)
import Glibc
#endif

/// Lists the regular files under the paths given to `index`, in a stable
/// order. Hidden entries (".git", ".docsearch") are passed over; symlinks are
/// followed, but a directory is never entered twice, so a symlink loop ends.
public struct FileWalker {
    public struct Entry: Sendable, Equatable {
        /// The path as given to `index`, joined with the names below it.
        public var path: String
        public var absolutePath: String
        public var size: UInt64
        public var modified: Int64
    }

    public private(set) var entries: [Entry] = []
    public private(set) var problems: [FileProblem] = []
    private var visited = Set<[UInt64]>()

    public init() {}

    public mutating func add(root: String) throws {
        var st = stat()
        guard stat(root, &st) == 0 else {
            if lstat(root, &st) == 0 {
                problems.append(FileProblem(path: root, reason: "broken symbolic link or loop"))
                return
            }
            throw IndexError.inputNotFound(path: root)
        }
        visit(path: root, absolute: Self.absolute(root), st: st)
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, buf.count) != nil else { return path }
        let cwd = String(cString: buf)
        var rel = path
        while rel.hasPrefix("./") { rel.removeFirst(2) }
        return rel == "." ? cwd : cwd + "/" + rel
    }

    private mutating func visit(path: String, absolute: String, st: stat) {
        let type = st.st_mode & S_IFMT
        if type == S_IFREG {
            let ns = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
            entries.append(Entry(path: path, absolutePath: absolute, size: UInt64(st.st_size), modified: ns))
            return
        }
        guard type == S_IFDIR else {
            problems.append(FileProblem(path: path, reason: "not a regular file"))
            return
        }
        let key = [UInt64(st.st_dev), UInt64(st.st_ino)]
        guard !visited.contains(key) else {
            problems.append(FileProblem(path: path, reason: "directory already visited (symbolic link loop)"))
            return
        }
        visited.insert(key)
        guard let dir = opendir(path) else {
            problems.append(FileProblem(path: path, reason: "cannot read directory: \(errnoText(errno))"))
            return
        }
        var names: [String] = []
        while let ent = readdir(dir) {
            let name = withUnsafePointer(to: ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(dir)
        for name in names.sorted() {
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            let childAbs = absolute.hasSuffix("/") ? absolute + name : absolute + "/" + name
            var cst = stat()
            if stat(child, &cst) != 0 {
                var lst = stat()
                if lstat(child, &lst) == 0 && (lst.st_mode & S_IFMT) == S_IFLNK {
                    problems.append(FileProblem(path: child, reason: "broken symbolic link or symbolic link loop"))
                } else {
                    problems.append(FileProblem(path: child, reason: "cannot read: \(errnoText(errno))"))
                }
                continue
            }
            visit(path: child, absolute: childAbs, st: cst)
        }
    }
}
