import ArgumentParser
import RegistryClient

/// `regconsole webhooks …`: Harbor's project webhook policies and their jobs.
struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract:
            "Harbor webhooks: policies per project (targets masked), their jobs and logs; enable, disable, delete.",
        subcommands: [
            WebhooksListCommand.self, WebhookJobsCommand.self, WebhookLogCommand.self, WebhookEnableCommand.self,
            WebhookDisableCommand.self, WebhookDeleteCommand.self,
        ])
}

/// `INSTANCE/PROJECT` of a `webhooks` command, on a Harbor instance.
struct WebhookScope {
    let target: DeliveryTarget<any WebhookManaging>
    /// The project's name; nil for `INSTANCE` alone (every project).
    let project: String?

    /// Reads `INSTANCE[/PROJECT]`; `needsProject` refuses `INSTANCE` alone.
    static func parse(
        _ text: String, context: CLIContext, needsProject: Bool = true, writing verb: String? = nil
    ) async throws -> WebhookScope {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let project = parts.count > 1 ? parts[1] : nil
        guard !parts[0].isEmpty, project.map({ !$0.isEmpty && !$0.contains("/") }) ?? !needsProject else {
            throw UsageError(description: "'\(text)' is not INSTANCE/PROJECT")
        }
        let target = try await DeliveryTarget<any WebhookManaging>.harbor(
            parts[0], context: context, command: "webhooks", writing: verb)
        return WebhookScope(target: target, project: project)
    }

    /// `instance/project`, as the commands take it back.
    var reference: String { "\(target.instance.name)/\(project ?? "")" }

    /// The policy `idOrName` of the project (its id, or its name when no id matches).
    func policy(_ idOrName: String) async throws -> WebhookPolicy {
        let project = project ?? ""
        let policies = try await target.naming("project", project, listedBy: "namespaces") {
            try await target.provider.webhookPolicies(project: project)
        }
        guard
            let policy = policies.first(where: { String($0.id) == idOrName })
                ?? policies.first(where: { $0.name == idOrName })
        else {
            throw RegistryError(
                .notFound, "\(reference) has no webhook policy '\(idOrName)'",
                hint: "list them with: regconsole webhooks list \(reference)")
        }
        return policy
    }
}
