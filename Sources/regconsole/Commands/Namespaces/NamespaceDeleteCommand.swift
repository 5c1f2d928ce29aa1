import ArgumentParser
import RegistryClient

/// `regconsole namespaces delete INSTANCE/NAMESPACE [--yes]`.
struct NamespaceDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete an ACR namespace and every repository in it (type its name, or --yes)."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The namespace.", valueName: "instance/namespace"))
    var target: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let (provider, name) = try await ManagedTarget.namespace(target, context: context)
        try provider.instance.requireWritable(to: "delete")
        try Confirmation.ask(
            "delete namespace \(name) of \(provider.instance.name) and every repository in it", typing: name, yes: yes)
        try await context.management.deleteNamespace(name, on: provider)
        print("deleted namespace \(name) of \(provider.instance.name)")
    }
}
