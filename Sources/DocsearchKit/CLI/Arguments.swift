/// The words after a command: options with or without values, and positionals.
struct Arguments {
    var positionals: [String] = []
    var flags = Set<String>()
    var values: [String: [String]] = [:]

    /// `valued` options take the next word (or `--opt=value`); `switches` take none.
    init(_ words: [String], command: String, valued: Set<String>, switches: Set<String>) throws {
        var i = 0
        var onlyPositionals = false
        while i < words.count {
            let w = words[i]
            i += 1
            if onlyPositionals || !w.hasPrefix("-") || w == "-" || Self.isNegativeNumber(w) {
                positionals.append(w)
                continue
            }
            if w == "--" { onlyPositionals = true; continue }
            var name = w, inline: String? = nil
            if let eq = w.firstIndex(of: "="), w.hasPrefix("--") {
                name = String(w[..<eq])
                inline = String(w[w.index(after: eq)...])
            }
            if name == "-h" { name = "--help" }
            if switches.contains(name) {
                flags.insert(name)
            } else if valued.contains(name) {
                if let inline { values[name, default: []].append(inline); continue }
                guard i < words.count else { throw CLIError.missingValue(option: name) }
                values[name, default: []].append(words[i])
                i += 1
            } else if w.hasPrefix("-") && !w.hasPrefix("--") && w.count > 1 {
                // "-word" in a query means "without word": keep it as text.
                positionals.append(w)
            } else {
                throw CLIError.unknownOption(command: command, option: name)
            }
        }
    }

    static func isNegativeNumber(_ w: String) -> Bool { w.count > 1 && w.dropFirst().allSatisfy(\.isNumber) }

    func value(_ name: String) -> String? { values[name]?.last }
    func has(_ name: String) -> Bool { flags.contains(name) }

    func int(_ name: String, default d: Int, range: ClosedRange<Int>) throws -> Int {
        guard let v = value(name) else { return d }
        guard let n = Int(v), range.contains(n) else {
            throw CLIError.badValue(option: name, value: v, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
