import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// The Harbor replication and webhook panes against the Harbor emulator's seed: snapshots in
/// English and Chinese at 80x24, running and stopping from the panes (confirmed, audited), the
/// task log, and webhook targets shown without their secrets.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct HarborAutomationConsoleTests {
    /// A console with one `harbor` entry `hb` over a fresh emulator.
    private func driver(
        language: Language = .english, size: Size = Size(rows: 24, columns: 80), readOnly: Bool = false
    ) async throws -> (ConsoleDriver, HarborEmulator) {
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
        let driver = try await ConsoleDriver(
            language: language, size: size, readOnly: readOnly, shared: true,
            config: """
                [[instances]]
                name = "hb"
                kind = "harbor"
                url = "\(emulator.url)"
                username = "\(emulator.username)"
                password_env = "HARBOR_PASSWORD"
                """, environment: ["HARBOR_PASSWORD": emulator.password])
        await driver.start(instance: "hb")
        return (driver, emulator)
    }

    private func replication(_ driver: ConsoleDriver) async throws -> any ReplicationPolicyManaging {
        try #require(try await driver.app.session.provider(for: "hb") as? any ReplicationPolicyManaging)
    }

    @Test(arguments: PaneSnapshotTests.languages)
    func harborAutomationPanes(language: Language) async throws {
        let (driver, emulator) = try await driver(language: language)
        defer { emulator.stop() }
        func name(_ pane: String) -> String { "\(pane)-\(language.rawValue)-80x24" }
        await driver.command("replication")
        try Snapshot.check(driver.screen, named: name("harbor-replication-policies"))
        await driver.press(.enter)
        try Snapshot.check(driver.screen, named: name("harbor-replication-executions"))
        await driver.press(.enter)
        try Snapshot.check(driver.screen, named: name("harbor-replication-tasks"))
        await driver.command("webhooks ns")
        try Snapshot.check(driver.screen, named: name("harbor-webhooks"))
        await driver.press(.enter)
        try Snapshot.check(driver.screen, named: name("harbor-webhook-jobs"))
    }

    @Test func policiesShowTheirNewestStatusAndAFailedTaskItsLog() async throws {
        let (driver, emulator) = try await driver(size: Size(rows: 30, columns: 140))
        defer { emulator.stop() }
        await driver.command("replication")
        #expect(driver.screen.contains("replication · hb"), "\(driver.screen)")
        let push = try #require(driver.surface.lines.first { $0.contains("push-ns-to-dr") }, "\(driver.screen)")
        #expect(push.contains("Local → dr-harbor/ns-backup") && push.contains("event-based") && push.contains("failed"))
        let offsite = try #require(driver.surface.lines.first { $0.contains("offsite-copy") })
        #expect(offsite.contains("no") && offsite.contains("-"), "\(offsite)")
        #expect(driver.screen.contains("Filters: name=ns/{app,web}  tag=**"), "\(driver.screen)")

        await driver.press(.enter)
        #expect(driver.screen.contains("executions · hb · push-ns-to-dr"), "\(driver.screen)")
        let failed = try #require(driver.surface.lines.first { $0.contains("failed") && $0.contains("manual") })
        #expect(failed.contains("42s"), "\(failed)")
        await driver.press(.enter)
        #expect(driver.screen.contains("tasks · hb · #2"), "\(driver.screen)")
        let first = driver.surface.lines.first { $0.contains("ns/app:[") }
        #expect(first?.contains("failed") == true, "failed tasks come first: \(driver.screen)")
        await driver.press(.enter)
        #expect(driver.screen.contains("failed to push manifest of artifact ns-backup/app:"), "\(driver.screen)")
    }

    @Test func runningAndStoppingAreConfirmedAndAudited() async throws {
        let (driver, emulator) = try await driver(size: Size(rows: 30, columns: 140))
        defer { emulator.stop() }
        await driver.command("replication")
        await driver.press(.character("!"))
        #expect(driver.screen.contains("Run replication policy push-ns-to-dr now?"), "\(driver.screen)")
        await driver.press(.character("y"))
        #expect(driver.screen.contains("Started execution 4 of policy push-ns-to-dr"), "\(driver.screen)")
        await driver.press(.enter)
        #expect(driver.surface.lines.contains { $0.contains("running") && $0.contains("manual") }, "\(driver.screen)")
        await driver.press(.control("x"))
        #expect(driver.screen.contains("Stop execution 4?"), "\(driver.screen)")
        await driver.press(.character("y"))
        #expect(driver.screen.contains("Stopped execution 4"), "\(driver.screen)")
        #expect(try await replication(driver).replicationExecution(id: 4).status.word == "Stopped")
        let actions = AuditLog(directories: driver.app.directories).entries().map(\.action)
        #expect(actions.contains("replication-run") && actions.contains("replication-stop"), "\(actions)")
    }

    @Test func aReadOnlyConsoleOffersNoRun() async throws {
        let (driver, emulator) = try await driver(size: Size(rows: 30, columns: 140), readOnly: true)
        defer { emulator.stop() }
        await driver.command("replication")
        await driver.press(.character("!"))
        #expect(!driver.screen.contains("Run replication policy"), "\(driver.screen)")
        #expect(try await replication(driver).replicationExecutions(policyID: nil, status: nil, limit: 50).count == 3)
    }

    @Test func webhooksOpenFromAProjectRowWithTargetsMasked() async throws {
        let (driver, emulator) = try await driver(size: Size(rows: 30, columns: 160))
        defer { emulator.stop() }
        await driver.command("ctx hb")
        #expect(driver.screen.contains("<t> triggers"), "a Harbor project row offers its webhooks: \(driver.screen)")
        driver.app.handle(.character("/"))
        for character in "ns" { driver.app.handle(.character(character)) }
        await driver.press(.enter, .character("t"))
        #expect(driver.screen.contains("webhooks · hb/ns"), "\(driver.screen)")
        #expect(driver.screen.contains("https://deploy:***@hooks.example.com/harbor?token=***"), "\(driver.screen)")
        #expect(driver.screen.contains("auth header set (hidden)"), "\(driver.screen)")
        for secret in ["s3cr3t", "hook-secret-123", "abc123"] { #expect(!driver.screen.contains(secret)) }
        await driver.press(.enter, .enter)
        #expect(driver.screen.contains("failed to exec webhook request"), "\(driver.screen)")
    }
}
