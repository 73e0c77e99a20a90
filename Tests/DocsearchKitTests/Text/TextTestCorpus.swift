import Foundation

/// Real Vietnamese text for the text-analysis tests: the five seed plans in
/// corpus/ and the ALQAC 2024 law articles in ../shared/alqac2024/docs
/// (several laws hold decomposed, NFD, letters).
enum TextTestCorpus {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The seed plans, raw as on disk.
    static func seedPlans() -> [(name: String, text: String)] {
        texts(in: root.appendingPathComponent("corpus"))
    }

    /// Every `step`-th ALQAC article of every law, raw as on disk.
    static func lawArticles(step: Int = 1) -> [(name: String, text: String)] {
        let docs = root.deletingLastPathComponent().appendingPathComponent("shared/alqac2024/docs")
        let laws = (try? FileManager.default.contentsOfDirectory(atPath: docs.path))?.sorted() ?? []
        var out: [(String, String)] = []
        for law in laws {
            let all = texts(in: docs.appendingPathComponent(law))
            out += stride(from: 0, to: all.count, by: step).map { ("\(law)/\(all[$0].name)", all[$0].text) }
        }
        return out
    }

    /// Law articles that really contain combining marks U+0300–U+036F.
    static func decomposedLawArticles() -> [(name: String, text: String)] {
        lawArticles().filter { $0.text.unicodeScalars.contains { (0x300...0x36F).contains($0.value) } }
    }

    private static func texts(in dir: URL) -> [(name: String, text: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) else { return nil }
            return (name, String(decoding: data, as: UTF8.self))
        }
    }
}
