import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs another program and waits for it with wait4(2), which gives its
/// resource usage: the wall time from spawn to exit and the peak resident
/// memory (ru_maxrss) of that child alone.
struct ChildProcess {
    enum Output {
        case inherit
        case discard
        case file(String)
    }

    struct Outcome {
        var exitCode: Int32
        /// Set when the child was killed by a signal.
        var signal: Int32?
        var seconds: Double
        /// Peak resident set size in kilobytes.
        var maxRSSKilobytes: Int
        /// User + system CPU seconds of the child: unlike wall time, barely
        /// changed by other work on a shared machine.
        var cpuSeconds: Double
        var succeeded: Bool { signal == nil && exitCode == 0 }
    }

    enum Failure: Error, CustomStringConvertible {
        case cannotSpawn(program: String, errno: Int32)
        case cannotWait(program: String, errno: Int32)

        var description: String {
            switch self {
            case let .cannotSpawn(p, e): return "cannot start \(p): \(String(cString: strerror(e)))"
            case let .cannotWait(p, e): return "cannot wait for \(p): \(String(cString: strerror(e)))"
            }
        }
    }

    /// Starts `program` (looked up in PATH when it has no slash) with `arguments`.
    static func run(_ program: String, _ arguments: [String], stdout: Output = .inherit,
                    stderr: Output = .inherit) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, output) in [(Int32(1), stdout), (Int32(2), stderr)] {
            switch output {
            case .inherit: break
            case .discard: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0)
            case let .file(path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            }
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }

        var pid = pid_t()
        let start = Clock.nanoseconds()
        let rc = program.contains("/")
            ? posix_spawn(&pid, program, &actions, nil, argv, environ)
            : posix_spawnp(&pid, program, &actions, nil, argv, environ)
        guard rc == 0 else { throw Failure.cannotSpawn(program: program, errno: rc) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw Failure.cannotWait(program: program, errno: errno) }
        }
        let seconds = Double(Clock.nanoseconds() - start) / 1e9
        // The wait status layout of Linux: low 7 bits the signal, next byte the exit code.
        let signal = status & 0x7f
        return Outcome(exitCode: (status >> 8) & 0xff, signal: signal == 0 ? nil : signal,
                       seconds: seconds, maxRSSKilobytes: usage.ru_maxrss, cpuSeconds: CPUTime.seconds(usage))
    }

    /// Runs a program and returns what it printed on standard output.
    static func capture(_ program: String, _ arguments: [String], stderr: Output = .inherit) throws -> (Outcome, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("docsearch-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out").path
        defer { unlink(file) }
        let outcome = try run(program, arguments, stdout: .file(file), stderr: stderr)
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        return (outcome, text)
    }
}

/// CPU time from getrusage(2).
enum CPUTime {
    static func seconds(_ u: rusage) -> Double {
        Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
    }

    /// CPU seconds used so far by this process, all threads.
    static func ofThisProcess() -> Double {
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
        return seconds(u)
    }
}
