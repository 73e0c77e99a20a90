import Foundation
import XCTest
@testable import DocsearchKit

/// Real plan text and a bridge to glibc iconv for the encoding tests.
enum EncodingTestSupport {
    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed plans in corpus/, name and UTF-8 text.
    static func seedPlans(file: StaticString = #filePath, line: UInt = #line) throws -> [(name: String, text: String)] {
        let corpus = repositoryRoot.appendingPathComponent("corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 5, "the five seed plans are in corpus/", file: file, line: line)
        return try names.map { name in
            (name, try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// UTF-16 bytes of `text`, with the byte order mark when `bom`.
    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2 * text.utf16.count + 2)
        for unit in (bom ? [0xFEFF] : []) + Array(text.utf16) {
            let high = UInt8(truncatingIfNeeded: unit >> 8)
            let low = UInt8(truncatingIfNeeded: unit)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    static let iconvPath = "/usr/bin/iconv"

    /// `input` converted by iconv, or nil when iconv is missing or rejects the conversion.
    static func iconv(_ input: [UInt8], from source: String, to target: String) -> [UInt8]? {
        guard FileManager.default.isExecutableFile(atPath: iconvPath) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: iconvPath)
        process.arguments = ["-f", source, "-t", target]
        let inputPipe = Pipe()
        let outputPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // Write from another thread so a large output cannot deadlock the pipes.
        let writer = Thread {
            inputPipe.fileHandleForWriting.write(Data(input))
            try? inputPipe.fileHandleForWriting.close()
        }
        writer.start()
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [UInt8](output) : nil
    }

    /// Whether this iconv knows `charset`.
    static func iconvSupports(_ charset: String) -> Bool {
        iconv(Array("a".utf8), from: "UTF-8", to: charset) != nil
    }

    /// Deterministic pseudo-random bytes, so a failure can be replayed.
    typealias SeededGenerator = SplitMix64

    static func randomBytes(_ count: Int, using generator: inout SeededGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
