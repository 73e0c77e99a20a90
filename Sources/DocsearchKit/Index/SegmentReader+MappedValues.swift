#if canImport(Glibc)
import Glibc
#endif

extension SegmentReader {
    /// One multi-valued column: per doc, ordinals into `values`.
    /// Little-endian u32s read in place from the mapped segment, which
    /// `owner` keeps mapped: a search that counts facets needs a few plans'
    /// entries, and copying every column into arrays took a seventh of a cold
    /// `docsearch "Chỉ thị 20"` (perf).
    public struct MappedUInt32s: RandomAccessCollection, @unchecked Sendable {
        private let bytes: UnsafeRawBufferPointer
        private let owner: MappedFile
        public let count: Int

        init(_ bytes: UnsafeRawBufferPointer, owner: MappedFile) {
            self.bytes = bytes
            self.owner = owner
            count = bytes.count / 4
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }

        public subscript(i: Int) -> UInt32 {
            precondition(i >= 0 && i < count, "index \(i) out of 0..<\(count)")
            return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
        }

        /// The values' little-endian bytes, for a loop that checks its bounds
        /// once rather than per value (facet counting, perf).
        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try withExtendedLifetime(owner) { try body(bytes) }
        }
    }

    /// A facet's distinct values, UTF-8 strings read in place from the mapped
    /// segment (or from bytes of its own): a `String` is made only for a value
    /// that is asked for. Making one for every value of every column was a
    /// tenth of a cold `docsearch "Chỉ thị 20"`, which shows a few (perf).
    public struct MappedStrings: RandomAccessCollection, @unchecked Sendable {
        private let base: UnsafeRawBufferPointer
        /// Value i is `base[starts[i] ..< starts[i] + lengths[i]]`.
        private let starts: [UInt32]
        private let lengths: [UInt32]
        private let owner: AnyObject

        public var startIndex: Int { 0 }
        public var endIndex: Int { starts.count }

        public subscript(i: Int) -> String { String(decoding: bytes(i), as: UTF8.self) }

        /// The UTF-8 bytes of value `i`, valid while this list lives.
        public func bytes(_ i: Int) -> UnsafeRawBufferPointer {
            let start = Int(starts[i])
            return UnsafeRawBufferPointer(rebasing: base[start..<(start + Int(lengths[i]))])
        }

        /// Reads `count` values, each a varint byte length then the bytes
        /// (`ByteReader.string`'s grammar), from `reader`, which advances past them.
        init(reading count: Int, from reader: inout ByteReader, owner: MappedFile) throws {
            guard count <= reader.remaining else {
                throw StoreError.corrupt(path: reader.path, reason: "\(count) values in \(reader.remaining) bytes")
            }
            let first = reader.offset
            var starts: [UInt32] = [], lengths: [UInt32] = []
            starts.reserveCapacity(count)
            lengths.reserveCapacity(count)
            for _ in 0..<count {
                let n = try reader.varint()
                guard n <= UInt64(reader.remaining) else {
                    throw StoreError.corrupt(path: reader.path, reason: "a value of \(n) bytes at byte \(reader.offset)")
                }
                starts.append(UInt32(reader.offset - first))
                lengths.append(UInt32(n))
                reader.offset += Int(n)
            }
            base = UnsafeRawBufferPointer(rebasing: reader.base[first..<reader.offset])
            self.starts = starts
            self.lengths = lengths
            self.owner = owner
        }

        /// The values of `strings`, in their own buffer.
        public init(_ strings: [String]) {
            let storage = OwnedBytes(strings.reduce(0) { $0 + $1.utf8.count })
            var starts: [UInt32] = [], lengths: [UInt32] = []
            var at = 0
            for s in strings {
                starts.append(UInt32(at))
                lengths.append(UInt32(s.utf8.count))
                for b in s.utf8 { storage.pointer[at] = b; at += 1 }
            }
            base = UnsafeRawBufferPointer(storage.pointer)
            self.starts = starts
            self.lengths = lengths
            owner = storage
        }

        private final class OwnedBytes {
            let pointer: UnsafeMutableBufferPointer<UInt8>
            init(_ count: Int) { pointer = .allocate(capacity: Swift.max(count, 1)) }
            deinit { pointer.deallocate() }
        }

        /// Byte order of values `i` and `j` (memcmp, then length).
        public func compare(_ i: Int, _ j: Int) -> Int { Self.compare(bytes(i), bytes(j)) }

        /// Byte order of two UTF-8 texts (memcmp, then length), which is
        /// `String` order for NFC text.
        public static func compare(_ x: UnsafeRawBufferPointer, _ y: UnsafeRawBufferPointer) -> Int {
            let n = Swift.min(x.count, y.count)
            if n > 0, let xp = x.baseAddress, let yp = y.baseAddress {
                let c = Int(memcmp(xp, yp, n))
                if c != 0 { return c }
            }
            return x.count - y.count
        }
    }
}
