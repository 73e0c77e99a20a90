import Foundation

extension CommandLineTool {
    static let relatedHelp = """
    usage: docsearch related PLAN [--limit N] [--json] [--index DIR]

    Plans that rest on the same documents as PLAN (its id, path or file name), ranked
    by how many they share and how specific those are: a document that nearly every
    plan cites counts for little; one that both cite as legal basis counts double.
    """

    func related(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, command: "related", valued: ["--index", "--limit"], switches: ["--json", "--help"])
        if args.has("--help") { terminal.line(Self.relatedHelp); return 0 }
        guard args.positionals.count == 1 else { throw CLIError.usage("related: give one plan id or path") }
        let limit = try args.int("--limit", default: 10, range: 0...1000)
        let snapshot = try openIndex(args)
        let plan = try PlanLookup.find(args.positionals[0], in: snapshot).record
        let graph = try CitationGraph(snapshot: snapshot)
        let related = RelatedPlans.related(to: plan.id, in: graph, limit: limit)
        if args.has("--json") {
            terminal.line(JSONText.encode(MetadataJSON.Related(plan: plan, related: related)))
        } else {
            terminal.line(terminal.dim("\(related.count) plans related to \(plan.path)"))
            for (i, r) in related.enumerated() {
                terminal.line("\(i + 1). " + terminal.bold(r.title.isEmpty ? r.path : r.title) + terminal.dim(String(format: "  %.3f", r.score)))
                terminal.line("   " + terminal.dim(r.path))
                terminal.line("   shares: " + r.shared.map { $0.symbol + ($0.bothLegalBasis ? " (căn cứ)" : "") }.joined(separator: ", "))
            }
        }
        return related.isEmpty ? 1 : 0
    }
}

