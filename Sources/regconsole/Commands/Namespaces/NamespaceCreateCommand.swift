import ArgumentParser
import RegistryClient

/// `regconsole namespaces create INSTANCE/NAMESPACE`.
struct NamespaceCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an ACR namespace (private, created on push, unless told otherwise).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The new namespace.", valueName: "instance/namespace"))
    var target: String
    @OptionGroup var settings: NamespaceSettingsOptions

    func run() async throws {
        let context = try CLIContext(global)
        let (provider, name) = try await ManagedTarget.namespace(target, context: context)
        let chosen = settings.applied(to: NamespaceSettings())
        try await context.management.saveNamespace(name, settings: chosen, isNew: true, on: provider)
        print(
            "created namespace \(name) on \(provider.instance.name): \(chosen.defaultVisibility.rawValue.lowercased()), auto-create \(chosen.autoCreateRepositories)"
        )
    }
}
