#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a crash at any moment leaves either the old content or
/// the new one: write to a temporary name, fsync, rename over the target,
/// fsync the directory.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let tmp = path + ".tmp-\(getpid())"
        try writeDurably(bytes, to: tmp)
        guard rename(tmp, path) == 0 else {
            let e = errno
            unlink(tmp)
            throw StoreError.cannotWrite(path: path, errno: e)
        }
        syncDirectory(of: path)
    }

    /// Writes and fsyncs a new file (fails if it exists).
    public static func writeDurably(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.cannotWrite(path: path, errno: errno) }
        var ok = true
        var err: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false; err = errno; return
                }
                done += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false; err = errno }
        close(fd)
        if !ok {
            unlink(path)
            throw StoreError.cannotWrite(path: path, errno: err)
        }
    }

    public static func syncDirectory(of path: String) {
        let dir: String
        if let slash = path.lastIndex(of: "/") { dir = String(path[..<slash]).isEmpty ? "/" : String(path[..<slash]) } else { dir = "." }
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }
}
