import Foundation

/// Where the benchmark finds the shared tools and data and the release
/// `docsearch` binary. Defaults assume the package root as the working
/// directory (as `swift run` has it), with ../shared beside it.
struct BenchPaths {
    var shared: String
    var docsearchBinary: String

    static let sharedOption = "--shared"
    static let binaryOption = "--bin"

    init(_ args: BenchArguments) {
        shared = FileTools.absolute(args.value(Self.sharedOption) ?? "../shared")
        docsearchBinary = FileTools.absolute(args.value(Self.binaryOption) ?? Self.siblingBinary())
    }

    var genPlans: String { shared + "/tools/gen_plans.py" }
    var peersScript: String { shared + "/tools/peers/peers.py" }
    var peersSetup: String { shared + "/tools/peers/setup.sh" }
    var plansQueries: String { shared + "/tools/peers/queries-plans.txt" }
    var evalQrels: String { shared + "/tools/eval_qrels.py" }
    var alqacQrels: String { shared + "/alqac2024/qrels.tsv" }
    var alqacDocs: String { shared + "/alqac2024/docs" }
    static let peersPython = "/tmp/peers/venv/bin/python"

    /// The `docsearch` built beside this executable (.build/release/docsearch).
    static func siblingBinary() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (me as NSString).deletingLastPathComponent + "/docsearch"
    }

    /// Fails early with a clear message when the CLI binary is missing.
    func requireBinary() throws {
        guard FileManager.default.isExecutableFile(atPath: docsearchBinary) else {
            throw BenchError.missing(what: "the docsearch binary (build it: swift build -c release)", path: docsearchBinary)
        }
        if docsearchBinary.contains("/debug/") {
            print("WARNING: \(docsearchBinary) is a debug build; CLI figures will be slow")
        }
    }
}

/// Why a benchmark could not run.
enum BenchError: Error, CustomStringConvertible {
    case missing(what: String, path: String)
    case childFailed(command: String, status: Int32, log: String?)
    case badData(path: String, reason: String)
    case usage(String)

    var description: String {
        switch self {
        case let .missing(what, path): return "missing \(what): \(path)"
        case let .childFailed(command, status, log):
            return "\(command) failed with status \(status)" + (log.map { " (see \($0))" } ?? "")
        case let .badData(path, reason): return "\(path): \(reason)"
        case let .usage(text): return text
        }
    }
}
