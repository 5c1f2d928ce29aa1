import Foundation
import RegistryClient

/// Runs `:` command lines from any pane: resolves the argument the way the CLI resolves a
/// reference (an instance's name first, else relative to the current instance), opens the route's
/// panes, completes arguments across instances, and keeps the history. A command that cannot run
/// says why on the flash line; none is ignored silently.
@MainActor
final class CommandRouter {
    /// What the router needs of the console.
    struct Host {
        var context: any PaneContext
        /// Every instance, for resolving and completing names.
        var instances: () -> [Instance]
        /// The instance of the pane on top, if any.
        var currentInstance: () -> Instance?
        /// Where the user is.
        var currentLocation: () -> ViewLocation?
        /// Replaces everything above the instances pane.
        var reset: ([any Screen]) -> Void
        var showHelp: () -> Void
        var quit: () -> Void
    }

    /// Why a command line cannot run.
    struct Problem: Error {
        var message: String
    }

    private let host: Host
    private var history: CommandHistory
    let names: NameIndex

    init(host: Host, history: CommandHistory, names: NameIndex) {
        self.host = host
        self.history = history
        self.names = names
    }

    private var catalog: Catalog { host.context.catalog }

    // MARK: Running

    /// Runs a line, remembering it.
    func run(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        history.add(line)
        guard let command = ConsoleCommand.parse(line) else {
            host.context.showFlash(catalog[.unknownCommand, line], error: true)
            return
        }
        switch command.verb {
        case .quit: host.quit()
        case .help: host.showHelp()
        case .instances: host.reset([])
        case .open(let word):
            guard let route = PaneRoute.named(word) else { return }
            do {
                try open(route, argument: command.argument)
            } catch {
                host.context.showFlash(error.message, error: true)
            }
        }
    }

    private func open(_ route: PaneRoute, argument: String?) throws(Problem) {
        if route.target == .instance, argument == nil {
            host.reset([])
            return
        }
        if argument == nil, host.currentInstance() == nil, let everywhere = route.openEverywhere {
            let instances = host.instances().filter { $0.unavailableReason == nil }
            if instances.count > 1 {
                host.reset(everywhere(host.context, instances))
                return
            }
        }
        if route.target == .location, argument == nil, let location = host.currentLocation(),
            let instance = host.currentInstance()
        {
            // `:lifecycle` (and `L`) opens the rules of where the user is, on top.
            let here = PaneRoute.Resolved(
                instance: instance, namespace: location.namespace, repository: location.repository)
            if let pane = route.open(host.context, here).last { host.context.push(pane) }
            return
        }
        host.reset(route.open(host.context, try resolve(argument, for: route)))
    }

    /// Resolves a command's argument for its route.
    func resolve(_ argument: String?, for route: PaneRoute) throws(Problem) -> PaneRoute.Resolved {
        if route.target == .repositoryPair {
            let words = (argument ?? "").split(separator: " ").map(String.init)
            guard words.count == 2 else { throw Problem(message: catalog[.commandUsage, route.usage]) }
            let single = PaneRoute(
                word: route.word, aliases: [], target: .repository, usage: route.usage, summary: route.summary,
                open: route.open)
            var first = try resolve(words[0], for: single)
            let second = try resolve(words[1], for: single)
            first.other = (second.instance, second.repository ?? "")
            return first
        }
        let instances = host.instances()
        let trimmed = argument?.trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
        let text = trimmed?.isEmpty == false ? trimmed : nil
        var instance: Instance?
        var rest: String?
        if let text {
            let head = String(text.prefix { $0 != "/" })
            if let named = instances.first(where: { $0.name == head }) {
                instance = named
                rest = text.count > head.count ? String(text.dropFirst(head.count + 1)) : nil
            } else if route.target == .instance || route.target == .optionalInstance {
                throw Problem(message: unknownInstance(head, among: instances))
            } else {
                instance = host.currentInstance() ?? (instances.count == 1 ? instances.first : nil)
                rest = text
            }
        } else {
            instance = host.currentInstance() ?? (instances.count == 1 ? instances.first : nil)
        }
        guard let instance else {
            let head = text.map { String($0.prefix { $0 != "/" }) }
            if let head, !(text?.contains("/") ?? false) {
                throw Problem(message: unknownInstance(head, among: instances))
            }
            throw Problem(
                message: catalog[.commandNeedsInstance, route.usage, instances.map(\.name).joined(separator: ", ")])
        }
        var resolved = PaneRoute.Resolved(instance: instance)
        switch route.target {
        case .instance:
            break
        case .optionalInstance:
            guard rest == nil else { throw Problem(message: catalog[.commandUsage, route.usage]) }
        case .namespace, .optionalNamespace:
            guard rest?.contains("/") != true else { throw Problem(message: catalog[.commandUsage, route.usage]) }
            resolved.namespace = rest
        case .repository, .repositoryPair:
            guard let rest else { throw Problem(message: catalog[.commandUsage, route.usage]) }
            resolved.repository = rest
            resolved.namespace = Namespace.of(repository: rest)
        case .location:
            if let rest, rest.contains("/") {
                resolved.repository = rest
                resolved.namespace = Namespace.of(repository: rest)
            } else {
                resolved.namespace = rest
            }
        }
        return resolved
    }

    private func unknownInstance(_ name: String, among instances: [Instance]) -> String {
        catalog[.unknownInstance, name]
            + (instances.isEmpty ? "" : " · " + catalog[.knownInstances, instances.map(\.name).joined(separator: ", ")])
    }

    // MARK: Completion

    /// The completion of a line being typed: command words, then instance names and the namespace
    /// and repository names of the current instance (relative) or of a named one (`INSTANCE/…`).
    func completion(_ line: String) -> String? {
        ConsoleCommand.complete(line) { route in candidates(for: route, typed: line) }
    }

    private func candidates(for route: PaneRoute, typed line: String) -> [String] {
        let instances = host.instances().map(\.name)
        guard route.target != .instance, route.target != .optionalInstance else { return instances }
        let typed = line.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        var candidates = instances.map { $0 + "/" }
        let head = String(typed.prefix { $0 != "/" })
        if typed.contains("/"), instances.contains(head) {
            candidates += names(for: route, in: head).map { "\(head)/\($0)" }
        }
        if let current = host.currentInstance()?.name {
            candidates += names(for: route, in: current)
        }
        return candidates
    }

    private func names(for route: PaneRoute, in instance: String) -> [String] {
        switch route.target {
        case .instance, .optionalInstance: []
        case .namespace, .optionalNamespace: names.namespaces(of: instance)
        case .repository, .repositoryPair: names.repositories(of: instance)
        case .location: names.namespaces(of: instance) + names.repositories(of: instance)
        }
    }

    // MARK: History

    /// The line run before the one shown.
    func previousLine() -> String? { history.previous() }

    /// The line run after the one shown.
    func nextLine() -> String? { history.next() }

    /// A new prompt starts from the newest line.
    func rewindHistory() { history.rewind() }
}
