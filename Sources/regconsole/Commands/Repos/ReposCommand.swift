import ArgumentParser

/// `regconsole repos …`: list them, and on ACR create, update and delete them.
struct ReposCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repos",
        abstract: "List repositories of an instance or namespace; create, update or delete ACR repositories.",
        subcommands: [ReposListCommand.self, RepoCreateCommand.self, RepoUpdateCommand.self, RepoDeleteCommand.self],
        defaultSubcommand: ReposListCommand.self)
}
