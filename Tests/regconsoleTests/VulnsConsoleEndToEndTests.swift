import Foundation
import TestSupport
import Testing

/// `:vulns` in the real binary in tmux: every instance from the instances pane, the filter kept
/// across launches, and the saved overview shown on the next launch before (here: instead of) the
/// registry answering.
@Suite(.enabled(if: RegistryHarness.isEnabled && TmuxSession.isAvailable))
struct VulnsConsoleEndToEndTests {
    /// Two instances on the pristine registry (no scratch repositories from other tests).
    private func start(_ cli: CLIRunner) throws -> TmuxSession {
        var environment = cli.environment
        environment["TERM"] = "xterm-256color"
        return try TmuxSession(
            shellCommand: ConsolePane.command, environment: environment, columns: 140, rows: 30, keeping: cli)
    }

    private func run(_ tmux: TmuxSession, _ command: String) throws {
        try tmux.type(":\(command)")
        try tmux.press("Enter")
    }

    @Test func everyInstanceThenTheSavedOverviewOnTheNextLaunch() async throws {
        let state = try await RegistryHarness.pristine()
        let cli = try CLIRunner(
            configTOML: """
                [[instances]]
                name = "local"
                url = "\(state.anonymous.url)"

                [[instances]]
                name = "other"
                url = "\(state.anonymous.url)"
                """)
        defer { try? FileManager.default.removeItem(at: cli.home) }
        let first = try start(cli)
        try await first.waitFor("instances [2]")
        try run(first, "vulns")
        var screen = try await first.waitFor("vulnerabilities · every instance")
        screen = try await first.waitUntil("ns/web on every instance") { screen in
            ["local", "other"].allSatisfy { name in
                screen.split(separator: "\n").contains { $0.contains(" \(name) ") && $0.contains("ns/web") }
            }
        }
        #expect(screen.contains("INSTANCE"))

        try run(first, "vulns local/ns")
        try await first.waitFor("vulnerabilities · local/ns")
        try await first.waitFor("C2 M1 L2")
        try await first.waitUntilGone("repositories ")
        try first.type("/sev>=critical")
        try first.press("Enter")
        screen = try await first.waitFor("filter: sev>=critical")
        #expect(screen.contains("ns/web") && !screen.contains("ns/app"))
        try first.press("q")
        try await ConsolePane.expectRestored(first, status: 0)
        first.stop()

        // The registry is gone: the saved rows show with their age and the remembered filter.
        let config = try String(contentsOf: cli.configPath, encoding: .utf8)
            .replacingOccurrences(of: "url = \"\(state.anonymous.url)\"", with: "url = \"http://127.0.0.1:9\"")
        try Data(config.utf8).write(to: cli.configPath)
        let second = try start(cli)
        defer { second.stop() }
        try await second.waitFor("Could not load")  // the last view, local's namespaces, cannot load
        try run(second, "vulns local/ns")
        screen = try await second.waitFor("as of ")
        #expect(screen.contains("filter: sev>=critical"))
        screen = try await second.waitFor("C2 M1 L2")
        let web = try #require(screen.split(separator: "\n").first { $0.contains("ns/web") })
        #expect(web.contains("stable") && web.contains("CVE-2024-3094"))
        #expect(!screen.contains("ns/app"), "the remembered filter applies")
        try second.press("Escape")
        try await second.waitUntilGone("filter: sev>=critical")
        screen = try await second.waitFor("ns/app")
        try second.press("q")
        try await ConsolePane.expectRestored(second, status: 0)
    }
}
