import ArgumentParser
import RegistryClient

/// `regconsole repos create INSTANCE/NAMESPACE/NAME --summary TEXT`.
struct RepoCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an ACR repository (private, mutable tags, unless told otherwise).")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The new repository.", valueName: "instance/namespace/name"),
        completion: Completions.reference)
    var target: String
    @OptionGroup var settings: RepositorySettingsOptions

    func run() async throws {
        let context = try CLIContext(global)
        let (provider, repository) = try await ManagedTarget.repository(target, context: context)
        let chosen = try settings.applied(to: RepositorySettings(summary: ""))
        try await context.management.saveRepository(repository, settings: chosen, isNew: true, on: provider)
        print(
            "created repository \(repository) on \(provider.instance.name): \(chosen.visibility.rawValue.lowercased()), immutable tags \(chosen.tagImmutability)"
        )
    }
}
