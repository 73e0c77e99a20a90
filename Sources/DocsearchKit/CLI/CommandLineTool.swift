import Foundation

/// The `docsearch` command line: parses the words, runs one command, returns
/// the exit status as grep has it (0 results, 1 none, 2 error).
public struct CommandLineTool {
    public static let usage = """
    docsearch: search Vietnamese official documents.

    usage:
      docsearch QUERY [--limit N] [--json] [--index DIR]     same as `docsearch search QUERY`
      docsearch search QUERY [options]   ranked plans with title, number, issuer, date, citations, snippet
      docsearch index [PATH…] [--rebuild] [--index DIR]   index files or folders (default: corpus/)
      docsearch cites CITATION [--json]  the plans that cite a document ("Chỉ thị 44-CT/TW")
      docsearch show PLAN [--json]       everything extracted from one plan (id, path or file name)
      docsearch citations [--json]       every cited document with the number of plans citing it
      docsearch agencies [--json]        every agency named, canonical, with its roles
      docsearch topics [--json]          the topic taxonomy with plan counts
      docsearch related PLAN [--json]    plans that share legal bases with PLAN
      docsearch eval QRELS --docs DIR    ranking quality (recall@k, MRR@10) on labelled questions
      docsearch serve [--host H] [--port P]   the web search page and JSON API (http://127.0.0.1:8080/)

    The index lives in .docsearch/ (or --index DIR, or $DOCSEARCH_INDEX).
    Exit status: 0 results, 1 no results, 2 error. `docsearch COMMAND --help` for details.
    """

    public let terminal: Terminal
    /// The variables the commands read (tests give their own); nil: the
    /// process's, each read when needed (building the dictionary of every
    /// variable was 2% of a cold search, perf).
    public let environment: [String: String]?

    public init(terminal: Terminal = .standard(), environment: [String: String]? = nil) {
        self.terminal = terminal
        self.environment = environment
    }

    func environmentValue(_ name: String) -> String? {
        if let environment { return environment[name] }
        return getenv(name).map { String(cString: $0) }
    }

    public static func run(arguments: [String]) -> Int32 {
        CommandLineTool().run(arguments)
    }

