import ArgumentParser
import RegistryClient

/// `regconsole webhooks enable INSTANCE/PROJECT POLICY`.
struct WebhookEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a webhook policy.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The project.", valueName: "instance/project"), completion: Completions.reference)
    var scope: String
    @Argument(help: ArgumentHelp("The policy's id or name.", valueName: "policy"))
    var policy: String

    func run() async throws {
        try await WebhookSwitch.set(policy, in: scope, enabled: true, global: global)
    }
}

/// `regconsole webhooks disable INSTANCE/PROJECT POLICY`.
struct WebhookDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable a webhook policy (events are no longer sent).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The project.", valueName: "instance/project"), completion: Completions.reference)
    var scope: String
    @Argument(help: ArgumentHelp("The policy's id or name.", valueName: "policy"))
    var policy: String

    func run() async throws {
        try await WebhookSwitch.set(policy, in: scope, enabled: false, global: global)
    }
}

/// What `webhooks enable` and `disable` share.
enum WebhookSwitch {
    static func set(_ idOrName: String, in text: String, enabled: Bool, global: GlobalOptions) async throws {
        let context = try CLIContext(global)
        let verb = enabled ? "enable" : "disable"
        let scope = try await WebhookScope.parse(text, context: context, writing: "\(verb) webhook policies")
        let policy = try await scope.policy(idOrName)
        try await context.automation.setWebhookPolicy(policy, enabled: enabled, on: scope.target.provider)
        print("\(verb)d webhook policy \(policy.id) (\(policy.name)) of \(scope.reference)")
    }
}

/// `regconsole webhooks delete INSTANCE/PROJECT POLICY [--yes]`.
struct WebhookDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a webhook policy and its job history (confirm, or --yes).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The project.", valueName: "instance/project"), completion: Completions.reference)
    var scope: String
    @Argument(help: ArgumentHelp("The policy's id or name.", valueName: "policy"))
    var policy: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let scope = try await WebhookScope.parse(scope, context: context, writing: "delete webhook policies")
        let found = try await scope.policy(policy)
        try scope.target.confirm(
            "delete webhook policy \(found.id) (\(found.name)) of \(scope.reference)", id: String(found.id), yes: yes)
        try await context.automation.deleteWebhookPolicy(found, on: scope.target.provider)
        print("deleted webhook policy \(found.id) (\(found.name)) of \(scope.reference)")
    }
}
