import Foundation
import TestSupport
import Testing

/// `scripts/install` with the debug binary (`--binary`): the installed tree works on its own (version,
/// themes, man page, completions) and `--uninstall` removes exactly what was installed.
@Suite(.serialized)
struct InstallTests {
    /// A prefix with regconsole installed into it, and a runner whose `PATH` starts with its `bin`.
    struct Installed {
        let prefix: URL
        var cli: CLIRunner
        let output: String

        init(cli: CLIRunner) async throws {
            prefix = cli.home.appendingPathComponent("prefix")
            var cli = cli
            let result = try await cli.run(
                ["--prefix", prefix.path, "--binary", TestPaths.regconsole.path],
                executable: TestPaths.packageRoot.appendingPathComponent("scripts/install"))
            #expect(result.status == 0, "scripts/install → \(result.status): \(result.stderr)")
            output = result.stdout
            cli.environment["PATH"] = prefix.appendingPathComponent("bin").path + ":" + (cli.environment["PATH"] ?? "")
            self.cli = cli
        }

        func file(_ path: String) -> URL { prefix.appendingPathComponent(path) }

        /// Runs a bash script (no profile, no rc) with the installed bash completion loaded.
        func bash(_ script: String) async throws -> CLIRunner.Result {
            let completion = file("share/bash-completion/completions/regconsole").path
            return try await cli.run(
                ["--noprofile", "--norc", "-c", "source '\(completion)'\n" + script],
                executable: URL(fileURLWithPath: "/bin/bash"))
        }

