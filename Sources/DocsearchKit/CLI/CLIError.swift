/// Errors of the command line, each with the exit status it gives.
public enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case unknownOption(command: String, option: String)
    case missingValue(option: String)
    case badValue(option: String, value: String, expected: String)
    case noCorpus(directory: String)

    public var description: String {
        switch self {
        case let .usage(s): return s
        case let .unknownOption(cmd, opt): return "\(cmd): unknown option \(opt) (see `docsearch \(cmd) --help`)"
        case let .missingValue(opt): return "option \(opt) needs a value"
        case let .badValue(opt, value, expected): return "option \(opt): \"\(value)\" is not \(expected)"
        case let .noCorpus(dir): return "there is no index yet and no \(dir)/ folder to build one from; run `docsearch index PATH…`"
        }
    }
}
