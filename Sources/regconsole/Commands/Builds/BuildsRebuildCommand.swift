import ArgumentParser
import RegistryClient

/// `regconsole builds rebuild REPO RECORD [--wait]`.
struct BuildsRebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Run an earlier build again and print the new build's id; with --wait, follow it until it ends.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @Argument(help: ArgumentHelp("The build to run again (see `builds list`).", valueName: "record"))
    var record: String
    @Flag(name: .long, help: "Follow the new build's log until it ends; exit 1 unless it succeeds.")
    var wait = false
    @OptionGroup var log: BuildLogOptions

    func run() async throws {
        let context = try CLIContext(global)
        let repository = try await DeliveryTarget.builds(target, context: context, writing: "start builds")
        let id = try await repository.naming("build", record, listedBy: "builds list") {
            try await context.delivery.rebuild(
                recordID: record, repository: repository.repository, on: repository.provider)
        }
        print(id)
        guard wait else { return }
        try await BuildLogPrinter(target: repository, recordID: id, options: log).run(follow: true)
    }
}
