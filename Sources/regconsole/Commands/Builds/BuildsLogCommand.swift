import ArgumentParser
import RegistryClient

/// `regconsole builds log REPO RECORD [--follow]`.
struct BuildsLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Print a build's log; with --follow, new lines as they come until the build ends.",
        discussion: """
            Lines are printed as `  LINE STAGE  message`; how the build stands goes to standard error at the end. \
            The exit status is 1 for a failed or canceled build (and, following, for any end but SUCCESS).
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @Argument(help: ArgumentHelp("The build (see `builds list`).", valueName: "record"))
    var record: String
    @Flag(name: .shortAndLong, help: "Keep printing new lines until the build ends.")
    var follow = false
    @OptionGroup var log: BuildLogOptions

    func run() async throws {
        let context = try CLIContext(global)
        let repository = try await DeliveryTarget.builds(target, context: context)
        try await BuildLogPrinter(target: repository, recordID: record, options: log).run(follow: follow)
    }
}
