import Foundation
import Glibc

/// Holds the index the server answers from and swaps in the new one when
/// `docsearch index` commits.
///
/// `current()` returns the loaded index at once; at most every
/// `checkInterval` one caller also stats the MANIFEST (the commit point: a
/// writer renames it into place only once every segment it names is
/// written) and, when it changed, opens a new snapshot and swaps it in under
/// the lock. Requests already running keep the `LoadedIndex` they hold. A
/// failed open is logged once and the old index stays in service; the next
/// check tries again.
public final class IndexHolder: @unchecked Sendable {
    public let directory: String
    public let checkInterval: TimeInterval

    private let lock = NSLock()
    private var loaded: LoadedIndex
    private var lastCheck: UInt64
    private var checking = false
    private var seenStamp: ManifestStamp?
    private var lastFailure: String?
    private let log: @Sendable (String) -> Void

    public init(snapshot: IndexSnapshot, checkInterval: TimeInterval = 0.25,
                log: @escaping @Sendable (String) -> Void = IndexHolder.logToStandardError) {
        directory = snapshot.directory
        self.checkInterval = checkInterval
        self.log = log
        loaded = LoadedIndex(snapshot: snapshot)
        lastCheck = DispatchTime.now().uptimeNanoseconds
        seenStamp = ManifestStamp(directory: directory)
    }

    /// The index to answer a request from; checks for a newer one when the interval has passed.
    public func current() -> LoadedIndex {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.lock()
        let due = !checking && now &- lastCheck >= UInt64(checkInterval * 1e9)
        if due { checking = true; lastCheck = now }
        let index = loaded
        lock.unlock()
        guard due else { return index }
        defer { lock.lock(); checking = false; lock.unlock() }
        return reloadIfChanged()
    }

    /// Stats the manifest now and, when it changed, opens the new index and
    /// swaps it in. Returns the index in service afterwards.
    @discardableResult
    public func reloadIfChanged() -> LoadedIndex {
        let stamp = ManifestStamp(directory: directory)
        lock.lock()
        let unchanged = stamp == seenStamp
        let old = loaded
        lock.unlock()
        guard !unchanged, stamp != nil else { return old }
        do {
            let snapshot = try IndexSnapshot.open(directory: directory)
            let fresh = LoadedIndex(snapshot: snapshot)
            lock.lock()
            defer { lock.unlock() }
            seenStamp = stamp
            lastFailure = nil
            guard snapshot.manifest.generation != loaded.generation else { return loaded }
            loaded = fresh
            log("index reloaded: generation \(snapshot.manifest.generation), \(snapshot.documentCount) plans")
            return fresh
        } catch {
            let message = "\(error)"
            lock.lock()
            let repeated = message == lastFailure
            lastFailure = message
            lock.unlock()
            if !repeated { log("could not open the new index (still serving generation \(old.generation)): \(message)") }
            return old
        }
    }

    public static let logToStandardError: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data("docsearch: \(message)\n".utf8))
    }
}

/// What `stat` says of MANIFEST: a commit renames a new file into place, so
/// the inode (or the modification time or size) changes.
struct ManifestStamp: Equatable {
    var inode: UInt64
    var size: Int64
    var seconds: Int
    var nanoseconds: Int

    init?(directory: String) {
        var info = stat()
        guard stat(directory + "/" + IndexManifest.fileName, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
