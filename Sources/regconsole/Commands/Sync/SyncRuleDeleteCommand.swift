import ArgumentParser
import RegistryClient

/// `regconsole sync rule delete INSTANCE RULE [--yes]`.
struct SyncRuleDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a sync rule (confirm, or --yes); its tasks stay listed.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("The rule's id or name (see `sync rules`).", valueName: "rule"))
    var rule: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.sync(instance, context: context, writing: "delete sync rules")
        let found = try await target.rule(rule)
        try target.confirm(
            "delete sync rule \(found.id) (\(found.name)) of \(target.instance.name)", id: found.id, yes: yes)
        try await target.naming("sync rule", found.id, listedBy: "sync rules") {
            try await context.replication.deleteSyncRule(found, on: target.provider)
        }
        print("deleted sync rule \(found.id) of \(target.instance.name)")
    }
}
