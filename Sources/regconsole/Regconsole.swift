import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// The `regconsole` command: the full-screen console, and the scriptable subcommands.
struct Regconsole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regconsole",
        abstract: "A terminal console for container registries (OCI/Docker registries and Alibaba Cloud ACR).",
        version: "0.1.0",
        subcommands: [
            InstancesCommand.self, NamespacesCommand.self, ReposCommand.self, TagsCommand.self, InspectCommand.self,
            DeleteCommand.self, ConfigCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw CleanExit.helpRequest(self)
    }
}

/// Parses arguments, runs the command, and maps errors to the exit codes of the CLI contract.
@main
enum Main {
    static func main() async {
        TerminalLocale.configure()
        var command: any ParsableCommand
        do {
            command = try Regconsole.parseAsRoot()
        } catch {
            let code = Regconsole.exitCode(for: error)
            let message = Regconsole.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(ExitStatus.usage.rawValue)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as CleanExit {
            print(Regconsole.fullMessage(for: exit))
        } catch {
            FileHandle.standardError.write(Data("regconsole: \(Sanitizer.clean(String(describing: error)))\n".utf8))
            exit(ExitStatus.of(error).rawValue)
        }
    }
}
