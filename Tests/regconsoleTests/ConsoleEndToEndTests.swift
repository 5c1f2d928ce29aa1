import Foundation
import TestSupport
import Testing

/// The real binary in tmux against the real seeded registry.
@Suite(.enabled(if: RegistryHarness.isEnabled && TmuxSession.isAvailable))
struct ConsoleEndToEndTests {
    private func start(_ fixture: Fixture, columns: Int = 100, rows: Int = 30) throws -> TmuxSession {
        var environment = fixture.cli.environment
        environment["TERM"] = "xterm-256color"
        return try TmuxSession(
            shellCommand: ConsolePane.command, environment: environment, columns: columns, rows: rows,
            keeping: fixture.cli)
    }

    /// The tag names in the order the tags pane shows them.
    private func tagColumn(_ screen: String, among names: Set<String>) -> [String] {
        screen.split(separator: "\n").compactMap { line in
            let first = line.split(separator: " ").first { !$0.isEmpty && $0 != "●" }.map(String.init)
            return first.flatMap { names.contains($0) ? $0 : nil }
        }
    }

    /// From the instances pane, opens `local` and then the tags of `repository`.
    private func openTags(_ tmux: TmuxSession, _ repository: String) async throws {
        try await tmux.waitFor("instances [4]")
        try tmux.press("Enter")
        try await tmux.waitFor("namespaces · local")
        try tmux.type(":tags \(repository)")
        try tmux.press("Enter")
    }

    @Test func browseFilterSortCopyDeleteResizeAndQuit() async throws {
        let fixture = try await Fixture.make()
        let repository = "scratch/e2e-\(UUID().uuidString.lowercased().prefix(8))"
        try RegistryHarness.seedImage(
            registry: fixture.state.anonymous.url, repository: repository, tags: ["keep"], content: "keep \(repository)"
        )
        try RegistryHarness.seedImage(
            registry: fixture.state.anonymous.url, repository: repository, tags: ["drop"], content: "drop \(repository)"
        )
        let outputDirectory = try TemporaryDirectory("tmux-output")
        let output = outputDirectory.url.appendingPathComponent("pane.out")
        let tmux = try start(fixture)
        try tmux.recordOutput(to: output)

        // Instances → namespaces → tags of ns/app, with details filled in.
        try await tmux.waitFor(" ok")
        try await openTags(tmux, "ns/app")
        try await tmux.waitFor("tags · ns/app [6]")
        try await tmux.waitFor("linux/amd64,linux/arm64/v8")

        // Filter, then clear it.
        try tmux.type("/1.1")
        var screen = try await tmux.waitFor("[2 of 6]")
        #expect(screen.contains("1.10.0-rc1") && !screen.contains("1.2.0"))
        try tmux.press("Escape")
        try await tmux.waitFor("[6]")

        // Sort by created: newest first, across the whole list.
        // (The header's arrow, not the flash, which a loaded machine can miss.)
        try tmux.press("A")
        try await tmux.waitFor("CREATED↓")
        let seeded = try fixture.seededImages("ns/app")
        let expected = seeded.sorted { ($0.value.created!, $1.key) > ($1.value.created!, $0.key) }.map(\.key)
        screen = try tmux.capture()
        #expect(tagColumn(screen, among: Set(seeded.keys)) == expected)

        // Copy a pull command: OSC 52 reaches tmux's clipboard. (The selection followed 1.10.0
        // through the filter and the sort; go to the top, then one down.)
        try tmux.press("g", "j", "y")
        let pull = "docker pull \(fixture.state.anonymous.host)/ns/app:\(expected[1])"
        try await tmux.waitUntil("the pull command in the clipboard") { _ in (try? tmux.pasteBuffer()) == pull }
        let raw = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
        withExtendedLifetime(outputDirectory) {}
        #expect(raw.contains("\u{1B}]52;c;\(Data(pull.utf8).base64EncodedString())\u{07}"))

        // Artifact detail with tabs.
        try tmux.press("Enter")
        try await tmux.waitFor("artifact · ns/app:\(expected[1])")
        try await tmux.waitFor("Reference")
        try tmux.press("Tab", "Tab", "Tab")
        try await tmux.waitFor("PATH=/usr/local/sbin")
        try tmux.press("Escape")
        try await tmux.waitFor("tags · ns/app")

        // Delete a tag with confirmation; it is gone from the registry.
        try tmux.type(":tags \(repository)")
        try tmux.press("Enter")
        try await tmux.waitFor("tags · \(repository) [2]")
        try await tmux.waitFor("drop ")
        try tmux.press("C-d")
        try await tmux.waitFor("Delete from local/\(repository)")
        try tmux.press("Tab", "Enter")
        // The flash may have gone by the time a slow machine looks: the list left is what counts.
        let deleted = try await tmux.waitUntil("the delete to finish") {
            $0.contains("Deleted 1 manifest") || ($0.contains("tags · \(repository) [1]") && !$0.contains("drop "))
        }
        #expect(!deleted.contains("failed"), "\(deleted)")
        try await tmux.waitFor("[1]")
        let left = try await fixture.jsonArray(["tags", "local/\(repository)"]).compactMap { $0["name"] as? String }
        #expect(left == ["keep"])

        // Resize down, too small, and back.
        try tmux.resize(columns: 60, rows: 20)
        screen = try await tmux.waitFor("tags · \(repository)")
        #expect(screen.split(separator: "\n").count <= 20)
        try tmux.resize(columns: 50, rows: 12)
        try await tmux.waitFor("Terminal too small")
        try tmux.resize(columns: 100, rows: 30)
        try await tmux.waitUntilGone("Terminal too small")
        try await tmux.waitFor("tags · \(repository)")

        // Quit: the terminal is back in cooked mode.
        try tmux.press("q")
        try await ConsolePane.expectRestored(tmux, status: 0)
    }

