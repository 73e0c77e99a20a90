import Foundation

/// Entry point of the `docsearch` executable.
public enum CommandLineTool {
    public static func run(arguments: [String]) -> Int32 {
        FileHandle.standardError.write("docsearch: not wired yet\n".data(using: .utf8)!)
        return 2
    }
}
