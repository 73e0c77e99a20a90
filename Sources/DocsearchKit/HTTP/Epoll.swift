import Glibc

/// A thin wrapper over Linux epoll.
///
/// Swift's Glibc module does not export <sys/epoll.h>, and the package has no
/// C target, so the three calls are looked up in the C library at run time and
/// `struct epoll_event` is laid out by hand (packed, 12 bytes, on x86_64;
/// naturally aligned, 16 bytes, elsewhere).
struct Epoll {
    static let readable: UInt32 = 0x001          // EPOLLIN
    static let error: UInt32 = 0x008             // EPOLLERR
    static let hangUp: UInt32 = 0x010            // EPOLLHUP
    static let readHangUp: UInt32 = 0x2000       // EPOLLRDHUP
    static let oneShot: UInt32 = 1 << 30         // EPOLLONESHOT

    private static let controlAdd: Int32 = 1     // EPOLL_CTL_ADD
    private static let controlDelete: Int32 = 2  // EPOLL_CTL_DEL
    private static let controlModify: Int32 = 3  // EPOLL_CTL_MOD
    private static let closeOnExec: Int32 = 0o2000000  // EPOLL_CLOEXEC

    #if arch(x86_64)
    static let eventSize = 12
    private static let dataOffset = 4
    #else
    static let eventSize = 16
    private static let dataOffset = 8
    #endif

    private typealias CreateFunction = @convention(c) (Int32) -> Int32
    private typealias ControlFunction = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    private typealias WaitFunction = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32

    private struct Functions {
        let create: CreateFunction
        let control: ControlFunction
        let wait: WaitFunction
    }

    private static let functions: Functions? = {
        guard let library = dlopen(nil, RTLD_NOW),
              let create = dlsym(library, "epoll_create1"),
              let control = dlsym(library, "epoll_ctl"),
              let wait = dlsym(library, "epoll_wait") else { return nil }
        return Functions(create: unsafeBitCast(create, to: CreateFunction.self),
                         control: unsafeBitCast(control, to: ControlFunction.self),
                         wait: unsafeBitCast(wait, to: WaitFunction.self))
    }()

    let descriptor: Int32
    private let functions: Functions

    init() throws {
        guard let functions = Epoll.functions else {
            throw HTTPError.socket(operation: "epoll lookup", errno: ENOSYS)
        }
        let descriptor = functions.create(Epoll.closeOnExec)
        guard descriptor >= 0 else { throw HTTPError.socket(operation: "epoll_create1", errno: errno) }
        self.descriptor = descriptor
        self.functions = functions
    }

    func add(_ fd: Int32, events: UInt32, tag: UInt64) -> Bool {
        control(Epoll.controlAdd, fd, events: events, tag: tag)
    }

    func modify(_ fd: Int32, events: UInt32, tag: UInt64) -> Bool {
        control(Epoll.controlModify, fd, events: events, tag: tag)
    }

    func remove(_ fd: Int32) {
        _ = control(Epoll.controlDelete, fd, events: 0, tag: 0)
    }

    private func control(_ operation: Int32, _ fd: Int32, events: UInt32, tag: UInt64) -> Bool {
        withUnsafeTemporaryAllocation(byteCount: Epoll.eventSize, alignment: 8) { raw in
            raw.initializeMemory(as: UInt8.self, repeating: 0)
            raw.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: tag, toByteOffset: Epoll.dataOffset, as: UInt64.self)
            return functions.control(descriptor, operation, fd, raw.baseAddress) == 0
        }
    }

    /// Waits up to `timeoutMilliseconds` and returns the ready (tag, events) pairs.
    func wait(into buffer: inout [UInt8], timeoutMilliseconds: Int32) -> [(tag: UInt64, events: UInt32)] {
        let capacity = Int32(buffer.count / Epoll.eventSize)
        let count = buffer.withUnsafeMutableBytes { raw in
            functions.wait(descriptor, raw.baseAddress, capacity, timeoutMilliseconds)
        }
        guard count > 0 else { return [] }
        return buffer.withUnsafeBytes { raw in
            (0..<Int(count)).map { index in
                let base = index * Epoll.eventSize
                return (raw.loadUnaligned(fromByteOffset: base + Epoll.dataOffset, as: UInt64.self),
                        raw.loadUnaligned(fromByteOffset: base, as: UInt32.self))
            }
        }
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
