import XCTest
@testable import DocsearchKit

/// Packing and unpacking a block at every width, each way of reading it
/// (the whole block with room to spare after it, the whole block at the very
/// end of the bytes, one value at a time) giving back what was packed. The
/// values are a seed plan's UTF-8 bytes, four to a value, cut to the width,
/// with the width's largest value among them.
final class BitPackingTests: XCTestCase {
    func testEveryWidthUnpacksWhatWasPacked() throws {
        let bytes = Array(try Fixtures.text(.longAn).utf8)
        XCTAssertGreaterThan(bytes.count, 4 * BitPacking.count)
        for width in 0...32 {
            let mask: UInt32 = width == 32 ? .max : (1 << UInt32(width)) - 1
            var values = (0..<BitPacking.count).map { i -> UInt32 in
                let at = i * 4
                return (UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
                        | UInt32(bytes[at + 3]) << 24) & mask
            }
            values[BitPacking.count / 2] = mask
            XCTAssertEqual(BitPacking.width(of: values[...]), width)
            var writer = ByteWriter()
            writer.append([0xAA, 0xBB, 0xCC])  // the block need not start the bytes
            BitPacking.pack(values[...], width: width, into: &writer)
            let packedEnd = writer.count
            XCTAssertEqual(packedEnd - 3, BitPacking.byteCount(width: width))
            let tight = writer.bytes
            writer.append([UInt8](repeating: 0xFF, count: 8))
            let spare = writer.bytes
            for (name, buffer) in [("with room after", spare), ("at the end", tight)] {
                var out = [UInt32](repeating: 0xDEAD, count: BitPacking.count)
                buffer.withUnsafeBytes { raw in
                    out.withUnsafeMutableBufferPointer { o in
                        BitPacking.unpack(raw.baseAddress!, from: 3, width: width, end: buffer.count, into: o.baseAddress!)
                    }
                }
                XCTAssertEqual(out, values, "width \(width), \(name)")
            }
            spare.withUnsafeBytes { raw in
                for i in [0, 1, 7, 8, 63, 64, BitPacking.count - 1] {
                    XCTAssertEqual(BitPacking.value(at: i, raw.baseAddress!, from: 3, width: width), values[i], "width \(width), value \(i)")
                }
            }
        }
    }

    /// A short group (a block's last positions), from a slice that does not
    /// start at 0: its own bytes only, after what the writer holds.
    func testAShortGroupFromASliceTakesItsBytesOnly() throws {
        let words = Analyzer().tokens(in: try Fixtures.text(.thuThua)).prefix(400).map { UInt32($0.byteRange.lowerBound) }
        let group = words[307..<312]
        let width = BitPacking.width(of: group)
        XCTAssertGreaterThan(width, 8, "where the plan's 308th to 312th words start, in bytes")
        var writer = ByteWriter()
        writer.append([0xAA, 0xBB])
        BitPacking.pack(group, width: width, count: group.count, into: &writer)
        XCTAssertEqual(writer.count, 2 + BitPacking.byteCount(group.count, width: width))
        XCTAssertEqual(Array(writer.bytes.prefix(2)), [0xAA, 0xBB])
        writer.bytes.withUnsafeBytes { raw in
            for i in 0..<group.count {
                XCTAssertEqual(BitPacking.value(at: i, raw.baseAddress!, from: 2, width: width), group[group.startIndex + i])
            }
        }
    }

    /// A packed block's plan numbers are cut into deltas; their running sums
    /// give them back, eight lanes at a time, or one by one where a sum could
    /// pass 2^32 − 1, and a damaged block (a zero delta, a sum past 2^32 − 1)
    /// is refused either way. The values are where a seed plan's words start,
    /// in bytes: increasing, as a list's plan numbers are.
    func testRunningSumsGiveBackTheValuesAndRefuseDamage() throws {
        let starts = Analyzer().tokens(in: try Fixtures.text(.thuThua)).prefix(BitPacking.count + 1)
            .map { UInt32($0.byteRange.lowerBound) }
        XCTAssertEqual(starts.count, BitPacking.count + 1)
        let first = starts[0], values = Array(starts.dropFirst())
        let deltas = zip(values, starts.dropLast()).map { $0 - $1 }
        let width = BitPacking.width(of: deltas[...])
        XCTAssertGreaterThan(width, 2)
        func sums(_ deltas: [UInt32], from start: UInt32, firstMayEqual: Bool = false) -> [UInt32]? {
            var out = deltas
            let ok = out.withUnsafeMutableBufferPointer {
                BitPacking.runningSums($0.baseAddress!, count: $0.count, from: start, width: width, firstMayEqual: firstMayEqual)
            }
            return ok ? out : nil
        }
        XCTAssertEqual(sums(deltas, from: first), values, "eight lanes at a time")
        // From a start where the widest deltas could pass 2^32 − 1, though these do not: one by one.
        let high = UInt32.max - (values.last! - first)
        XCTAssertEqual(sums(deltas, from: high), values.map { $0 - first + high }, "one by one")
        XCTAssertNil(sums(deltas, from: high + 1), "the last sum passes 2^32 − 1")
        for start in [first, high] {
            var damaged = deltas
            damaged[77] = 0
            XCTAssertNil(sums(damaged, from: start), "a plan twice, from \(start)")
            damaged = deltas
            damaged[BitPacking.count - 1] = 0
            XCTAssertNil(sums(damaged, from: start), "the last plan twice, from \(start)")
            var zeroFirst = deltas
            zeroFirst[0] = 0
            XCTAssertNil(sums(zeroFirst, from: start), "a block's first plan is the last of the block before, from \(start)")
            XCTAssertEqual(sums(zeroFirst, from: start, firstMayEqual: true)?.first, start, "plan 0 first in a list")
        }
    }
}
