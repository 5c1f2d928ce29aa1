import Foundation
import TestSupport
import Testing

/// The real binary in tmux runs an image build on the ACR emulator and follows its log to the end.
@Suite(.enabled(if: RegistryHarness.isEnabled && TmuxSession.isAvailable))
struct BuildConsoleEndToEndTests {
    @Test func runARuleFollowItsLogToTheEndAndSeeTheFlash() async throws {
        let state = try await RegistryHarness.shared()
        let emulator = try await ACREmulator.start(registry: state.basic)
        defer { emulator.stop() }
        // Long enough (about 12 s) that a loaded machine still opens the log before the build ends.
        try await emulator.setBuildTiming(pendingMs: 300, lineIntervalMs: 400, lines: 30)
        var cli = try CLIRunner(
            configTOML: """
                [[instances]]
                name = "acr-hz"
                kind = "acr"
                region = "cn-hangzhou"
                endpoint = "\(emulator.url)"
                """)
        cli.environment.merge(emulator.environment(emulator.key)) { $1 }
        cli.environment["TERM"] = "xterm-256color"
        let command = "'\(TestPaths.regconsole.path)'; echo \"EXIT=$?\"; sleep 600"
        let tmux = try TmuxSession(
            shellCommand: command, environment: cli.environment, columns: 120, rows: 30, keeping: cli)

        try await tmux.waitFor(" ok")
        try tmux.press("Enter")
        try await tmux.waitFor("namespaces · acr-hz.emulator-main")
        // The emulator seeds builds on the first repository by name: the one `:repos` selects.
        try tmux.type(":repos")
        try tmux.press("Enter")
        try await tmux.waitFor("repositories · acr-hz.emulator-main/*")
        try await tmux.waitFor("<b> build")
        try tmux.press("b")
        let records = try await tmux.waitFor("builds · acr-hz.emulator-main/")
        let repository = try #require(
            records.firstMatch(of: #/builds · acr-hz\.emulator-main\/(\S+)/#).map { String($0.1) })

        // Run the seeded rule now from the rules pane; the new build tops the records.
        try tmux.press("r")
        try await tmux.waitFor("Source: GITHUB")
        try tmux.press("b")
        let started = try await tmux.waitFor("Started build ")
        let id = try #require(started.firstMatch(of: #/Started build (\S+) of /#).map { String($0.1) })
        try tmux.press("Escape")
        try await tmux.waitFor("you · rule")
        try tmux.press("g")
        try tmux.press("Enter")
        try await tmux.waitFor("build log · \(repository) · \(id)")

        // Lines arrive while it builds; following keeps the last one in view; the flash says it ended.
        var sawRunning = false
        let screen = try await tmux.waitUntil("the build to succeed") { screen in
            sawRunning = sawRunning || screen.contains("building ·") || screen.contains("pending ·")
            return screen.contains("build \(id) of \(repository) succeeded in ")
        }
        #expect(sawRunning, "the log was open while the build ran")
        let final = try await tmux.waitFor("success ·")
        #expect(final.contains("following"))
        #expect(screen.contains("build log · \(repository)"), "the log stays open")
        let lineNumbers = final.split(separator: "\n").compactMap { line in
            line.firstMatch(of: #/^│?\s*(\d+) /#).flatMap { Int($0.1) }
        }
        #expect((lineNumbers.max() ?? 0) >= 30, "the last lines are in view: \(final)")
        try tmux.press("q")
        try await tmux.waitFor("EXIT=0")
    }
}
