import Foundation
import TerminalUI
import TestSupport
import Testing

/// The real binary in tmux against the ACR emulator, whose instance endpoint is the real registry.
@Suite(.enabled(if: RegistryHarness.isEnabled && TmuxSession.isAvailable))
struct ACRConsoleEndToEndTests {
    /// A console whose config has one `acr` entry on a private emulator (the test starts scans),
    /// in `language`.
    private func start(language: String = "en") async throws -> (TmuxSession, ACREmulator) {
        let state = try await RegistryHarness.shared()
        let emulator = try await ACREmulator.start(registry: state.basic)
        var cli = try CLIRunner(
            configTOML: """
                language = "\(language)"
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
        return (tmux, emulator)
    }

    @Test func browseAnACRInstanceAndFollowAScan() async throws {
        let (tmux, emulator) = try await start()
        defer { emulator.stop() }

        // Every instance of the region, with id, specification and the AccessKey's source.
        var screen = try await tmux.waitFor("instances [2]")
        screen = try await tmux.waitFor(" ok")
        #expect(screen.contains("acr-hz.emulator-main") && screen.contains("acr-hz.emulator-empty"))
        #expect(screen.contains("cri-emulated0001") && screen.contains("Enterprise_"))
        #expect(screen.contains("key: environment"))
        #expect(!screen.contains(emulator.key.secret))

        // Namespaces from ListNamespace, then the tags of ns/web with ACR's push time.
        try tmux.press("Enter")
        try await tmux.waitFor("namespaces · acr-hz.emulator-main")
        try tmux.type(":tags ns/web")
        try tmux.press("Enter")
        screen = try await tmux.waitFor("tags · ns/web [2]")
        #expect(screen.contains("PUSHED"))

        // s starts ACR's scan of the selected tag; the SCAN column follows it to the counts.
        try tmux.press("g")
        let selected = try #require(screen.split(separator: "\n").first { $0.contains("stable") || $0.contains("v2") })
        let tag = selected.contains("stable") ? "stable" : "v2"
        try tmux.press("s")
        // The flash says "started", then "finished"; on a loaded machine the emulator's quick scan can
        // replace the first before a capture sees it, so either proves the scan began.
        try await tmux.waitUntil("the scan of \(tag) to start") {
            $0.contains("Scan of \(tag) started") || $0.contains("Scan of \(tag) finished")
        }
        var row = ""
        for _ in 0..<300 {  // at most a minute
            row = try tmux.capture().split(separator: "\n").first { $0.contains(" \(tag) ") }.map(String.init) ?? ""
            if row.contains(" H") { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(row.contains(" H"), "scan counts missing: \(row)")
        #expect(try await emulator.requests(action: "CreateRepoTagScanTask").count == 1)

        // Its findings come from ListRepoTagScanResult.
        try tmux.press("v")
        screen = try await tmux.waitFor("findings · ns/web:\(tag)")
        screen = try await tmux.waitFor("CVE-")
        #expect(screen.contains("high"))
        try tmux.press("q")
        try await tmux.waitFor("EXIT=0")
    }

    @Test func aScanShowsOnEveryTagOfItsDigest() async throws {
        // Two tags on one image; ACR scans by tag, and results belong to the digest.
        let state = try await RegistryHarness.shared()
        let repository = "scratch/acr-shared-\(UUID().uuidString.lowercased().prefix(8))"
        try RegistryHarness.seedImage(
            registry: state.anonymous.url, repository: repository, tags: ["1.0", "latest"], content: repository)
        let (tmux, emulator) = try await start()
        defer { emulator.stop() }
        try await tmux.waitFor(" ok")
        try tmux.press("Enter")
        try await tmux.waitFor("namespaces · acr-hz.emulator-main")
        try tmux.type(":tags \(repository)")
        try tmux.press("Enter")
        try await tmux.waitFor("tags · \(repository) [2]")
        try tmux.press("g")
        try tmux.type("s")  // scans 1.0, the first row
        func counts(_ tag: String, in screen: String) -> String? {
            let row = screen.split(separator: "\n").first { $0.hasPrefix("  \(tag) ") }
            return row.flatMap { $0.firstMatch(of: #/ ((?:[CHMLU]\d+ ?)+) /#).map { String($0.1) } }
        }
        let screen = try await tmux.waitUntil("both tags to show the scan") {
            counts("1.0", in: $0) != nil && counts("latest", in: $0) != nil
        }
        #expect(counts("1.0", in: screen) == counts("latest", in: screen))
        #expect(try await emulator.requests(action: "CreateRepoTagScanTask").count == 1)
        try tmux.press("q")
        try await tmux.waitFor("EXIT=0")
    }

    @Test func chineseInstancesPaneKeepsColumnsAligned() async throws {
        let (tmux, emulator) = try await start(language: "zh")
        defer { emulator.stop() }
        let screen = try await tmux.waitFor("正常")
        let lines = screen.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.contains("实例 ID") })
        let row = try #require(lines.first { $0.contains("acr-hz.emulator-main") })
        // The id column starts at the same display column in the header and in the row.
        func column(of text: String, in line: String) -> Int? {
            guard let range = line.range(of: text) else { return nil }
            return DisplayWidth.of(String(line[..<range.lowerBound]))
        }
        #expect(column(of: "实例 ID", in: header) == column(of: "cri-emulated0001", in: row), "\(header)\n\(row)")
        try tmux.press("q")
        try await tmux.waitFor("EXIT=0")
    }
}
