import Foundation

extension CommandLineTool {
    static let agenciesHelp = """
    usage: docsearch agencies [--limit N] [--json] [--index DIR]

    Every agency the indexed plans name, in one canonical form with its level and
    place, and how many plans name it as issuer, as issuer of a cited document, as
    assigned a task ("Tổ chức thực hiện") and as recipient ("Nơi nhận").
    """

    func agencies(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, command: "agencies", valued: ["--index", "--limit"], switches: ["--json", "--help"])
        if args.has("--help") { terminal.line(Self.agenciesHelp); return 0 }
        guard args.positionals.isEmpty else { throw CLIError.usage("agencies: takes no words (see `docsearch agencies --help`)") }
        let limit = try args.int("--limit", default: Int.max, range: 0...Int.max)
        let directory = try AgencyDirectory(snapshot: openIndex(args))
        let shown = Array(directory.entries.prefix(limit))
        if args.has("--json") {
            terminal.line(JSONText.encode(MetadataJSON.Agencies(directory, limit: limit)))
        } else {
            terminal.line(terminal.dim("\(directory.entries.count) agencies"))
            for e in shown {
                let roles = AgencyRole.allCases.compactMap { r in e.roles[r.rawValue].map { "\(r.vietnameseName) \($0)" } }
                terminal.line(String(format: "%6d  ", e.plans) + e.name + terminal.dim(" [\(e.level.rawValue)] " + roles.joined(separator: ", ")))
            }
        }
        return directory.entries.isEmpty ? 1 : 0
    }
}