    public func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else {
            terminal.warn(Self.usage)
            return 2
        }
        do {
            switch first {
            case "--help", "-h", "help": terminal.line(Self.usage); return 0
            case "search": return try search(Array(arguments.dropFirst()))
            case "index": return try index(Array(arguments.dropFirst()))
            case "cites": return try cites(Array(arguments.dropFirst()))
            case "show": return try show(Array(arguments.dropFirst()))
            case "citations": return try citations(Array(arguments.dropFirst()))
            case "agencies": return try agencies(Array(arguments.dropFirst()))
            case "topics": return try topics(Array(arguments.dropFirst()))
            case "related": return try related(Array(arguments.dropFirst()))
            case "eval": return try eval(Array(arguments.dropFirst()))
            case "serve": return try serve(Array(arguments.dropFirst()))
            default: return try search(arguments)
            }
        } catch {
            terminal.warn("docsearch: \(Self.message(for: error))")
            return 2
        }
    }

    static func message(for error: Error) -> String { String(describing: error) }

    // MARK: index location

    func indexDirectory(_ args: Arguments) -> String {
        if let d = args.value("--index"), !d.isEmpty { return d }
        if let d = environmentValue("DOCSEARCH_INDEX"), !d.isEmpty { return d }
        return ".docsearch"
    }

    /// Opens the index, building it from ./corpus first when there is none.
    func openIndex(_ args: Arguments) throws -> IndexSnapshot {
        let dir = indexDirectory(args)
        do {
            return try IndexSnapshot.open(directory: dir)
        } catch IndexError.noIndex {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: IndexWriter.defaultRoot, isDirectory: &isDir), isDir.boolValue else {
                throw CLIError.noCorpus(directory: IndexWriter.defaultRoot)
            }
            terminal.warn("docsearch: no index in \(dir) yet; indexing \(IndexWriter.defaultRoot)/ first…")
            let summary = try IndexWriter.run(IndexWriter.Options(directory: dir, roots: [IndexWriter.defaultRoot]))
            reportProblems(summary)
            terminal.warn("docsearch: indexed \(summary.plans) plans in \(String(format: "%.2f", summary.seconds)) s")
            return try IndexSnapshot.open(directory: dir)
        }
    }

    // MARK: search

    static let searchHelp = """
    usage: docsearch search QUERY [--limit N] [--offset N] [--json] [--index DIR]
                            [--agency A] [--topic T] [--year Y|Y1-Y2] [--type T] [--cites C] [--place P]

    QUERY is free text with or without diacritics. "quoted words" must stand together,
    +word must occur, -word must not. A document reference ("Chỉ thị 20", "QĐ 1373",
    "1373/QĐ-TTg", "nghi dinh 162/2017") finds the plans that cite it; a plan's own
    number ("2421/KH-SGDĐT") finds that plan first.
    """

    func search(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, command: "search",
                                 valued: ["--limit", "--offset", "--index", "--agency", "--topic", "--year", "--type", "--cites", "--place"],
                                 switches: ["--json", "--help"])
        if args.has("--help") { terminal.line(Self.searchHelp); return 0 }
        let text = args.positionals.joined(separator: " ")
        let filters = try Self.filters(args)
        guard !text.trimmingSpaces().isEmpty || !filters.isEmpty else {
            throw CLIError.usage("search: give a query (see `docsearch search --help`)")
        }
        let limit = try args.int("--limit", default: 10, range: 0...1000)
        let offset = try args.int("--offset", default: 0, range: 0...100_000)
        let snapshot = try openIndex(args)
        let service = SearchService(snapshot: snapshot)
        let request = SearchRequest(query: text, limit: limit, offset: offset, filters: filters)
        let (results, snippets) = try service.search(request)
        if args.has("--json") {
            terminal.line(ResultsJSON(results, request: request, snippets: snippets, includeFacets: true).encoded())
        } else {
            terminal.batched { printResults(results, snippets: snippets, request: request) }
        }
        return results.total > 0 ? 0 : 1
    }

    static func filters(_ args: Arguments) throws -> [SearchFilter] {
        var out: [SearchFilter] = []
        for name in ["agency", "topic", "type", "cites", "place"] {
            for v in args.values["--" + name] ?? [] { out.append(SearchFilter(facet: name, value: .text(v))) }
        }
        for v in args.values["--year"] ?? [] {
            guard let f = SearchFilter.years(v) else {
                throw CLIError.badValue(option: "--year", value: v, expected: "a year (2023) or a range (2021-2023)")
            }
            out.append(f)
        }
        return out
    }

    func printResults(_ results: SearchResults, snippets: [Snippet?], request: SearchRequest) {
        let t = terminal
        let noun = results.total == 1 ? "plan" : "plans"
        var head = (results.totalIsExact ? "" : "at least ") + "\(results.total) \(noun) for \"\(request.query)\""
        if results.relaxed { head += " (no plan has every word; showing plans with some of them)" }
        t.line(t.dim(head))
        for (i, hit) in results.hits.enumerated() {
            let r = hit.record
            t.line()
            t.line("\(request.offset + i + 1). " + t.bold(r.title.isEmpty ? r.path : r.title))
            var meta: [String] = []
            if let n = r.number { meta.append(n) }
            if let iss = r.issuer { meta.append(iss) }
            if let d = r.date { meta.append(d) }
            meta.append(r.path)
            t.line("   " + t.dim(meta.joined(separator: " · ")))
            if !hit.matchedCitations.isEmpty {
                t.line("   cites: " + hit.matchedCitations.map { "\($0.kind) \($0.symbol)" }.joined(separator: "; "))
            }
            if let s = snippets[i] { t.line("   " + t.render(s)) }
        }
        printFacets(results.facets)
    }

    // MARK: index

    static let indexHelp = """
    usage: docsearch index [PATH…] [--rebuild] [--max-file-size MB] [--index DIR]

    Indexes the files and folders given (default: those of the last run, else corpus/).
    Only new and changed files are read again; removed files leave the index.
    The new index replaces the old one in one step: a crash leaves the old one usable.
    Files over 64 MB are skipped and named (--max-file-size MB changes the limit; a file
    takes about 18 times its size in memory while it is analysed).
    Exit status: 0 all files indexed, 1 some files skipped (named on stderr), 2 error.
    """

    func index(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, command: "index", valued: ["--index", "--max-file-size"],
                                 switches: ["--rebuild", "--help", "--json"])
        if args.has("--help") { terminal.line(Self.indexHelp); return 0 }
        var options = IndexWriter.Options(directory: indexDirectory(args), roots: args.positionals)
        options.rebuild = args.has("--rebuild")
        options.maxFileSize = try args.int("--max-file-size", default: options.maxFileSize >> 20, range: 1...65_536) << 20
        if terminal.stderrIsTTY {
            let t = terminal
            options.progress = { done, total in t.err("\rindexing: \(done)/\(total) files") ; if done == total { t.err("\n") } }
        }
        let summary = try IndexWriter.run(options)
        reportProblems(summary)
        let snapshot = try IndexSnapshot.open(directory: options.directory)
        let cited = try CitationStatistics(snapshot: snapshot)
        let line = "\(summary.files) files, \(summary.plans) plans (\(summary.added) added, \(summary.updated) updated, "
            + "\(summary.removed) removed, \(summary.unchanged) unchanged), \(cited.citations) citations of "
            + "\(cited.documents) documents, \(String(format: "%.2f", summary.seconds)) s"
        terminal.line(line)
        if summary.encodings.keys.contains(where: { $0 != "UTF-8" }) {
            let list = summary.encodings.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
            terminal.line("encodings read: " + list.joined(separator: ", "))
        }
        return summary.problems.contains { $0.skipped } ? 1 : 0
    }

    func reportProblems(_ summary: IndexWriter.Summary) {
        for note in summary.notes { terminal.warn("docsearch: \(note)") }
        for p in summary.problems { terminal.warn("docsearch: \(p)") }
    }

    // MARK: cites

    static let citesHelp = """
    usage: docsearch cites CITATION [--json] [--index DIR]

    The exact set of plans that cite a document: "Chỉ thị 44-CT/TW", "1373/QĐ-TTg",
    "Quyết định 1373", "nghi dinh 162/2017".
    """

    func cites(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, command: "cites", valued: ["--index"], switches: ["--json", "--help"])
        if args.has("--help") { terminal.line(Self.citesHelp); return 0 }
        let text = args.positionals.joined(separator: " ")
        guard !text.isEmpty else { throw CLIError.usage("cites: give a document, e.g. docsearch cites \"Chỉ thị 44-CT/TW\"") }
        guard Citation.parseReference(text) != nil else { throw SearchError.notAReference(text) }
        let (query, results) = try CitingPlans.find(text, in: openIndex(args))
        let request = SearchRequest(query: text, limit: results.hits.count, wantFacets: false)
        if args.has("--json") {
            terminal.line(ResultsJSON(results, request: request, snippets: [], includeFacets: false).encoded())
        } else {
            terminal.line(terminal.dim("\(results.total) plans cite \(query.references.map(\.text).joined(separator: ", "))"))
            for hit in results.hits {
                let r = hit.record
                let how = hit.matchedCitations.map { "\($0.symbol) (\($0.role))" }.joined(separator: ", ")
                terminal.line("\(r.id)  \(r.path)  \(r.number ?? "")  \(how)")
            }
        }
        return results.total > 0 ? 0 : 1
    }

    // MARK: show

    static let showHelp = """
    usage: docsearch show PLAN [--json] [--index DIR]

    Everything extracted from one plan. PLAN is its id, its path, or its file name.
    """

    func show(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, command: "show", valued: ["--index"], switches: ["--json", "--help"])
        if args.has("--help") { terminal.line(Self.showHelp); return 0 }
        guard args.positionals.count == 1 else { throw CLIError.usage("show: give one plan id or path") }
        let snapshot = try openIndex(args)
        let found = try PlanLookup.find(args.positionals[0], in: snapshot)
        let r = found.record
        if args.has("--json") {
            terminal.line(JSONText.encode(r, pretty: true))
            return 0
        }
        let t = terminal
        t.line(t.bold(r.title))
        let fields: [(String, String?)] = [("id", r.id), ("path", r.path), ("type", r.documentType), ("number", r.number),
                                           ("issuer", r.issuer), ("place", r.place), ("date", r.date),
                                           ("signer", [r.signerTitle, r.signer].compactMap { $0 }.joined(separator: " ")),
                                           ("encoding", r.encoding)]
        for (k, v) in fields { if let v, !v.isEmpty { t.line("  \(k): \(v)") } }
        if !r.citations.isEmpty {
            t.line("  citations:")
            for c in r.citations {
                var s = "    \(c.kind) \(c.symbol) [\(c.allRoles.joined(separator: ", "))]"
                if let d = c.date { s += " ngày \(d)" }
                if let i = c.issuerAgency ?? c.issuer { s += " của \(i)" }
                if c.mentions > 1 { s += " ×\(c.mentions)" }
                t.line(s)
            }
        }
        printAgenciesAndTopics(r)
        for w in r.warnings { t.line("  warning: \(w)") }
        return 0
    }
}
