/// A size as people read it: "64 MB", "100.1 MB", "293 KB". Rounded up, so
/// that a file just over a limit never reads as the limit itself.
public struct ByteSize: CustomStringConvertible, Sendable {
    public let bytes: UInt64

    public init(_ bytes: UInt64) { self.bytes = bytes }
    public init(_ bytes: Int) { self.bytes = UInt64(max(0, bytes)) }

    public var description: String {
        let kilobytes = (bytes + 1023) >> 10
        guard kilobytes >= 1024 else { return "\(kilobytes) KB" }
        let tenths = (bytes * 10 + (1 << 20) - 1) >> 20
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
