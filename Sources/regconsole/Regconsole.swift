import ArgumentParser
import Console
import CurlHTTP
import Foundation
import RegistryClient
import TerminalUI

/// The `regconsole` command: the full-screen console, and the scriptable subcommands.
struct Regconsole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regconsole",
        abstract: "A terminal console for container registries (OCI/Docker registries and Alibaba Cloud ACR).",
        version: BuildInfo.versionLine,
        subcommands: [
            InstancesCommand.self, NamespacesCommand.self, ReposCommand.self, TagsCommand.self, InspectCommand.self,
            DeleteCommand.self, ScanCommand.self, VulnsCommand.self, LifecycleCommand.self, BuildsCommand.self,
            TriggersCommand.self, EventsCommand.self, ChainsCommand.self, SyncCommand.self, SubscriptionsCommand.self,
            EndpointsCommand.self, LoginCommand.self, UsageCommand.self, RobotsCommand.self, AuditCommand.self,
            ReplicationCommand.self, WebhooksCommand.self, RetentionCommand.self, ImmutabilityCommand.self,
            ConfigCommand.self, DoctorCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .long, help: "Open this instance (its last view) instead of the last one used.",
        completion: Completions.instance)
    var instance: String?

    @Option(
        name: .long,
        help: "Theme: default, light, high-contrast, mono, or a file in $XDG_CONFIG_HOME/regconsole/themes.")
    var theme: String?

    @Flag(name: .long, help: "Turn mouse support off (keeps the terminal's own text selection).")
    var noMouse = false

    /// Runs the full-screen console.
    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let context = try CLIContext(global, fullScreen: true, environment: environment)
        let options = try ConsoleLauncher.options(
            config: context.config, theme: theme, readOnly: global.readOnly, environment: environment)
        do {
            try await ConsoleLauncher.run(
                session: context.session, options: options, instance: instance, mouse: !noMouse && context.config.mouse,
                timings: environment["REGCONSOLE_TIMINGS"])
        } catch let error as Terminal.StartError {
            throw UsageError(description: error.description)
        }
    }
}

/// Parses arguments, runs the command, and maps errors to the exit codes of the CLI contract.
@main
enum Main {
    static func main() async {
        TerminalLocale.configure()
        if maySendRequests(CommandLine.arguments.dropFirst()) { CurlHTTPClient.startLoadingLibrary() }
        do {
            var command = try await Regconsole.asyncParseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(report(error))
        }
    }

    /// Whether the invocation may talk to a registry, so libcurl is worth opening while the
    /// arguments are parsed: anything but help, the version and `config`.
    private static func maySendRequests(_ arguments: ArraySlice<String>) -> Bool {
        arguments.first != "config" && arguments.first != "help"
            && !arguments.contains { $0 == "--version" || $0 == "--help" || $0 == "-h" }
    }

    /// Prints what ended the command and returns the exit status.
    private static func report(_ error: any Error) -> Int32 {
        switch error {
        case is RegistryError, is ConfigError, is UsageError, is CommandFailure, is ScanReportError:
            FileHandle.standardError.write(Data("regconsole: \(Sanitizer.clean(String(describing: error)))\n".utf8))
            return ExitStatus.of(error).rawValue
        default:
            // Argument-parser outcomes: help and version go to stdout with status 0; parse and
            // validation mistakes are usage errors; anything else is a runtime failure.
            let message = Regconsole.fullMessage(for: error)
            switch Regconsole.exitCode(for: error) {
            case .success:
                print(message)
                return ExitStatus.success.rawValue
            case .validationFailure:
                FileHandle.standardError.write(Data((message + "\n").utf8))
                return ExitStatus.usage.rawValue
            default:
                FileHandle.standardError.write(Data("regconsole: \(Sanitizer.clean(message))\n".utf8))
                return ExitStatus.runtime.rawValue
            }
        }
    }
}
