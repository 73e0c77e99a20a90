#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (flock) on a file, held until `unlock` or deinit.
/// The kernel drops it when the process dies, so a killed writer never leaves
/// a stale lock.
public final class FileLock {
    private var fd: Int32

    /// Waits up to `timeout` seconds for the lock, then throws `StoreError.locked`.
    public init(path: String, timeout: Double) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.cannotWrite(path: path, errno: errno) }
        var waited = 0.0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if waited >= timeout {
                close(fd); fd = -1
                throw StoreError.locked(path: path)
            }
            usleep(50_000)
            waited += 0.05
        }
    }

    public func unlock() {
        if fd >= 0 { flock(fd, LOCK_UN); close(fd); fd = -1 }
    }

    deinit { unlock() }
}
