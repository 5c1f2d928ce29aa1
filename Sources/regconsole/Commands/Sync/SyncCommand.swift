import ArgumentParser
import RegistryClient

/// `regconsole sync …`: ACR's replication of images to other instances.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract:
            "ACR replication: sync rules, the tasks they start; run a rule, cancel a task; the drift between any two repositories.",
        subcommands: [
            SyncRulesCommand.self, SyncTasksCommand.self, SyncRunCommand.self, SyncCancelCommand.self,
            SyncRuleCommand.self, SyncDriftCommand.self,
        ])
}

extension DeliveryTarget where Capability == any Replicating {
    /// The instance of a `sync` command.
    static func sync(_ text: String, context: CLIContext, writing verb: String? = nil) async throws -> Self {
        try await instance(text, context: context, command: "sync rules and tasks", writing: verb)
    }

    /// The rule `idOrName` (its id, or its name when no id matches).
    func rule(_ idOrName: String) async throws -> SyncRule {
        let rules = try await provider.syncRules(namespace: nil, repository: nil)
        guard let rule = rules.first(where: { $0.id == idOrName }) ?? rules.first(where: { $0.name == idOrName })
        else { throw unknown("sync rule", idOrName, listedBy: "sync rules") }
        return rule
    }
}

extension SyncRule.Scope {
    /// `repo`, `namespace` or `instance`, the CLI's words.
    var word: String {
        switch self {
        case .repository: "repo"
        case .namespace: "namespace"
        case .instance: "instance"
        }
    }
}

extension SyncRule.Trigger {
    /// `automatic` (on push) or `manual`.
    var word: String {
        switch self {
        case .automatic: "automatic"
        case .manual: "manual"
        }
    }
}
