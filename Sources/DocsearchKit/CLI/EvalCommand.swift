extension CommandLineTool {
    static let evalHelp = """
    usage: docsearch eval QRELS --docs DIR [--index DIR] [--json]

    Ranking quality on labelled questions: each QRELS line is
    id<TAB>question<TAB>relevant path(s), paths relative to DIR. Indexes DIR
    (incrementally) into the index, runs every question and prints recall@1,
    recall@5, recall@10 and MRR@10, as ../shared/tools/eval_qrels.py scores them.
    Example: docsearch eval ../shared/alqac2024/qrels.tsv --docs ../shared/alqac2024/docs --index /tmp/alqac-index
    """

    func eval(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, command: "eval", valued: ["--docs", "--index"], switches: ["--json", "--help"])
        if args.has("--help") { terminal.line(Self.evalHelp); return 0 }
        guard args.positionals.count == 1, let docs = args.value("--docs") else {
            throw CLIError.usage("eval: give a qrels file and --docs DIR (see `docsearch eval --help`)")
        }
        let questions = try RankingEvaluation.load(qrels: args.positionals[0])
        let dir = indexDirectory(args)
        let summary = try IndexWriter.run(IndexWriter.Options(directory: dir, roots: [docs]))
        reportProblems(summary)
        let report = try RankingEvaluation.run(questions, snapshot: IndexSnapshot.open(directory: dir), documents: docs)
        terminal.line(args.has("--json") ? JSONText.encode(report) : "docsearch: " + report.summary)
        return 0
    }
}
