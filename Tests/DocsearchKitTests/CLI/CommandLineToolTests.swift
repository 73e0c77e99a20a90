import XCTest
@testable import DocsearchKit

final class CommandLineToolTests: XCTestCase {
    /// Runs the CLI in-process; returns (status, stdout, stderr).
    private func run(_ args: [String], env: [String: String] = [:]) -> (Int32, String, String) {
        var out = "", err = ""
        let t = Terminal(out: { out += $0 }, err: { err += $0 }, stdoutIsTTY: false, stderrIsTTY: false)
        let status = CommandLineTool(terminal: t, environment: env).run(args)
        return (status, out, err)
    }

    private var index: String { Fixtures.seedIndex.dir }

    func testSearchExitStatusAndText() {
        let (s, out, _) = run(["Chỉ thị 20", "--index", index])
        XCTAssertEqual(s, 0)
        XCTAssertTrue(out.contains("Tổng kết, đánh giá 10 năm"), out)
        XCTAssertTrue(out.contains("20-CT/TW"))
        XCTAssertEqual(run(["search", "zzyzx qwertyuiop", "--index", index]).0, 1)
    }

    /// A page of results, with its facets, is written in one piece (one
    /// system call), the same text as line by line.
    func testSearchResultsAreWrittenAtOnce() {
        var writes: [String] = []
        let t = Terminal(out: { writes.append($0) }, err: { _ in }, stdoutIsTTY: false, stderrIsTTY: false)
        XCTAssertEqual(CommandLineTool(terminal: t, environment: [:]).run(["kế hoạch", "--index", index]), 0)
        XCTAssertEqual(writes.count, 1)
        let text = writes.joined()
        XCTAssertTrue(text.hasPrefix("5 plans for \"kế hoạch\"\n"), text)
        XCTAssertTrue(text.contains("\n5. "), text)
        XCTAssertTrue(text.contains("facets:"), text)
    }

    func testSearchJSONShape() throws {
        let (s, out, _) = run(["search", "Quyết định 1373", "--json", "--index", index])
        XCTAssertEqual(s, 0)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        XCTAssertEqual(json["query"] as? String, "Quyết định 1373")
        XCTAssertEqual(json["total"] as? Int, 1)
        let hit = try XCTUnwrap((json["hits"] as? [[String: Any]])?.first)
        for key in ["id", "path", "score", "title", "citations", "snippet", "issuer", "date"] {
            XCTAssertNotNil(hit[key], key)
        }
        XCTAssertTrue((hit["path"] as? String)?.hasSuffix(Fixtures.Seed.haQuang.rawValue) ?? false)
    }

    func testIndexDirectoryFromEnvironment() throws {
        XCTAssertEqual(run(["Chỉ thị 20"], env: ["DOCSEARCH_INDEX": index]).0, 0)
        // The real binary reads the variable from its own environment.
        let elsewhere = try Fixtures.scratch("no-index-here")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let process = try RobustnessSupport.start(["Chỉ thị 20"], in: elsewhere, environment: ["DOCSEARCH_INDEX": index])
        let out = process.stdout.fileHandleForReading.readDataToEndOfFile()
        process.process.waitUntilExit()
        XCTAssertEqual(process.process.terminationStatus, 0)
        XCTAssertTrue(String(decoding: out, as: UTF8.self).contains("20-CT/TW"))
    }

