/// A 64-bit checksum over bytes, read 8 bytes at a time: fast enough to verify
/// a whole index file when it is opened. It detects corruption, not tampering.
public struct Checksum: Sendable {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var a: UInt64 = 0x2545_F491_4F6C_DD1D ^ UInt64(bytes.count)
        var b: UInt64 = 0x1234_5678_9ABC_DEF1
        let words = bytes.count / 16
        var i = 0
        for _ in 0..<words {
            let w1 = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let w2 = bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
            a = ((a ^ w1) &* prime1)
            a = (a << 31) | (a >> 33)
            b = ((b ^ w2) &* prime2)
            b = (b << 29) | (b >> 35)
            i += 16
        }
        while i < bytes.count {
            a = (a ^ UInt64(bytes[i])) &* prime1
            a = (a << 31) | (a >> 33)
            i += 1
        }
        var h = a ^ (b &* prime1)
        h ^= h >> 33; h = h &* prime2; h ^= h >> 29; h = h &* prime1; h ^= h >> 32
        return h
    }

    public static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }
}
