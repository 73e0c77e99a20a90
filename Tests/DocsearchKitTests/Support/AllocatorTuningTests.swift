#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest
@testable import DocsearchKit

/// The server's allocator keeps what a request frees for the next one rather
/// than handing it back to the kernel (`AllocatorTuning`). What this can see
/// is a large block's memory staying resident after its free; the smaller
/// arrays a search frees (the trim threshold) leave no mark on the resident
/// size that a test could read reliably: that half is measured instead, by
/// the server's madvise calls under wrk (`perf stat`, two a request before,
/// none after).
final class AllocatorTuningTests: XCTestCase {
    func testFreedMemoryStaysResident() throws {
        #if canImport(Glibc)
        XCTAssertTrue(AllocatorTuning.keepFreedMemory(), "glibc refused a setting")
        // 8 MB: far above glibc's default trim threshold (128 KB), below the own-mapping size.
        let size = 8 << 20
        let readings = Readings()
        // On a thread of its own, as a server worker: glibc gives it an arena of its own.
        let thread = Thread {
            let block = malloc(size)!
            memset(block, 1, size)
            readings.touched = Self.residentBytes()
            free(block)
            readings.freed = Self.residentBytes()
        }
        thread.start()
        while !thread.isFinished { usleep(1000) }
        let (touched, freed) = (readings.touched, readings.freed)
        XCTAssertGreaterThan(touched, size)
        XCTAssertGreaterThan(freed, touched - size / 2,
                             "the 8 MB went back to the kernel: \(touched) bytes resident before the free, \(freed) after")
        #else
        throw XCTSkip("glibc only")
        #endif
    }

    /// Read on the thread, after it has finished.
    private final class Readings: @unchecked Sendable { var touched = 0, freed = 0 }

    /// The process's resident memory, from /proc/self/statm (its second field, in pages).
    private static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}