    @Test func terminateSignalRestoresTheTerminal() async throws {
        let fixture = try await Fixture.make()
        let tmux = try start(fixture, columns: 80, rows: 24)
        try await tmux.waitFor("instances [4]")
        let shell = try tmux.panePID()
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let console = try #require(children.split(separator: " ").compactMap { Int32($0) }.first)
        kill(console, SIGTERM)
        try await ConsolePane.expectRestored(tmux, status: 0)
    }

    @Test func lastViewIsRestoredOnTheNextStart() async throws {
        let fixture = try await Fixture.make()
        let first = try start(fixture, columns: 80, rows: 24)
        try await openTags(first, "mirror/library/alpine")
        try await first.waitFor("3.19")
        try first.press("q")
        try await first.waitFor("EXIT=0")

        let second = try start(fixture, columns: 80, rows: 24)
        try await second.waitFor("tags · mirror/library/alpine")
        try await second.waitFor("3.19")
    }

    @Test func suppressionSurvivesARestartAndAnExpiredOneComesBackFlagged() async throws {
        let fixture = try await Fixture.make()
        // One decision ran out in 2020; the console must show it again, flagged.
        try await fixture.succeed([
            "scan", "suppress", "local/ns/web:stable", "--cve", "CVE-2024-3094", "--reason", "old decision",
            "--expires", "2020-01-01",
        ])

        let first = try start(fixture, columns: 120, rows: 30)
        try await openTags(first, "ns/web")
        try await first.waitFor("C2 M1 L2")
        try first.type("gv")
        try await first.waitFor("findings · ns/web:stable [5 · 1 expired]")
        #expect(try first.capture().contains("critical·! CVE-2024-3094"))
        try first.type("jx")
        try await first.waitFor("Suppress CVE-2022-48174")
        try first.press("Down", "Down", "Down")
        try first.type("ash is not shipped")
        try first.press("Enter")
        try await first.waitFor("[4 · 1 suppressed · 1 expired]")
        try first.press("q")
        try await first.waitFor("EXIT=0")

        let second = try start(fixture, columns: 120, rows: 30)
        try await second.waitFor("tags · ns/web")
        try second.type("gv")
        let screen = try await second.waitFor("[4 · 1 suppressed · 1 expired]")
        #expect(!screen.contains("CVE-2022-48174"))
        try second.type("H")
        #expect(try await second.waitFor("critical·s CVE-2022-48174").contains("critical·! CVE-2024-3094"))
        let listed = try await fixture.succeed(["scan", "suppressions", "local", "--output", "json"]).stdout
        #expect(listed.contains("ash is not shipped") && listed.contains("old decision"))
    }

    @Test func editingALifecycleRuleChangesThePreviewAsYouType() async throws {
        let fixture = try await Fixture.make()
        let repository = "scratch/retention-tmux-\(UUID().uuidString.lowercased().prefix(8))"
        try RegistryHarness.seedRetentionFixture(registry: fixture.state.anonymous.url, repository: repository)
        let tmux = try start(fixture, columns: 140, rows: 40)
        try await openTags(tmux, repository)
        try await tmux.waitFor("tags · \(repository) [30]")
        try tmux.type("L")
        try await tmux.waitFor("No lifecycle rules here")
        try tmux.type("n")
        try await tmux.waitFor("delete 20 of 30 tags (18 manifests) · keep 10")
        try tmux.press("BSpace", "BSpace")
        try tmux.type("3")
        try await tmux.waitFor("delete 27 of 30 tags (24 manifests) · keep 3")
        try tmux.press("Tab")
        try tmux.type("^release-")
        // The count is reached at "^r" already; the reason names the whole pattern once it is typed.
        let preview = try await tmux.waitFor("kept: matches ^release-")
        #expect(preview.contains("delete 22 of 30 tags"))
        try tmux.press("Enter")
        try await tmux.waitFor("3 newest · matches ^release-")
        try tmux.press("q")
        try await tmux.waitFor("EXIT=0")
        let listed = try await fixture.jsonArray(["lifecycle", "list", "local/\(repository)"])
        #expect(listed.map { $0["keep"] as? String } == ["3 newest · matches ^release-"])
    }
}
