import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The machine a run happened on, printed with every result: figures from a
/// shared 2-core box mean little without its load.
struct Machine {
    var cores: Int
    var cpuModel: String
    var memoryBytes: Int
    var kernel: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        var uts = utsname()
        uname(&uts)
        let release = withUnsafeBytes(of: uts.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return Machine(cores: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), cpuModel: model,
                       memoryBytes: meminfo("MemTotal") ?? 0, kernel: "Linux " + release)
    }

    /// The 1, 5 and 15 minute load averages, as /proc/loadavg has them.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// A field of /proc/meminfo in bytes.
    static func meminfo(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let kb = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return kb.map { $0 * 1024 }
        }
        return nil
    }

    var description: String {
        "\(cores) cores (nproc), \(cpuModel), \(Format.bytes(memoryBytes)) RAM, \(kernel)"
    }

    /// Prints the machine, the load, the build mode and the exact command.
    static func printHeader(title: String) {
        print("# \(title)")
        print("machine: \(current().description)")
        print("load average at start: \(loadAverage()) (the machine is shared; other work may be running)")
        #if DEBUG
        print("WARNING: this is a debug build of docsearch-bench; run `swift run -c release docsearch-bench …`")
        #endif
        let args = CommandLine.arguments.dropFirst().map(shellQuoted).joined(separator: " ")
        print("command: cd \(shellQuoted(FileManager.default.currentDirectoryPath)) && \(shellQuoted(CommandLine.arguments[0])) \(args)")
        print("         (the same as: swift run -c release docsearch-bench \(args))")
        print()
    }

    static func shellQuoted(_ s: String) -> String {
        let plain = s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=:,@".unicodeScalars.contains($0) }
        return plain && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
