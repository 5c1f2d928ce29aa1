/// A `:` command line, parsed: the command word (aliases resolved, k9s-style: `:ctx`, `:ns`,
/// `:repos`, `:tags`, `:q`) and its argument as typed.
struct ConsoleCommand: Equatable {
    /// What the command does.
    enum Verb: Equatable {
        /// Opens the panes of a route.
        case open(String)
        case instances
        case help
        case quit
    }

    var verb: Verb
    /// The reference after the command word, if any.
    var argument: String?

    init(verb: Verb, argument: String? = nil) {
        self.verb = verb
        self.argument = argument
    }

    /// Command words that do not open a route.
    private static let builtins: [String: Verb] = [
        "instances": .instances, "i": .instances, "help": .help, "h": .help, "?": .help,
        "q": .quit, "q!": .quit, "quit": .quit, "exit": .quit,
    ]

    /// The words offered when completing the first word.
    static var words: [String] { PaneRoute.all.map(\.word) + ["instances", "help", "quit"] }

    /// Parses a line; nil for an unknown command word.
    static func parse(_ line: String) -> ConsoleCommand? {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first?.lowercased() else { return nil }
        let argument = parts.count > 1 ? parts[1...].joined(separator: " ") : nil
        if let verb = builtins[first] { return ConsoleCommand(verb: verb, argument: argument) }
        guard let route = PaneRoute.named(first) else { return nil }
        return ConsoleCommand(verb: .open(route.word), argument: argument)
    }

    /// The completion of `line`: the first word from the command words, the argument from
    /// `arguments(route)`. Nil when nothing (or nothing new) completes it.
    static func complete(_ line: String, arguments: (PaneRoute) -> [String]) -> String? {
        let parts = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if parts.count <= 1 {
            let prefix = line.lowercased()
            guard !prefix.isEmpty else { return nil }
            return words.first { $0.hasPrefix(prefix) && $0 != prefix }
        }
        guard let route = PaneRoute.named(parts[0].lowercased()) else { return nil }
        let typed = parts[1...].joined(separator: " ")
        guard let match = arguments(route).sorted().first(where: { $0.hasPrefix(typed) && $0 != typed }) else {
            return nil
        }
        return parts[0] + " " + match
    }
}
