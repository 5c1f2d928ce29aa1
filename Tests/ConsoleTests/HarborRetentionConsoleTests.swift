import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// The Harbor retention rules pane, its rule editor with the live preview, the server dry run
/// beside the preview, and the immutability pane, against the Harbor emulator over the pristine
/// registry's project `ns` (ns/app, ns/web): snapshots in English and Chinese, and the changes made.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct HarborRetentionConsoleTests {
    /// A console with the `hb` Harbor entry on a fresh emulator, started on it; the emulator stops with the test.
    private func driver(
        language: Language = .english, size: Size = Size(rows: 24, columns: 80)
    ) async throws -> (ConsoleDriver, HarborEmulator) {
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.pristine().basic)
        let driver = try await ConsoleDriver(
            language: language, size: size,
            config: """
                [[instances]]
                name = "hb"
                kind = "harbor"
                url = "\(emulator.url)"
                username = "\(emulator.username)"
                password_env = "HB_PASSWORD"
                """, environment: ["HB_PASSWORD": emulator.password])
        return (driver, emulator)
    }

    /// Rule 1 keeps the 2 newest of every repository, rule 2 every 1.0.* of ns/app; 1.2.0 and
    /// `stable` are immutable (`stable` is kept by rule 1 all the same, so only 1.2.0 shows as
    /// protected). `extra` rules follow.
    private func seedPolicy(
        _ driver: ConsoleDriver, extra: [HarborRetentionRule] = []
    ) async throws -> any RetentionPolicyManaging {
        let provider = try #require(try await driver.app.session.provider(for: "hb") as? HarborProvider)
        let projectID = try await provider.projectID(of: "ns")
        _ = try await provider.saveRetentionPolicy(
            HarborRetentionPolicy(
                projectID: projectID,
                rules: [
                    .init(template: .latestPushedK, parameter: 2, untagged: false),
                    .init(template: .always, tags: .init(pattern: "1.0.*"), repositories: .init(pattern: "app")),
                ] + extra, schedule: "0 0 2 * * *"))
        for tag in ["1.2.0", "stable"] {
            _ = try await provider.saveImmutableRule(HarborImmutableRule(tags: .init(pattern: tag)), project: "ns")
        }
        return provider
    }

    @Test(arguments: PaneSnapshotTests.languages)
    func rulesPaneAndDryRunComparison(language: Language) async throws {
        func name(_ pane: String) -> String { "harbor-\(pane)-\(language.rawValue)-80x24" }
        let (driver, emulator) = try await driver(language: language)
        defer { emulator.stop() }
        _ = try await seedPolicy(driver)
        await driver.start(instance: "hb")
        await driver.command("lifecycle hb/ns")
        #expect(driver.screen.contains("0 0 2 * * *"), "\(driver.screen)")
        try Snapshot.check(driver.screen, named: name("retention-rules"))

        await driver.press(.character("X"))
        #expect(await driver.waitFor { $0.contains(language == .english ? "server and preview agree" : "服务端与预览") })
        try Snapshot.check(driver.screen, named: name("retention-dry-run"))

        await driver.command("immutable hb/ns")
        try Snapshot.check(driver.screen, named: name("immutable-rules"))
    }

    @Test func theDryRunListsTheDifferenceFirstWithTheSummary() async throws {
        let (driver, emulator) = try await driver(size: Size(rows: 30, columns: 120))
        defer { emulator.stop() }
        // A third rule keeps what was pushed since 2024-02-10 (1.10.0-rc1 on 02-15 among the rest)…
        let since = try #require(ISO8601DateFormatter().date(from: "2024-02-10T00:00:00Z"))
        let days = Int(ConsoleDriver.now.timeIntervalSince(since) / 86_400)
        _ = try await seedPolicy(driver, extra: [.init(template: .nDaysSinceLastPush, parameter: days)])
        // …by the console's clock; Harbor's runs 30 days ahead of it: to Harbor, 1.10.0-rc1 is older.
        let skew = Int((ConsoleDriver.now.timeIntervalSince(Date()) / 86_400).rounded()) + 30
        try await emulator.setClockOffset(days: skew)
        await driver.start(instance: "hb")
        await driver.command("lifecycle hb/ns")
        await driver.press(.character("X"))
        #expect(
            await driver.waitFor { $0.contains("server and preview agree on 7 of 8 tags; 1 differ") },
            "\(driver.screen)")
        let rows = driver.surface.lines.filter { $0.contains("ns/app ") || $0.contains("ns/web ") }
        #expect(rows.first?.contains("1.10.0-rc1") == true, "\(driver.screen)")
        #expect(rows.first?.contains("keep") == true && rows.first?.contains("delete") == true)
        #expect(rows.contains { $0.contains("1.2.0") && $0.contains("immutable") })
        #expect(rows.contains { $0.contains("stable") && !$0.contains("immutable") })
        #expect(rows.count == 8)
    }

    @Test func aRuleIsEditedWithItsPreviewAndSaved() async throws {
        let (driver, emulator) = try await driver(size: Size(rows: 30, columns: 140))
        defer { emulator.stop() }
        let provider = try await seedPolicy(driver)
        await driver.start(instance: "hb")
        await driver.command("lifecycle hb/ns")
        await driver.press(.enter)
        #expect(await driver.waitFor { $0.contains("keep 6 · delete 1 · immutable 1") }, "\(driver.screen)")
        #expect(driver.screen.contains("goes: 1.10.0-rc1"))
        // The count from 2 to 1: 1.10.0 and latest (ns/app) and v2 (ns/web) go too.
        await driver.press(.down)
        await driver.press(.backspace, .character("1"))
        #expect(await driver.waitFor { $0.contains("keep 3 · delete 4 · immutable 1") }, "\(driver.screen)")
        await driver.press(.enter)
        #expect(await driver.waitFor { $0.contains("1 the 1 most recently pushed") }, "\(driver.screen)")
        let policy = try #require(try await provider.retentionPolicy(project: "ns"))
        #expect(policy.rules.first?.parameter == 1)
        #expect(policy.rules.count == 2)
        let entries = AuditLog(directories: XDGDirectories(environment: ["HOME": driver.home.path])).entries()
        #expect(entries.map(\.action).suffix(2) == ["retention-policy-update", "retention-policy-update"])
    }

    @Test func aRealRunAsksForTheProjectsNameThenDeletesAndIsAudited() async throws {
        let (driver, emulator) = try await driver(size: Size(rows: 30, columns: 120))
        defer { emulator.stop() }
        let provider = try await seedPolicy(driver)
        await driver.start(instance: "hb")
        await driver.command("lifecycle hb/ns")
        await driver.press(.character("!"))
        #expect(driver.screen.contains("Run the retention policy of ns now?"), "\(driver.screen)")
        await driver.press(.character("n"), .enter)
        #expect(driver.screen.contains("Run the retention policy of ns now?"), "the name must be typed whole")
        await driver.press(.character("s"), .enter)
        var tags: [String] = []
        for _ in 0..<50 {
            tags = try await provider.tags(repository: "ns/app").collect().map(\.name)
            if !tags.contains("1.10.0-rc1") { break }
            try await Task.sleep(for: .milliseconds(200))
            await driver.settle()
        }
        #expect(Set(tags) == ["multi", "1.10.0", "latest", "1.2.0", "1.0.0"])
        let entries = AuditLog(directories: XDGDirectories(environment: ["HOME": driver.home.path])).entries()
        #expect(entries.map(\.action) == ["retention-run", "retention-run"])
        #expect(entries.map(\.phase) == ["intent", "done"])
    }

    @Test func immutabilityRulesAreAddedToggledAndDeleted() async throws {
        let (driver, emulator) = try await driver(size: Size(rows: 30, columns: 120))
        defer { emulator.stop() }
        let provider = try #require(try await driver.app.session.provider(for: "hb") as? HarborProvider)
        await driver.start(instance: "hb")
        await driver.command("immutable hb/ns")
        #expect(driver.screen.contains("No immutability rules. Press n to add one."), "\(driver.screen)")
        await driver.press(.character("n"))
        #expect(driver.screen.contains("New immutability rule"))
        for character in "v*" { driver.app.handle(.character(character)) }
        await driver.press(.enter)
        #expect(await driver.waitFor { $0.contains("matching v*") }, "\(driver.screen)")
        #expect(try await provider.immutableRules(project: "ns").map(\.tags.pattern) == ["v*"])
        await driver.press(.character("u"))
        #expect(await driver.waitFor { $0.contains("matching v*") && $0.contains(" yes") }, "\(driver.screen)")
        #expect(try await provider.immutableRules(project: "ns").map(\.disabled) == [true])
        await driver.press(.control("d"))
        #expect(driver.screen.contains("Delete immutability rule 1?"), "\(driver.screen)")
        await driver.press(.character("y"))
        #expect(await driver.waitFor { $0.contains("No immutability rules") }, "\(driver.screen)")
        #expect(try await provider.immutableRules(project: "ns").isEmpty)
        let actions = AuditLog(directories: XDGDirectories(environment: ["HOME": driver.home.path])).entries()
            .filter { $0.phase == "done" }.map(\.action)
        #expect(actions == ["immutable-rule-create", "immutable-rule-update", "immutable-rule-delete"])
    }
}