    func testCitesReturnsExactlyTheCitingPlans() throws {
        let (s, out, _) = run(["cites", "Chỉ thị 44-CT/TW", "--json", "--index", index])
        XCTAssertEqual(s, 0)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let paths = (json["hits"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        XCTAssertEqual(paths.map { ($0 as NSString).lastPathComponent }, [Fixtures.Seed.longAn.rawValue])
        let (bad, _, err) = run(["cites", "bình đẳng giới", "--index", index])
        XCTAssertEqual(bad, 2)
        XCTAssertTrue(err.contains("not a document reference"))
    }

    func testShowByFileNameAndJSON() throws {
        let (s, out, _) = run(["show", "long-an-sgddt-2023-nhan-quyen", "--index", index])
        XCTAssertEqual(s, 0)
        XCTAssertTrue(out.contains("2421/KH-SGDĐT"))
        XCTAssertTrue(out.contains("44-CT/TW"))
        let (_, json, _) = run(["show", "long-an-sgddt-2023-nhan-quyen.txt", "--json", "--index", index])
        let record = try JSONDecoder().decode(PlanRecord.self, from: Data(json.utf8))
        XCTAssertEqual(record.year, 2023)
        XCTAssertEqual(run(["show", "no-such-plan", "--index", index]).0, 2)
    }

    func testBadOptionsAndIndexesGiveClearErrors() throws {
        let (s1, _, e1) = run(["search", "x", "--limit", "lots", "--index", index])
        XCTAssertEqual(s1, 2)
        XCTAssertTrue(e1.contains("--limit"))
        let (s2, _, e2) = run(["search", "x", "--bogus"])
        XCTAssertEqual(s2, 2)
        XCTAssertTrue(e2.contains("--bogus"))
        let damaged = try Fixtures.scratch("damaged").path
        try Data("not a manifest at all, just words".utf8).write(to: URL(fileURLWithPath: damaged + "/MANIFEST"))
        let (s3, _, e3) = run(["search", "x", "--index", damaged])
        XCTAssertEqual(s3, 2)
        XCTAssertTrue(e3.contains("MANIFEST") && e3.contains("docsearch index --rebuild"), e3)
    }

    func testIndexCommandSummaryAndSkippedFiles() throws {
        let corpus = try Fixtures.corpusCopy()
        try Data().write(to: corpus.appendingPathComponent("empty.txt"))
        let idx = try Fixtures.scratch("cli-index").path
        let (s, out, err) = run(["index", corpus.path, "--index", idx])
        XCTAssertEqual(s, 1, "a skipped file makes the status 1")
        XCTAssertTrue(err.contains("empty.txt: skipped: empty file"), err)
        XCTAssertTrue(out.contains("5 plans"), out)
        XCTAssertTrue(out.contains("citations"), out)
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("empty.txt"))
        XCTAssertEqual(run(["index", "--index", idx]).0, 0)
    }

    func testIndexMaxFileSize() throws {
        let corpus = try Fixtures.corpusCopy()
        defer { try? FileManager.default.removeItem(at: corpus) }
        let plan = try Fixtures.text(.haQuang)
        var text = ""
        while text.utf8.count <= 1 << 20 { text += plan + "\n" }
        try text.write(to: corpus.appendingPathComponent("tong-hop.txt"), atomically: false, encoding: .utf8)
        let idx = try Fixtures.scratch("cli-max-size").path
        for bad in ["0", "lots", "70000"] {
            let (s, _, err) = run(["index", corpus.path, "--index", idx, "--max-file-size", bad])
            XCTAssertEqual(s, 2, bad)
            XCTAssertTrue(err.contains("--max-file-size") && err.contains(bad), err)
        }
        XCTAssertThrowsError(try IndexSnapshot.open(directory: idx), "a refused option builds nothing")
        let (s1, out1, err1) = run(["index", corpus.path, "--index", idx, "--max-file-size", "1"])
        XCTAssertEqual(s1, 1, "a skipped file makes the status 1")
        XCTAssertTrue(err1.contains("tong-hop.txt: skipped: file too large: 1.1 MB (the limit is 1 MB;"), err1)
        XCTAssertTrue(out1.contains("5 plans"), out1)
        let (s2, out2, err2) = run(["index", corpus.path, "--index", idx, "--max-file-size", "2"])
        XCTAssertEqual(s2, 0, err2)
        XCTAssertTrue(out2.contains("6 plans") && out2.contains("1 added"), out2)
    }

    func testEveryCommandHasHelp() {
        for cmd in ["search", "index", "cites", "show"] {
            let (s, out, _) = run([cmd, "--help"])
            XCTAssertEqual(s, 0, cmd)
            XCTAssertTrue(out.contains("usage: docsearch \(cmd)"), cmd)
        }
    }
}
