import Foundation

extension CommandLineTool {
    static let citationsHelp = """
    usage: docsearch citations [--limit N] [--json] [--index DIR]

    Every document the indexed plans cite, most cited first: how many plans cite it
    (and how many as a legal basis), its kind, symbol, year and issuer as the citing
    plans give them. The same number of different documents (1373/QĐ-TTg and
    1373/KH-BCĐNQ) are two documents. --json adds the citing plans and their roles.
    """

    func citations(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, command: "citations", valued: ["--index", "--limit"], switches: ["--json", "--help"])
        if args.has("--help") { terminal.line(Self.citationsHelp); return 0 }
        guard args.positionals.isEmpty else { throw CLIError.usage("citations: takes no words (see `docsearch citations --help`)") }
        let limit = try args.int("--limit", default: Int.max, range: 0...Int.max)
        let graph = try CitationGraph(snapshot: openIndex(args))
        let shown = Array(graph.documents.prefix(limit))
        if args.has("--json") {
            terminal.line(JSONText.encode(MetadataJSON.Citations(graph, limit: limit)))
        } else {
            terminal.line(terminal.dim("\(graph.documents.count) documents cited by \(graph.planCount) plans"))
            for d in shown {
                var line = String(format: "%6d  ", d.citedBy) + "\(d.kind) \(d.symbol)"
                if let y = d.year { line += " (\(y))" }
                if let i = d.issuer { line += " · \(i)" }
                if d.asLegalBasis > 0 { line += terminal.dim(" · căn cứ ×\(d.asLegalBasis)") }
                terminal.line(line)
            }
        }
        return graph.documents.isEmpty ? 1 : 0
    }
}

