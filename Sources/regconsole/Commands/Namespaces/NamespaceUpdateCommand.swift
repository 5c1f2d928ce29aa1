import ArgumentParser
import RegistryClient

/// `regconsole namespaces update INSTANCE/NAMESPACE`.
struct NamespaceUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change an ACR namespace's settings; others are kept.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The namespace.", valueName: "instance/namespace"))
    var target: String
    @OptionGroup var settings: NamespaceSettingsOptions

    func run() async throws {
        let context = try CLIContext(global)
        let (provider, name) = try await ManagedTarget.namespace(target, context: context)
        guard let current = try await provider.namespaces().collect().first(where: { $0.name == name }) else {
            throw RegistryError(
                .notFound, "\(provider.instance.name) has no namespace '\(name)'",
                hint: "list them with: regconsole namespaces \(provider.instance.name)")
        }
        let chosen = settings.applied(to: NamespaceSettings(current))
        try await context.management.saveNamespace(name, settings: chosen, isNew: false, on: provider)
        print(
            "updated namespace \(name) on \(provider.instance.name): \(chosen.defaultVisibility.rawValue.lowercased()), auto-create \(chosen.autoCreateRepositories)"
        )
    }
}
