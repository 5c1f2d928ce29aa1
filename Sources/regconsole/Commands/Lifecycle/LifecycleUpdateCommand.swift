import ArgumentParser
import RegistryClient

/// `regconsole lifecycle update INSTANCE ID [--keep N] …`: changes the given fields, keeps the rest.
struct LifecycleUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change fields of a lifecycle rule; the others stay as they are.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: "The rule's id.")
    var id: String
    @OptionGroup var fields: LifecycleRuleOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await LifecycleTarget(instance, context: context)
        try target.requireWritable()
        let store = target.provider.lifecycleRuleStore(directories: context.directories)
        guard let existing = try await store.rules().first(where: { $0.id == id }) else {
            throw UsageError(
                description: "\(instance) has no lifecycle rule '\(id)'; see `regconsole lifecycle list \(instance)`")
        }
        let saved = try await store.save(try fields.applied(to: existing))
        print("updated rule \(saved.id) on \(instance): \(saved.scope), keep \(saved.keepSummary)")
    }
}
