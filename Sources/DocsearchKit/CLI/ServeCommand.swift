import Foundation

/// `docsearch serve`: the web search pages and the JSON API over the index.
extension CommandLineTool {
    static let serveHelp = """
    usage: docsearch serve [--host 127.0.0.1] [--port 8080] [--index DIR] [--workers N] [--quiet]

    Serves the search page on http://HOST:PORT/ and the JSON API under /api
    (/api/openapi.json describes it). Builds the index from corpus/ first when
    there is none. When `docsearch index` commits a new index the server
    answers from it within a second, without a restart. Stops on Ctrl-C or SIGTERM.
      --port 0     any free port (printed on stderr)
      --workers N  threads answering requests (default: one per core, at least 2)
      --quiet      no access log (one line per request on stderr otherwise)
    """

    func serve(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, command: "serve", valued: ["--host", "--port", "--index", "--workers"],
                                 switches: ["--help", "--quiet"])
        if args.has("--help") { terminal.line(Self.serveHelp); return 0 }
        guard args.positionals.isEmpty else { throw CLIError.usage("serve: unexpected \(args.positionals[0]) (see `docsearch serve --help`)") }
        let host = args.value("--host") ?? "127.0.0.1"
        let port = try args.int("--port", default: 8080, range: 0...65535)
        var configuration = HTTPServerConfiguration(host: host, port: UInt16(port))
        configuration.workerCount = try args.int("--workers", default: configuration.workerCount, range: 1...256)
        configuration.errorResponder = WebApplication.errorResponder
        if args.has("--quiet") { configuration.accessLogger = HTTPAccessLog.disabled }

        let snapshot = try openIndex(args)
        AllocatorTuning.keepFreedMemory()
        let t = terminal
        let holder = IndexHolder(snapshot: snapshot, log: { t.warn("docsearch: \($0)") })
        let server = HTTPServer(configuration: configuration, handler: WebApplication(index: holder))
        try server.start()
        server.stopOnSignals()
        let shownHost = host.contains(":") ? "[\(host)]" : host
        terminal.warn("docsearch: serving \(snapshot.documentCount) plans from \(snapshot.directory) at http://\(shownHost):\(server.port)/ (Ctrl-C to stop)")
        server.waitUntilStopped()
        terminal.warn("docsearch: stopped")
        return 0
    }
}
