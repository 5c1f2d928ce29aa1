import ArgumentParser
import RegistryClient

/// `regconsole builds run REPO --rule ID [--wait]`.
struct BuildsRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start a build of a rule and print its id; with --wait, follow its log until it ends.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @Option(name: .long, help: ArgumentHelp("The build rule (see `builds rules`).", valueName: "id"))
    var rule: String
    @Flag(
        name: .long,
        help: "Follow the build's log (or its status, where none is served) until it ends; exit 1 unless it succeeds.")
    var wait = false
    @OptionGroup var log: BuildLogOptions

    func run() async throws {
        let context = try CLIContext(global)
        let repository = try await DeliveryTarget.builds(target, context: context, writing: "start builds")
        let id = try await repository.naming("build rule", rule, listedBy: "builds rules") {
            try await context.delivery.startBuild(
                ruleID: rule, repository: repository.repository, on: repository.provider)
        }
        print(id)
        guard wait else { return }
        try await BuildLogPrinter(target: repository, recordID: id, options: log, logOptional: true).run(follow: true)
    }
}
