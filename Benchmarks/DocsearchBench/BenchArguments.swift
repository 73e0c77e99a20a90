/// The words after the mode: `--name value` options, `--flag` switches.
struct BenchArguments {
    enum Failure: Error, CustomStringConvertible {
        case unknownOption(String)
        case missingValue(String)
        case badNumber(option: String, value: String)
        case badSeconds(option: String, value: String)

        var description: String {
            switch self {
            case let .unknownOption(o): return "unknown option \(o)"
            case let .missingValue(o): return "\(o) needs a value"
            case let .badNumber(o, v): return "\(o) wants a positive whole number, not \"\(v)\""
            case let .badSeconds(o, v): return "\(o) wants a positive number of seconds, not \"\(v)\""
            }
        }
    }

    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []

    init(_ words: [String], valued: Set<String>, switches: Set<String>) throws {
        var i = 0
        while i < words.count {
            let w = words[i]
            if valued.contains(w) {
                guard i + 1 < words.count else { throw Failure.missingValue(w) }
                values[w] = words[i + 1]
                i += 2
            } else if switches.contains(w) {
                flags.insert(w)
                i += 1
            } else {
                throw Failure.unknownOption(w)
            }
        }
    }

    func value(_ name: String) -> String? { values[name] }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    func int(_ name: String, default fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let n = Int(text), n > 0 else { throw Failure.badNumber(option: name, value: text) }
        return n
    }
}
