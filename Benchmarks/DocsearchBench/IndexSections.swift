import DocsearchKit
import Foundation

/// Where an index's bytes go: each section of its segments (SegmentWriter's
/// grammar: DOCS records, FILE file table, NORM field lengths, TDIC term
/// dictionary, POST postings, POSI positions, FACT facet columns), summed over
/// the segments, largest first.
enum IndexSections {
    static func bytes(inIndex directory: String) throws -> [(tag: String, bytes: Int)] {
        var total: [String: Int] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".dseg") }
        for name in names {
            let path = directory + "/" + name
            let file = try MappedFile(path: path)
            let (payload, _) = try ContainerFile.payload(of: file.bytes, magic: SegmentWriter.magic,
                                                         versions: SegmentWriter.readableVersions, path: path)
            for (tag, section) in try ChunkedSectionsReader(payload, path: path).sections {
                total[tag, default: 0] += section.reader.base.count
            }
        }
        return total.sorted { $0.value > $1.value }.map { ($0.key, $0.value) }
    }

    /// "POSI 21.2 MB, POST 12.0 MB, …"
    static func summary(ofIndex directory: String) -> String {
        guard let sections = try? bytes(inIndex: directory) else { return "not read" }
        return sections.map { "\($0.tag) \(Format.bytes($0.bytes))" }.joined(separator: ", ")
    }
}
