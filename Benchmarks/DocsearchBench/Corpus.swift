import Foundation

/// A folder of generated plans (gen_plans.py): its text files, their size,
/// and the manifest's ground truth of what each plan cites.
struct Corpus {
    let directory: String
    let files: [(path: String, size: Int)]
    var textBytes: Int { files.reduce(0) { $0 + $1.size } }

    /// What to give `docsearch index`: the plans/ folder of a generated corpus,
    /// so that manifest.jsonl is not indexed as one more document (the peers
    /// index only *.txt files); else the folder itself.
    var indexRoot: String { Self.indexRoot(of: directory) }

    static func indexRoot(of directory: String) -> String {
        FileTools.exists(directory + "/plans") ? directory + "/plans" : directory
    }

    init(directory: String) throws {
        self.directory = FileTools.absolute(directory)
        files = FileTools.textFiles(below: self.directory)
        guard !files.isEmpty else { throw BenchError.badData(path: self.directory, reason: "no .txt files") }
    }

    /// Uses `directory` when it exists; otherwise generates `count` plans with
    /// gen_plans.py (seed 1) into a private folder and renames it into place,
    /// so a half-written corpus never carries the final name. An existing
    /// corpus is never rewritten.
    static func ensure(directory: String, count: Int?, paths: BenchPaths) throws -> Corpus {
        let dir = FileTools.absolute(directory)
        if !FileTools.exists(dir) {
            guard let count else {
                throw BenchError.usage("\(dir) does not exist; give --count N to generate it")
            }
            let partial = dir + ".bench-partial-\(getpid())"
            FileTools.remove(partial)
            print("generating \(count) plans into \(dir) (gen_plans.py --seed 1)…")
            let outcome = try ChildProcess.run("python3", [paths.genPlans, "--out", partial, "--count", String(count), "--seed", "1"],
                                               stdout: .discard)
            guard outcome.succeeded else {
                throw BenchError.childFailed(command: "gen_plans.py --out \(partial)", status: outcome.exitCode, log: nil)
            }
            // Another run may have finished the same corpus meanwhile: keep theirs.
            if rename(partial, dir) != 0 { FileTools.remove(partial) }
            print("generated in \(Format.seconds(outcome.seconds))")
        }
        return try Corpus(directory: dir)
    }

    /// How many plans the manifest says cite a document of this kind code and
    /// number (any issuer): "CT" + "20" counts 20-CT/TW and 20/CT-TTg.
    func manifestCiting(number: String, codePrefix: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: directory + "/manifest.jsonl") else { return nil }
        var plans = 0
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let cites = obj["cites"] as? [String] else { continue }
            let match = cites.contains { symbol in
                let s = symbol.precomposedStringWithCanonicalMapping
                guard let sep = s.firstIndex(where: { $0 == "-" || $0 == "/" }) else { return false }
                return s[..<sep] == number && s[s.index(after: sep)...].hasPrefix(codePrefix)
            }
            if match { plans += 1 }
        }
        return plans
    }
}

/// The two citation queries every table reports hits for, with the symbol
/// parts that decide which plans truly cite them.
struct ReferenceQuery {
    let text: String
    let number: String
    let codePrefix: String

    static let directive20 = ReferenceQuery(text: "Chỉ thị 20", number: "20", codePrefix: "CT")
    static let decision1373 = ReferenceQuery(text: "Quyết định 1373", number: "1373", codePrefix: "QĐ")
    static let all = [directive20, decision1373]
}
