import ArgumentParser
import RegistryClient

/// `regconsole lifecycle delete INSTANCE ID`: removes a rule (no tags are touched).
struct LifecycleDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a lifecycle rule (tags are not touched).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: "The rule's id.")
    var id: String

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await LifecycleTarget(instance, context: context)
        try target.requireWritable()
        try await target.provider.lifecycleRuleStore(directories: context.directories).delete(id: id)
        print("deleted rule \(id) of \(instance)")
    }
}
