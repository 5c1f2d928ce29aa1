import ArgumentParser
import RegistryClient

/// `regconsole repos delete INSTANCE/NAMESPACE/NAME [--yes]`.
struct RepoDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete an ACR repository and every tag in it (type its name, or --yes).")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let (provider, repository) = try await ManagedTarget.repository(target, context: context)
        try provider.instance.requireWritable(to: "delete")
        try Confirmation.ask(
            "delete repository \(repository) of \(provider.instance.name) and every tag in it", typing: repository,
            yes: yes)
        try await context.management.deleteRepository(repository, on: provider)
        print("deleted repository \(repository) of \(provider.instance.name)")
    }
}
