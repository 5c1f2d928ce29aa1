import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole replication …`: Harbor's replication policies, their executions, tasks and logs.
struct ReplicationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replication",
        abstract: "Harbor replication: policies, executions, tasks and logs; run, stop, enable, disable.",
        subcommands: [
            ReplicationPoliciesCommand.self, ReplicationExecutionsCommand.self, ReplicationTasksCommand.self,
            ReplicationLogCommand.self, ReplicationRunCommand.self, ReplicationStopCommand.self,
            ReplicationEnableCommand.self, ReplicationDisableCommand.self,
        ])
}

extension DeliveryTarget where Capability == any ReplicationPolicyManaging {
    /// The instance of a `replication` command.
    static func replication(_ text: String, context: CLIContext, writing verb: String? = nil) async throws -> Self {
        try await harbor(text, context: context, command: "replication policies and executions", writing: verb)
    }

    /// The policy `idOrName` (its id, or its name when no id matches).
    func policy(_ idOrName: String) async throws -> ReplicationPolicy {
        let policies = try await provider.replicationPolicies()
        guard
            let policy = policies.first(where: { String($0.id) == idOrName })
                ?? policies.first(where: { $0.name == idOrName })
        else { throw unknown("replication policy", idOrName, listedBy: "replication policies") }
        return policy
    }
}

/// An execution, task or policy id given on the command line.
enum NumericID {
    /// `text` as a positive id.
    /// - Throws: `ValidationError` naming `what`.
    static func parse(_ text: String, _ what: String) throws -> Int {
        guard let id = Int(text), id > 0 else { throw ValidationError("\(what) '\(text)' is not a number") }
        return id
    }
}

/// `regconsole replication enable INSTANCE POLICY`.
struct ReplicationEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: "Enable a replication policy (its trigger runs it again).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The Harbor instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("The policy's id or name (see `replication policies`).", valueName: "policy"))
    var policy: String

    func run() async throws {
        try await ReplicationSwitch.set(policy, on: instance, enabled: true, global: global)
    }
}

/// `regconsole replication disable INSTANCE POLICY`.
struct ReplicationDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable a replication policy (it no longer runs, not even by hand).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The Harbor instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("The policy's id or name (see `replication policies`).", valueName: "policy"))
    var policy: String

    func run() async throws {
        try await ReplicationSwitch.set(policy, on: instance, enabled: false, global: global)
    }
}

/// What `replication enable` and `disable` share.
enum ReplicationSwitch {
    static func set(_ idOrName: String, on instance: String, enabled: Bool, global: GlobalOptions) async throws {
        let context = try CLIContext(global)
        let verb = enabled ? "enable" : "disable"
        let target = try await DeliveryTarget.replication(
            instance, context: context, writing: "\(verb) replication policies")
        let policy = try await target.policy(idOrName)
        try await context.automation.setReplicationPolicy(policy, enabled: enabled, on: target.provider)
        print("\(verb)d replication policy \(policy.id) (\(policy.name)) of \(target.instance.name)")
    }
}
