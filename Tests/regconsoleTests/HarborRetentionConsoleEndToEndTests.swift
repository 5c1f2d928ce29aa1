import Foundation
import TestSupport
import Testing

/// The real binary in tmux against the Harbor emulator over the pristine registry: a retention
/// rule of project `ns` (made with the CLI) is edited in the console with its live preview, saved,
/// and a server dry run is compared with the preview on screen.
@Suite(.enabled(if: RegistryHarness.isEnabled && TmuxSession.isAvailable))
struct HarborRetentionConsoleEndToEndTests {
    @Test func editARuleAndCompareTheServerDryRunWithThePreview() async throws {
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.pristine().basic)
        defer { emulator.stop() }
        var cli = try CLIRunner(
            configTOML: """
                [[instances]]
                name = "hb"
                kind = "harbor"
                url = "\(emulator.url)"
                username = "\(emulator.username)"
                password_env = "HB_PASSWORD"
                """)
        cli.environment["HB_PASSWORD"] = emulator.password
        cli.environment["TERM"] = "xterm-256color"
        for arguments in [
            ["retention", "rule", "add", "hb/ns", "--template", "latestPushedK", "--count", "2", "--no-untagged"],
            ["retention", "rule", "add", "hb/ns", "--template", "always", "--tags", "1.0.*", "--repos", "app"],
            ["immutability", "add", "hb/ns", "--tags", "1.2.0"],
        ] {
            let result = try await cli.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let command = "'\(TestPaths.regconsole.path)'; echo \"EXIT=$?\"; sleep 600"
        let tmux = try TmuxSession(
            shellCommand: command, environment: cli.environment, columns: 140, rows: 30, keeping: cli)

        try await tmux.waitFor("instances [1]")
        try tmux.type(":lifecycle hb/ns")
        try tmux.press("Enter")
        var screen = try await tmux.waitFor("1 the 2 most recently pushed")
        #expect(screen.contains("retention rules · run by hand · hb/ns"))

        // The editor previews the whole policy; the count from 2 to 1 deletes three more tags.
        try tmux.press("Enter")
        screen = try await tmux.waitFor("keep 6 · delete 1 · immutable 1")
        #expect(screen.contains("goes: 1.10.0-rc1"))
        try tmux.press("Down")
        try tmux.press("BSpace")
        try tmux.type("1")
        screen = try await tmux.waitFor("keep 3 · delete 4 · immutable 1")
        #expect(screen.contains("1.10.0") && screen.contains("v2"))
        try tmux.press("Enter")
        // Back on the rules, reloaded.
        try await tmux.waitFor("1 the 1 most recently pushed")

        // X: the server's dry run beside the preview, every tag alike.
        try tmux.press("X")
        screen = try await tmux.waitFor("server and preview agree on 8 of 8 tags; 0 differ")
        #expect(screen.contains("server dry run vs preview · hb/ns"))
        let rc = try #require(screen.split(separator: "\n").first { $0.contains("1.10.0-rc1") })
        #expect(rc.split(separator: " ").filter { $0 == "delete" }.count == 2, "\(rc)")
        try tmux.press("q")
        try await tmux.waitFor("EXIT=0")

        let saved = try await cli.run(["retention", "show", "hb/ns", "--output", "json"])
        let rules = try #require(try saved.json() as? [[String: Any]])
        #expect(rules.first?["parameter"] as? Int == 1)
    }
}
