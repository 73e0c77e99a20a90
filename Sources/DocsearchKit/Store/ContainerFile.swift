/// The envelope of every docsearch file on disk.
///
/// Byte grammar (all integers little-endian):
///
///     file    := header payload footer
///     header  := magic[4] version:u16 reserved:u16            (8 bytes)
///     payload := the file kind's own grammar (see its writer)
///     footer  := payloadLength:u64 checksum:u64 "DSOK"        (20 bytes)
///
/// `checksum` is `Checksum.of(header + payload)`. A reader checks magic,
/// version, length and checksum before it trusts a single payload byte.
public enum ContainerFile {
    public static let headerSize = 8
    public static let footerSize = 20
    static let endMagic: [UInt8] = Array("DSOK".utf8)

    public static func encode(magic: String, version: UInt16, payload: [UInt8]) -> [UInt8] {
        var w = ByteWriter(capacity: payload.count + headerSize + footerSize)
        w.append(Array(magic.utf8.prefix(4)))
        w.u16(version)
        w.u16(0)
        w.append(payload)
        let sum = w.bytes.withUnsafeBytes { Checksum.of($0) }
        w.u64(UInt64(payload.count))
        w.u64(sum)
        w.append(endMagic)
        return w.bytes
    }

    /// The checked payload of `bytes`, a file of kind `magic` at `version`.
    public static func payload(of bytes: UnsafeRawBufferPointer, magic: String, version: UInt16,
                               path: String, verifyChecksum: Bool = true) throws -> UnsafeRawBufferPointer {
        try payload(of: bytes, magic: magic, versions: version...version, path: path, verifyChecksum: verifyChecksum).payload
    }

    /// The checked payload of `bytes`, a file of kind `magic` at one of `versions`, and its version.
    public static func payload(of bytes: UnsafeRawBufferPointer, magic: String, versions: ClosedRange<UInt16>,
                               path: String, verifyChecksum: Bool = true) throws -> (payload: UnsafeRawBufferPointer, version: UInt16) {
        let total = bytes.count
        guard total >= headerSize + footerSize else {
            throw StoreError.truncated(path: path, need: headerSize + footerSize, have: total)
        }
        guard Array(bytes[0..<4]) == Array(magic.utf8.prefix(4)) else { throw StoreError.badMagic(path: path) }
        var r = ByteReader(bytes, offset: 4, path: path)
        let found = try r.u16()
        guard versions.contains(found) else {
            throw StoreError.unsupportedVersion(path: path, found: Int(found), supported: Int(versions.upperBound))
        }
        guard Array(bytes[(total - 4)..<total]) == endMagic else {
            throw StoreError.corrupt(path: path, reason: "the end marker is missing (file cut short?)")
        }
        var f = ByteReader(bytes, offset: total - footerSize, path: path)
        let length = try f.u64()
        let stored = try f.u64()
        guard length == UInt64(total - headerSize - footerSize) else {
            throw StoreError.corrupt(path: path, reason: "payload length \(length) does not match the file size \(total)")
        }
        let covered = UnsafeRawBufferPointer(rebasing: bytes[0..<(total - footerSize)])
        if verifyChecksum && Checksum.of(covered) != stored { throw StoreError.checksumMismatch(path: path) }
        return (UnsafeRawBufferPointer(rebasing: bytes[headerSize..<(total - footerSize)]), found)
    }
}
