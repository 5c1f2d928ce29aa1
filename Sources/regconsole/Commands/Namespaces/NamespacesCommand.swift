import ArgumentParser

/// `regconsole namespaces …`: list them, and on ACR create, update and delete them.
struct NamespacesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "namespaces",
        abstract: "List the namespaces of an instance; create, update or delete ACR namespaces.",
        subcommands: [
            NamespacesListCommand.self, NamespaceCreateCommand.self, NamespaceUpdateCommand.self,
            NamespaceDeleteCommand.self,
        ],
        defaultSubcommand: NamespacesListCommand.self)
}
