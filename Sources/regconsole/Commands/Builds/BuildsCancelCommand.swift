import ArgumentParser
import RegistryClient

/// `regconsole builds cancel REPO RECORD [--yes]`.
struct BuildsCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a running build (confirm, or --yes).")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @Argument(help: ArgumentHelp("The build (see `builds list`).", valueName: "record"))
    var record: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let repository = try await DeliveryTarget.builds(target, context: context, writing: "cancel builds")
        try repository.confirm("cancel build \(record) of \(repository.reference)", id: record, yes: yes)
        try await repository.naming("build", record, listedBy: "builds list") {
            try await context.delivery.cancelBuild(
                recordID: record, repository: repository.repository, on: repository.provider)
        }
        print("canceled build \(record) of \(repository.reference)")
    }
}
