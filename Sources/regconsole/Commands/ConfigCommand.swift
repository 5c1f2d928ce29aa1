import ArgumentParser
import Console
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole config path|check|init`.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show where the config file is, check it, or write one.",
        subcommands: [Path.self, Check.self, Init.self])

    /// `regconsole config path`.
    struct Path: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path", abstract: "Print the path of the config file regconsole reads.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            print(Sanitizer.clean(global.config ?? Config.defaultPath()))
        }
    }

    /// `regconsole config check`.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Parse and validate the config file; exit 2 with file:line: problem when it is wrong.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let config = try Config.load(path: global.config)
            let file = config.file ?? Config.defaultPath()
            try checkLanguage(config, file: file)
            try checkTheme(config, file: file)
            let names = config.instances.map { "\($0.name) (\($0.kind.rawValue))" }
            let list = names.isEmpty ? "" : ": " + names.joined(separator: ", ")
            print(Sanitizer.clean("\(file): ok, \(config.instances.count) instance(s)\(list)"))
        }

        /// `language` must name a language the console speaks.
        private func checkLanguage(_ config: Config, file: String) throws {
            guard let language = config.language,
                !Language.allCases.contains(where: { $0.rawValue.lowercased() == language.lowercased() })
            else { return }
            let known = Language.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigError(
                file: file, line: config.settingLines["language"],
                message: "language: '\(language)' is not a language regconsole speaks; use one of \(known)")
        }

        /// `theme` must name a shipped or user theme.
        private func checkTheme(_ config: Config, file: String) throws {
            guard let theme = config.theme else { return }
            let environment = ProcessInfo.processInfo.environment
            let configDirectory = XDGDirectories(environment: environment).config
            let names = ThemeLoader.names(
                in: ThemeLoader.searchDirectories(configDirectory: configDirectory, environment: environment))
            guard !names.contains(theme) else { return }
            throw ConfigError(
                file: file, line: config.settingLines["theme"],
                message: "theme: there is no theme named '\(theme)'; use one of \(names.joined(separator: ", "))")
        }
    }
}
