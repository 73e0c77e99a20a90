#if canImport(Glibc)
import Glibc
#endif

/// How the C allocator (glibc's malloc) treats memory a long-running process
/// frees.
///
/// A search allocates per-segment arrays of tens of kilobytes (a score and
/// three counts per plan, the facet counts) and frees them when it ends.
/// Where they lie at the top of a worker thread's arena, glibc hands the
/// freed top back to the kernel with madvise, and the kernel then interrupts
/// the other cores to flush their TLBs. Whether they lie there depends on
/// what else the worker holds: serving an index whose plan files had been
/// removed (no snippet text to keep), the server made two madvise calls a
/// request, 5% of its time in the kernel (perf, 20,000 plans under wrk);
/// with the files there, the cached texts held the tops and it made none.
enum AllocatorTuning {
    /// Most freed memory an arena keeps for its thread's next request.
    static let keptTopBytes: Int32 = 256 << 20
    /// Blocks from this size up are mapped on their own. Set so that glibc
    /// does not lower it again (it would, once the trim threshold is set):
    /// 32 MiB, the largest it allows on 64-bit systems.
    static let ownMappingBytes: Int32 = 32 << 20
    /// glibc's parameter numbers (malloc.h, which Swift's Glibc module leaves out).
    private static let trimThresholdParameter: Int32 = -1  // M_TRIM_THRESHOLD
    private static let mmapThresholdParameter: Int32 = -3  // M_MMAP_THRESHOLD

    /// Keeps freed memory in the allocator instead of returning it after
    /// each request. For `docsearch serve`: on the index without its files,
    /// 1,338–1,442 searches/s against 1,191–1,299/s (three runs each in
    /// turn); with them, the same within the host's noise (1,261–1,388/s
    /// against 1,207–1,370/s, four runs each). The server's memory stays at
    /// what its busiest request needed. Returns whether the allocator took
    /// both settings (always false without glibc).
    @discardableResult
    static func keepFreedMemory() -> Bool {
        #if canImport(Glibc)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        return mallopt(trimThresholdParameter, keptTopBytes) == 1 && mallopt(mmapThresholdParameter, ownMappingBytes) == 1
        #else
        return false
        #endif
    }
}
