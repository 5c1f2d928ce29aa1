import ArgumentParser
import RegistryClient

/// `regconsole repos update INSTANCE/NAMESPACE/NAME`.
struct RepoUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change an ACR repository's settings; others are kept.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @OptionGroup var settings: RepositorySettingsOptions

    func run() async throws {
        let context = try CLIContext(global)
        let (provider, repository) = try await ManagedTarget.repository(target, context: context)
        let listed = try await provider.repositories(namespace: Namespace.of(repository: repository)).collect()
        guard let current = listed.first(where: { $0.name == repository }) else {
            throw RegistryError(
                .notFound, "\(provider.instance.name) has no repository '\(repository)'",
                hint:
                    "list them with: regconsole repos \(provider.instance.name)/\(Namespace.of(repository: repository))"
            )
        }
        let chosen = try settings.applied(to: RepositorySettings(current))
        try await context.management.saveRepository(repository, settings: chosen, isNew: false, on: provider)
        print(
            "updated repository \(repository) on \(provider.instance.name): \(chosen.visibility.rawValue.lowercased()), immutable tags \(chosen.tagImmutability)"
        )
    }
}
