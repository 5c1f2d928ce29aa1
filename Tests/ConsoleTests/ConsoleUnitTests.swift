import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

struct CatalogTests {
    @Test(arguments: Language.allCases)
    func everyMessageHasATextWithTheSamePlaceholders(language: Language) {
        let english = Catalog(.english)
        let catalog = Catalog(language)
        for message in Message.allCases {
            let text = catalog[message]
            #expect(!text.isEmpty, "\(message) in \(language)")
            let placeholders = { (text: String) in (0..<4).filter { text.contains("{\($0)}") } }
            #expect(placeholders(text) == placeholders(english[message]), "\(message) in \(language)")
        }
    }

    @Test func chineseIsReallyTranslated() {
        let chinese = Catalog(.simplifiedChinese)
        let english = Catalog(.english)
        let same = Message.allCases.filter { chinese[$0] == english[$0] }
        #expect(same.count <= 6, "untranslated: \(same)")
        #expect(chinese[.tooSmallSize, 50, 12, 60, 16] == "50×12 — 至少需要 60×16")
    }

    @Test(
        arguments: [
            (nil, ["LANG": "zh_CN.UTF-8"], Language.simplifiedChinese),
            (nil, ["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"], .english),
            (nil, ["LC_MESSAGES": "zh_TW.UTF-8"], .simplifiedChinese), ("en", ["LANG": "zh_CN.UTF-8"], .english),
            ("zh-Hans", [:], .simplifiedChinese), (nil, [:], .english), (nil, ["LANG": "de_DE.UTF-8"], .english),
        ] as [(String?, [String: String], Language)])
    func languageComesFromConfigThenLocale(configured: String?, environment: [String: String], expected: Language) {
        #expect(Language.choose(configured: configured, environment: environment) == expected)
    }
}

struct CommandTests {
    @Test func commandsAndAliasesParse() {
        #expect(ConsoleCommand.parse("ctx prod") == ConsoleCommand(verb: .open("ctx"), argument: "prod"))
        #expect(ConsoleCommand.parse("context") == ConsoleCommand(verb: .open("ctx"), argument: nil))
        #expect(ConsoleCommand.parse("ns team") == ConsoleCommand(verb: .open("ns"), argument: "team"))
        #expect(
            ConsoleCommand.parse("repositories prod/team")
                == ConsoleCommand(verb: .open("repos"), argument: "prod/team"))
        #expect(
            ConsoleCommand.parse("t mirror/library/alpine")
                == ConsoleCommand(verb: .open("tags"), argument: "mirror/library/alpine"))
        #expect(ConsoleCommand.parse("q") == ConsoleCommand(verb: .quit))
        #expect(ConsoleCommand.parse("ns") == ConsoleCommand(verb: .open("ns")))
        #expect(ConsoleCommand.parse("frobnicate") == nil)
    }

    @Test func completionOffersCommandsThenArguments() {
        #expect(ConsoleCommand.complete("re") { _ in [] } == "repos")
        #expect(
            ConsoleCommand.complete("ctx pr") { $0.word == "ctx" ? ["local", "prod-hz", "prod-sh"] : [] }
                == "ctx prod-hz")
        #expect(ConsoleCommand.complete("ctx local") { _ in ["local"] } == nil)
    }

    @Test func clipboardUsesOSC52AndTmuxPassthrough() {
        let plain = Clipboard.sequence(for: "docker pull h/a:1", environment: [:])
        #expect(plain == "\u{1B}]52;c;ZG9ja2VyIHB1bGwgaC9hOjE=\u{07}")
        let tmux = Clipboard.sequence(for: "docker pull h/a:1", environment: ["TMUX": "/tmp/tmux-0/default,1,0"])
        #expect(tmux.hasPrefix(plain))
        #expect(tmux.hasSuffix("\u{1B}Ptmux;\u{1B}\u{1B}]52;c;ZG9ja2VyIHB1bGwgaC9hOjE=\u{07}\u{1B}\\"))
    }
}

struct ThemeFileTests {
    private let themes = TestPaths.packageRoot.appendingPathComponent("themes")

    @Test(arguments: ["default", "light", "high-contrast", "mono"])
    func shippedThemesLoad(name: String) {
        let result = ThemeLoader.load(name: name, directories: [themes])
        #expect(result.problem == nil)
        #expect(result.theme.name == name)
    }

    @Test func defaultFileIsTheBuiltInDefault() {
        #expect(ThemeLoader.load(name: "default", directories: [themes]).theme == Theme.builtInDefault)
        #expect(ThemeLoader.load(name: "mono", directories: [themes]).theme[.selection] == Style(reverse: true))
    }

    @Test func badThemeNamesFileLineAndKeyAndFallsBack() throws {
        let directory = try TestPaths.temporaryDirectory("themes")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("name = \"broken\"\n[styles]\ntext = {}\nselection = { fg = \"chartreuse\" }\n".utf8).write(
            to: directory.appendingPathComponent("broken.toml"))
        let result = ThemeLoader.load(name: "broken", directories: [directory])
        #expect(result.theme == Theme.builtInDefault)
        #expect(
            result.problem
                == "\(directory.path)/broken.toml:4: styles.selection.fg: 'chartreuse' is not a colour (use default, a name like red or bright-blue, 0-255, or #rrggbb); using the default theme"
        )
        try Data("[styles]\nselektion = {}\n".utf8).write(to: directory.appendingPathComponent("typo.toml"))
        #expect(
            ThemeLoader.load(name: "typo", directories: [directory]).problem?.contains(
                "typo.toml:2: styles.selektion: unknown key") == true)
        #expect(
            ThemeLoader.load(name: "absent", directories: [directory]).problem?.contains("theme 'absent' not found")
                == true)
    }

    @Test func keymapOverridesComeFromTheConfigWithLinesForMistakes() throws {
        let config = try Config.parse("[keymap]\ndelete = \"D\"\nquit = [\"ctrl-q\", \"Q\"]\n", file: "c.toml")
        let options = try ConsoleLauncher.options(config: config, theme: nil, readOnly: false, environment: [:])
        #expect(options.keymap.action(for: .character("D")) == .delete)
        #expect(options.keymap.action(for: .control("d")) == nil)
        #expect(options.keymap.keys(for: .quit) == [.control("q"), .character("Q")])
        let bad = try Config.parse("theme = \"default\"\n[keymap]\ndelte = \"D\"\n", file: "c.toml")
        #expect {
            try ConsoleLauncher.options(config: bad, theme: nil, readOnly: false, environment: [:])
        } throws: { error in
            (error as? ConfigError)?.description.hasPrefix("c.toml:3: keymap.delte: unknown action") == true
                && (error as? ConfigError)?.description.hasSuffix("(did you mean 'delete'?)") == true
        }
    }
}
