import Foundation
import TestSupport
import Testing

/// The console binary in a 120×30 tmux window; `EXIT=<status>` shows once it ends.
private func startConsole(_ cli: CLIRunner) throws -> TmuxSession {
    var environment = cli.environment
    environment["TERM"] = "xterm-256color"
    let command = "'\(TestPaths.regconsole.path)'; echo \"EXIT=$?\"; sleep 600"
    return try TmuxSession(shellCommand: command, environment: environment, columns: 120, rows: 30)
}

/// The real console in tmux against hostile tag names.
@Suite(.enabled(if: TmuxSession.isAvailable))
struct HostileNameConsoleTests {
    /// Filters the tags pane down to `text` and copies the selected row's pull command.
    private func copy(_ tmux: TmuxSession, filter text: String) async throws {
        try tmux.type("/\(text)")
        try await tmux.waitFor("[1 of 19")  // while details load: "[1 of 19 · details 1/19]"
        try tmux.press("Enter")
        try tmux.type("y")
    }

    @Test func tagsPaneMarksHostileNamesCopiesSafelyAndReopens() async throws {
        let registry = try await OddTagsRegistry.start()
        defer { registry.stop() }
        let cli = try CLIRunner(configTOML: "[[instances]]\nname = \"odd\"\nurl = \"\(registry.url)\"\n")
        defer { try? FileManager.default.removeItem(at: cli.home) }
        let shortDigest = String(try registry.manifestDigest().dropFirst("sha256:".count).prefix(12))

        let first = try startConsole(cli)
        try await first.waitFor("instances [1]")
        try first.press("Enter")
        try await first.waitFor("namespaces · odd")
        try first.type(":tags odd/odd/app")  // INSTANCE/REPOSITORY, as the CLI reads it
        try first.press("Enter")
        try await first.waitFor("tags · odd/app [19]")
        try await first.waitFor(shortDigest)
        var screen = try await first.waitFor("⚠ invalid name")
        #expect(screen.contains("a/../../x") && screen.contains("esc␛[2J"))
        #expect(!screen.contains("EXIT="))

        try await copy(first, filter: "touch")
        let pull = "docker pull '\(registry.host)/odd/app:$(touch$IFS~/pwned)'"
        try await first.waitUntil("the quoted pull command in the clipboard") { _ in (try? first.pasteBuffer()) == pull
        }
        try first.type("/")
        try first.press("Escape")
        try await first.waitFor("tags · odd/app [19]")
        try await copy(first, filter: "esc")
        try await first.waitFor("Not copied: \(registry.host)/odd/app:esc␛[2J holds control characters")
        #expect(try first.pasteBuffer() == pull)
        try first.press("q")
        try await first.waitFor("EXIT=0")

        // The next start reopens the same pane, with the same names, and keeps running.
        let second = try startConsole(cli)
        try await second.waitFor("tags · odd/app [19]")
        try await second.waitFor("⚠ invalid name")
        screen = try await second.waitFor(shortDigest)
        #expect(!screen.contains("EXIT="))
        try second.press("q")
        try await second.waitFor("EXIT=0")

        // Only valid names were asked for; no request carried a hostile name, even encoded.
        let requests = try registry.requests()
        #expect(requests.contains("GET /v2/odd/app/manifests/latest"))
        for request in requests {
            let path = String(request.split(separator: " ", maxSplits: 1).last ?? "")
            #expect(path == "/v2/" || path.hasPrefix("/v2/_catalog?") || path.hasPrefix("/v2/odd/app/"), "\(request)")
            #expect(!path.contains("..") && !path.contains("%"), "\(request)")
            if let reference = path.split(separator: "/manifests/").dropFirst().first {
                let isDigest = reference.wholeMatch(of: #/sha256[:-][0-9a-f]{64}/#) != nil
                #expect(OddTagsRegistry.validTags.contains(String(reference)) || isDigest, "\(request)")
            }
        }
    }
}

/// A last view pointing at a repository that is gone falls back to its parent pane.
@Suite(.enabled(if: RegistryHarness.isEnabled && TmuxSession.isAvailable))
struct RestoredViewFallbackTests {
    @Test func aRestoredRepositoryThatFailsToLoadFallsBackToItsNamespace() async throws {
        let fixture = try await Fixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.cli.home) }
        let gone = "scratch/gone-\(UUID().uuidString.lowercased().prefix(8))"
        let stateFile = fixture.cli.home.appendingPathComponent(".local/state/regconsole/last-view.json")
        let directory = stateFile.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let location = #"{"instance":"local","namespace":"scratch","repository":"\#(gone)","tag":"x"}"#
        try Data(#"{"instance":"local","locations":{"local":\#(location)}}"#.utf8).write(to: stateFile)

        let tmux = try startConsole(fixture.cli)
        let screen = try await tmux.waitFor("Could not reopen \(gone):")
        #expect(screen.contains("repositories · local/scratch"))
        #expect(!screen.contains("tags · \(gone)"))
        try tmux.press("q")
        try await tmux.waitFor("EXIT=0")

        let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: stateFile)) as? [String: Any])
        let local = try #require((saved["locations"] as? [String: Any])?["local"] as? [String: Any])
        #expect(local["namespace"] as? String == "scratch")
        #expect(local["repository"] == nil)
    }
}
