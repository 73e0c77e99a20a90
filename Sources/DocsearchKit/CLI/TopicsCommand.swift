import Foundation

extension CommandLineTool {
    static let topicsHelp = """
    usage: docsearch topics [--json] [--index DIR]

    The topic taxonomy (nhân quyền, bình đẳng giới, tiếp cận pháp luật, trẻ em, …)
    with how many indexed plans have each topic, as their first topic or at all,
    and the terms that assign it. Filter by topic with `docsearch search --topic T`.
    """

    func topics(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, command: "topics", valued: ["--index"], switches: ["--json", "--help"])
        if args.has("--help") { terminal.line(Self.topicsHelp); return 0 }
        guard args.positionals.isEmpty else { throw CLIError.usage("topics: takes no words (see `docsearch topics --help`)") }
        let directory = try TopicDirectory(snapshot: openIndex(args))
        if args.has("--json") {
            terminal.line(JSONText.encode(MetadataJSON.Topics(directory)))
        } else {
            for e in directory.entries {
                terminal.line(String(format: "%6d  ", e.plans) + e.topic + terminal.dim(" (first topic of \(e.primary)) · " + e.scope))
                terminal.line("        " + terminal.dim("terms: " + e.terms.joined(separator: ", ")))
            }
        }
        return directory.entries.contains { $0.plans > 0 } ? 0 : 1
    }
}

