import ArgumentParser
import RegistryClient

/// `regconsole config path|check`.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show where the config file is, or check it.", subcommands: [Path.self, Check.self])

    /// `regconsole config path`.
    struct Path: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the path of the config file regconsole reads.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            print(global.config ?? Config.defaultPath())
        }
    }

    /// `regconsole config check`.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Parse and validate the config file; exit 2 with file:line: problem when it is wrong.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let config = try Config.load(path: global.config)
            let names = config.instances.map { "\($0.name) (\($0.kind.rawValue))" }
            print("\(config.file ?? Config.defaultPath()): ok, \(config.instances.count) instance(s)\(names.isEmpty ? "" : ": " + names.joined(separator: ", "))")
        }
    }
}
