import Foundation
import TestSupport
import Testing

/// `config check`: settings the config parser cannot judge alone, and output that names untrusted
/// paths.
struct ConfigCheckTests {
    @Test func anUnknownLanguageIsRefusedWithItsLineAndTheChoices() async throws {
        let cli = try CLIRunner(configTOML: "read_only = true\nlanguage = \"klingon\"\n")
        defer { try? FileManager.default.removeItem(at: cli.home) }
        let result = try await cli.run(["config", "check"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "regconsole: \(cli.configPath.path):2: language: 'klingon' is not a language regconsole speaks; use one of en, zh-Hans\n"
        )
    }

    @Test func aThemeThatDoesNotExistIsRefusedButAUserThemeIsFound() async throws {
        let cli = try CLIRunner(configTOML: "\ntheme = \"solarized\"\n")
        defer { try? FileManager.default.removeItem(at: cli.home) }
        let missing = try await cli.run(["config", "check"])
        #expect(missing.status == 2)
        #expect(
            missing.stderr
                == "regconsole: \(cli.configPath.path):2: theme: there is no theme named 'solarized'; use one of default, high-contrast, light, mono\n"
        )

        let themes = cli.configPath.deletingLastPathComponent().appendingPathComponent("themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try Data("name = \"solarized\"\n".utf8).write(to: themes.appendingPathComponent("solarized.toml"))
        let found = try await cli.run(["config", "check"])
        #expect(found.status == 0)
        #expect(found.stdout == "\(cli.configPath.path): ok, 0 instance(s)\n")
        for shipped in ["light", "zh-Hans"] {
            try cli.writeConfig(shipped == "light" ? "theme = \"light\"\n" : "language = \"zh-Hans\"\n")
            #expect(try await cli.run(["config", "check"]).status == 0, "\(shipped)")
        }
    }

    @Test func anInstanceNameWithAnEscapeIsRefusedAndNeverPrintedRaw() async throws {
        let cli = try CLIRunner(
            configTOML: "[[instances]]\nname = \"prod\\u001B]0;owned\\u0007\"\nurl = \"http://h\"\n")
        defer { try? FileManager.default.removeItem(at: cli.home) }
        let result = try await cli.run(["config", "check"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "regconsole: \(cli.configPath.path):2: instances[0].name: 'prod␛]0;owned␇' is not a usable name: "
                + "it contains U+001B (a control character); use letters, digits, '.', '_' and '-', starting with a letter or digit\n"
        )
    }

    @Test func aConfigPathWithControlCharactersIsPrintedSanitized() async throws {
        let cli = try CLIRunner()
        defer { try? FileManager.default.removeItem(at: cli.home) }
        let directory = cli.home.appendingPathComponent("cfg\u{1B}[2J")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("config.toml")
        try Data("[[instances]]\nname = \"a\"\nurl = \"http://h\"\n".utf8).write(to: file)
        let clean = cli.home.appendingPathComponent("cfg␛[2J/config.toml").path
        let checked = try await cli.run(["config", "check", "--config", file.path])
        #expect(checked.stdout == "\(clean): ok, 1 instance(s): a (distribution)\n")
        #expect(try await cli.run(["config", "path", "--config", file.path]).stdout == "\(clean)\n")
    }
}
