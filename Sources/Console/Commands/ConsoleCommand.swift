/// A `:` command line, parsed. Aliases follow k9s (`:ctx`, `:ns`, `:repos`, `:tags`, `:q`).
enum ConsoleCommand: Equatable {
    case context(String?)
    case namespace(String)
    case repositories(filter: String?)
    case tags(String)
    case vulnerabilities(namespace: String?)
    case lifecycle
    case instances
    case help
    case quit

    /// Command words and the commands they stand for.
    static let aliases: [String: String] = [
        "ctx": "ctx", "context": "ctx", "instance": "ctx", "instances": "instances", "i": "instances",
        "ns": "ns", "namespace": "ns", "namespaces": "ns",
        "repos": "repos", "repo": "repos", "repositories": "repos", "r": "repos",
        "tags": "tags", "tag": "tags", "t": "tags",
        "vulns": "vulns", "vulnerabilities": "vulns", "v": "vulns",
        "lifecycle": "lifecycle", "lc": "lifecycle", "retention": "lifecycle",
        "help": "help", "h": "help", "?": "help",
        "q": "quit", "q!": "quit", "quit": "quit", "exit": "quit",
    ]

    /// The words offered when completing the first word.
    static let words = ["ctx", "ns", "repos", "tags", "vulns", "lifecycle", "instances", "help", "quit"]

    /// Parses a line; nil for an unknown command or missing argument.
    static func parse(_ line: String) -> ConsoleCommand? {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first, let word = aliases[first.lowercased()] else { return nil }
        let argument = parts.count > 1 ? parts[1...].joined(separator: " ") : nil
        switch word {
        case "ctx": return .context(argument)
        case "instances": return .instances
        case "ns": return argument.map(ConsoleCommand.namespace)
        case "repos": return .repositories(filter: argument)
        case "tags": return argument.map(ConsoleCommand.tags)
        case "vulns": return .vulnerabilities(namespace: argument)
        case "lifecycle": return .lifecycle
        case "help": return .help
        default: return .quit
        }
    }

    /// The completion of `line`: the first word from the command words, the argument from
    /// `arguments(commandWord)`. Nil when nothing (or nothing new) completes it.
    static func complete(_ line: String, arguments: (String) -> [String]) -> String? {
        let parts = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if parts.count <= 1 {
            let prefix = line.lowercased()
            guard !prefix.isEmpty else { return nil }
            return words.first { $0.hasPrefix(prefix) && $0 != prefix }.map { $0 }
        }
        guard let word = aliases[parts[0].lowercased()] else { return nil }
        let typed = parts[1...].joined(separator: " ")
        guard let match = arguments(word).sorted().first(where: { $0.hasPrefix(typed) && $0 != typed }) else { return nil }
        return parts[0] + " " + match
    }
}