        /// The candidates bash offers for the last word of `line` (the user pressing TAB at its end),
        /// with the line split into words as bash splits it: at spaces, and around each `:`.
        func bashCompletions(_ line: String) async throws -> [String] {
            var words: [String] = []
            for token in line.split(separator: " ") {
                var part = ""
                for character in token {
                    guard character == ":" else {
                        part.append(character)
                        continue
                    }
                    if !part.isEmpty { words.append(part) }
                    words += [":"]
                    part = ""
                }
                if !part.isEmpty { words.append(part) }
            }
            if line.hasSuffix(" ") { words.append("") }
            let current = words.last == ":" ? "" : words.last ?? ""
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let result = try await bash(
                """
                COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
                COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
                _regconsole_segments regconsole '\(current)' "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(line) → \(result.status): \(result.stderr)")
            return result.stdout.split(separator: "\n").map(String.init).sorted()
        }
    }

    @Test func theInstalledBinaryShowsItsCommitAndFindsItsThemesBesideItselfThenInXDG() async throws {
        let installed = try await Installed(cli: try CLIRunner(configTOML: "theme = \"light\"\n"))
        let version = try await installed.cli.run(["--version"], executable: installed.file("bin/regconsole"))
        #expect(
            version.stdout.wholeMatch(of: /0\.1\.0 \(([0-9a-f]{7}(-dirty)?|unknown)\)\n/) != nil, "\(version.stdout)")

        // A theme only the prefix has, and one only $XDG_DATA_HOME has, are both found.
        try Data("name = \"prefix-only\"\n".utf8).write(
            to: installed.file("share/regconsole/themes/prefix-only.toml"))
        let dataThemes = installed.cli.home.appendingPathComponent(".local/share/regconsole/themes")
        try FileManager.default.createDirectory(at: dataThemes, withIntermediateDirectories: true)
        try Data("name = \"data-only\"\n".utf8).write(to: dataThemes.appendingPathComponent("data-only.toml"))
        for theme in ["light", "prefix-only", "data-only"] {
            try installed.cli.writeConfig("theme = \"\(theme)\"\n")
            let check = try await installed.cli.run(["config", "check"], executable: installed.file("bin/regconsole"))
            #expect(check.status == 0, "\(theme): \(check.stderr)")
        }
        // The shipped themes are installed.
        let shipped = try FileManager.default.contentsOfDirectory(
            atPath: installed.file("share/regconsole/themes").path)
        #expect(Set(shipped).isSuperset(of: ["light.toml", "high-contrast.toml", "mono.toml"]))
    }

    @Test(.enabled(if: TestPaths.testsNeeding("man")))
    func theManPageRendersAndNamesTheCommands() async throws {
        let installed = try await Installed(cli: try CLIRunner())
        let man = try #require(TestPaths.tool("man"), "man is not installed")
        let page = try await installed.cli.run(
            ["-P", "cat", "-l", installed.file("share/man/man1/regconsole.1").path],
            extraEnvironment: ["MANPAGER": "cat", "MANWIDTH": "100"], executable: man)
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stderr.isEmpty)
        for expected in [
            "SYNOPSIS", "COMMANDS", "EXIT STATUS", "regconsole tags <repo>", "namespaces list", "--config",
        ] {
            #expect(page.stdout.contains(expected), "\(expected)")
        }
    }

    @Test func bashCompletesInstanceNamesFromTheConfig() async throws {
        let config = """
            [[instances]]
            name = "prod"
            url = "http://127.0.0.1:9"

            [[instances]]
            name = "staging"
            url = "http://127.0.0.1:9"
            """
        let installed = try await Installed(cli: try CLIRunner(configTOML: config))
        #expect(try await installed.bashCompletions("regconsole tags ") == ["prod/", "staging/"])
        #expect(try await installed.bashCompletions("regconsole tags st") == ["staging/"])
        #expect(try await installed.bashCompletions("regconsole --instance ") == ["prod", "staging"])
        #expect(try await installed.bashCompletions("regconsole namespaces list p") == ["prod"])
    }

    @Test(.enabled(if: TestPaths.testsNeeding("zsh")))
    func theZshCompletionLoadsWithCompinit() async throws {
        let installed = try await Installed(cli: try CLIRunner())
        let zsh = try #require(TestPaths.tool("zsh"), "zsh is not installed")
        let dump = installed.cli.home.appendingPathComponent("zcompdump").path
        let result = try await installed.cli.run(
            [
                "-f", "-c",
                """
                fpath=('\(installed.file("share/zsh/site-functions").path)' $fpath)
                autoload -Uz compinit && compinit -u -d '\(dump)'
                source '\(installed.file("share/zsh/site-functions/_regconsole").path)'
                (( $+functions[_regconsole] )) && print loaded
                """,
            ], executable: zsh)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout == "loaded\n")
    }

    @Test func uninstallRemovesExactlyWhatWasInstalled() async throws {
        let cli = try CLIRunner()
        let prefix = cli.home.appendingPathComponent("prefix")
        let kept = prefix.appendingPathComponent("share/man/man1/other.1")
        try FileManager.default.createDirectory(at: kept.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("kept\n".utf8).write(to: kept)
        let installed = try await Installed(cli: cli)
        let manifest = try String(contentsOf: installed.file("share/regconsole/install-manifest"), encoding: .utf8)
        #expect(manifest.contains("file \(installed.file("bin/regconsole").path)\n"))
        #expect(manifest.contains("file \(installed.file("share/fish/vendor_completions.d/regconsole.fish").path)\n"))
        #expect(!manifest.contains("dir \(kept.deletingLastPathComponent().path)\n"))
        // A manifest that names files outside the prefix (edited, or copied from elsewhere) removes none of them.
        let outside = cli.home.appendingPathComponent("outside.txt")
        try Data("outside\n".utf8).write(to: outside)
        try Data((manifest + "file \(outside.path)\nfile \(prefix.path)/../outside.txt\n").utf8).write(
            to: installed.file("share/regconsole/install-manifest"))

        let removed = try await installed.cli.run(
            ["--prefix", prefix.path, "--uninstall"],
            executable: TestPaths.packageRoot.appendingPathComponent("scripts/install"))
        #expect(removed.status == 0, "\(removed.stderr)")
        let left = FileManager.default.enumerator(atPath: prefix.path)?.compactMap { $0 as? String }.sorted()
        #expect(left == ["share", "share/man", "share/man/man1", "share/man/man1/other.1"])
        #expect(FileManager.default.fileExists(atPath: outside.path))
        #expect(removed.stderr.contains("skipping '\(outside.path)'"), "\(removed.stderr)")
    }

    @Test func tagsAHostileRegistryListsReachTheCommandLineOnlyWhenValid() async throws {
        let registry = try await OddTagsRegistry.start()
        defer { registry.stop() }
        let installed = try await Installed(
            cli: try CLIRunner(
                configTOML: """
                    [[instances]]
                    name = "odd"
                    url = "\(registry.url)"
                    [limits]
                    completion_timeout_ms = 30000
                    """))
        #expect(try await installed.bashCompletions("regconsole inspect odd/odd/app:") == OddTagsRegistry.validTags)
    }

    @Test(.enabled(if: RegistryHarness.isEnabled))
    func aReferenceIsCompletedSegmentBySegmentFromTheRegistry() async throws {
        // Time enough for a debug binary on a machine busy with the other tests.
        let fixture = try await Fixture.make(extraConfig: "\n[limits]\ncompletion_timeout_ms = 30000")
        let installed = try await Installed(cli: fixture.cli)
        // Other tests add and remove namespaces under `scratch/`; the seeded ones are always there.
        let namespaces = Set(fixture.state.seed.namespaces.keys.filter { !$0.isEmpty }.map { "basic/\($0)/" })
        let offered = try await installed.bashCompletions("regconsole tags basic/")
        #expect(namespaces.isSubset(of: offered) && offered.allSatisfy { $0.hasPrefix("basic/") && $0.hasSuffix("/") })
        #expect(offered == offered.sorted())
        let repositories = fixture.state.seed.repositories.keys.filter { $0.hasPrefix("ns/") }.map { "basic/\($0)" }
        #expect(try await installed.bashCompletions("regconsole tags basic/ns/") == repositories.sorted())
        // bash splits `app:` at the colon and replaces only the tag.
        let tags = try #require(fixture.state.seed.repositories["ns/app"]).keys.sorted()
        #expect(try await installed.bashCompletions("regconsole inspect basic/ns/app:") == tags)
        let cached = installed.cli.home.appendingPathComponent(".cache/regconsole/completion")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cached.path).count == 3)
    }
}
