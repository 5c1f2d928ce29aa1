import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// The `:robots` and `:audit` panes against the Harbor emulator as instance `hb`: snapshots in
/// English and Chinese at 80x24 (the console's clock is the emulator's seed anchor, so relative
/// times are stable; dates are masked), a robot created with its secret shown once and copied,
/// disabled, deleted after typing its name, and the audit log filtered through the server.
///
/// Every test resets this suite's own emulator, which is why the suite runs serialized.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct HarborAdministrationConsoleTests {
    private static let ownEmulator = Task<HarborEmulator, any Error> {
        try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
    }

    private func driver(
        language: Language = .english, size: Size = Size(rows: 24, columns: 80)
    ) async throws -> (ConsoleDriver, HarborEmulator) {
        let emulator = try await Self.ownEmulator.value
        try await emulator.resetModel()
        let driver = try await ConsoleDriver(
            language: language, size: size,
            config: """
                [[instances]]
                name = "hb"
                kind = "harbor"
                url = "\(emulator.url)"
                username = "\(emulator.username)"
                password_env = "HB_PASSWORD"
                """, environment: ["HB_PASSWORD": emulator.password], now: HarborEmulator.seedAnchor)
        await driver.start(instance: "hb")
        return (driver, emulator)
    }

    /// The screen with every `YYYY-MM-DD` masked (expiry dates move with the day the tests run).
    private func masked(_ driver: ConsoleDriver) -> String {
        driver.screen.replacingOccurrences(of: #"\d{4}-\d{2}-\d{2}"#, with: "YYYY-MM-DD", options: .regularExpression)
    }

    private func type(_ driver: ConsoleDriver, _ text: String) async {
        for character in text { driver.app.handle(.character(character)) }
        await driver.settle()
    }

    /// The table row whose first column starts with `text`.
    private func line(_ driver: ConsoleDriver, containing text: String) -> String? {
        driver.surface.lines.first { $0.hasPrefix("  \(text)") }
    }

    @Test(arguments: PaneSnapshotTests.languages)
    func robotAndAuditPanes(language: Language) async throws {
        let (driver, emulator) = try await driver(language: language)
        let project = try #require(emulator.projects.first)
        func name(_ pane: String) -> String { "harbor-\(pane)-\(language.rawValue)-80x24" }

        await driver.command("robots")
        try Snapshot.check(masked(driver), named: name("robots-system"))
        await driver.command("robots \(project)")
        try Snapshot.check(masked(driver), named: name("robots-project"))
        await driver.press(.character("w"))
        try Snapshot.check(masked(driver), named: name("robots-expiring"))
        await driver.command("audit")
        try Snapshot.check(masked(driver), named: name("audit"))
    }

    @Test func robotsOpenFromAProjectRowAndTheExpiringToggleHidesTheRest() async throws {
        let (driver, emulator) = try await driver()
        let project = try #require(emulator.projects.first)
        #expect(driver.screen.contains("<O> robots"), "\(driver.screen)")
        await driver.press(.character("O"))
        #expect(driver.screen.contains("robots · hb/\(project)"), "\(driver.screen)")
        let ci = try #require(line(driver, containing: "robot$\(project)+ci"))
        #expect(ci.contains("project") && ci.contains("repository:pull,push") && ci.contains("in 5d · "))
        #expect(ci.contains("enabled"))
        #expect(line(driver, containing: "robot$\(project)+old")?.contains("expired") == true)
        #expect(driver.screen.contains("<w> expiring ≤14d"), "\(driver.screen)")
        await driver.press(.character("w"))
        #expect(line(driver, containing: "robot$\(project)+old") == nil)
        #expect(driver.screen.contains("Only robots expiring within 14 days"))
        await driver.press(.character("w"))
        #expect(line(driver, containing: "robot$\(project)+old") != nil)
    }

    @Test func aNewRobotsSecretIsShownOnceCopiedAndGone() async throws {
        let (driver, emulator) = try await driver()
        let project = try #require(emulator.projects.first)
        await driver.command("robots \(project)")
        await driver.press(.character("n"))
        #expect(driver.screen.contains("New robot account in hb/\(project)"), "\(driver.screen)")
        await type(driver, "deploy")
        await driver.press(.enter)
        let shown = await driver.waitFor(timeout: .seconds(20)) { $0.contains("Secret of robot$\(project)+deploy") }
        #expect(shown, "\(driver.screen)")
        #expect(driver.screen.contains("Shown only now: Harbor never shows it again."))
        let provider = try #require(try await driver.app.session.provider(for: "hb") as? any RobotManaging)
        let robot = try #require(try await provider.robots(project: project).first { $0.name.hasSuffix("+deploy") })
        #expect(robot.duration == 30 && robot.permissionSummary == "repository:pull")
        // The dialog is the only place the secret is seen (the emulator's are 32 URL-safe characters).
        let match = driver.screen.firstMatch(of: /[A-Za-z0-9_\-]{32}/)
        let secret = String(try #require(match, "\(driver.screen)").output)
        await driver.press(.tab, .enter)
        #expect(
            driver.copied.count == 1 && driver.copied.first?.contains(Data(secret.utf8).base64EncodedString()) == true)
        #expect(driver.screen.contains("Copied the secret of robot$\(project)+deploy"), "\(driver.screen)")
        #expect(!driver.screen.contains(secret))
        let audit = try String(contentsOf: driver.app.auditLog.url, encoding: .utf8)
        #expect(!audit.contains(secret) && audit.contains("robot-create"))
    }

    @Test func robotsAreDisabledAndDeletedAfterTypingTheirName() async throws {
        let (driver, _) = try await driver()
        await driver.command("robots")
        #expect(line(driver, containing: "robot$ops")?.contains("enabled") == true, "\(driver.screen)")
        await driver.press(.character("j"))
        #expect(driver.selectedLine?.contains("robot$ops") == true, "\(driver.screen)")
        await driver.press(.character("u"))
        let disabled = await driver.waitFor(timeout: .seconds(20)) { screen in
            screen.contains("Disabled robot account robot$ops")
                && self.line(driver, containing: "robot$ops")?.contains("disabled") == true
        }
        #expect(disabled, "\(driver.screen)")
        await driver.press(.control("d"))
        #expect(driver.screen.contains("Delete robot account robot$ops?"), "\(driver.screen)")
        await type(driver, "robot$ops")
        await driver.press(.enter)
        let deleted = await driver.waitFor(timeout: .seconds(20)) { $0.contains("Deleted robot account robot$ops") }
        #expect(deleted && line(driver, containing: "robot$ops") == nil, "\(driver.screen)")
    }

    @Test func theAuditFilterBarAsksTheServer() async throws {
        let (driver, emulator) = try await driver()
        let project = try #require(emulator.projects.first)
        await driver.command("audit")
        #expect(line(driver, containing: "2h ago")?.contains("alice") == true, "\(driver.screen)")
        #expect(driver.screen.contains("audit log · hb [6]"), "six seeded entries")
        let before = try await emulator.requestCount()
        await driver.press(.character("/"))
        await type(driver, "user:bob")
        await driver.press(.enter)
        await driver.settle()
        #expect(try await emulator.requestCount() > before, "the filter reads the log again")
        let rows = driver.surface.lines.filter { $0.contains("\(project)/app") }
        #expect(rows.count == 1 && rows.first?.contains("bob") == true && rows.first?.contains("delete") == true)
        #expect(!driver.screen.contains("alice"))
    }

    @Test func theUsagePaneShowsEachProjectsStorageQuota() async throws {
        let (driver, emulator) = try await driver(size: Size(rows: 30, columns: 120))
        await driver.command("usage")
        let provider = try #require(try await driver.app.session.provider(for: "hb") as? HarborProvider)
        for quota in try await provider.projectQuotas() {
            let row = try #require(line(driver, containing: "storage · \(quota.project) "), "\(driver.screen)")
            #expect(row.contains(ByteCount.format(quota.usedStorage)))
            #expect(row.contains(quota.hardStorage.map(ByteCount.format) ?? " - "), "\(row)")
        }
        #expect(
            line(driver, containing: "storage · \(try #require(emulator.projects.first)) ")?.contains("1.0 GiB") == true
        )
    }

    @Test func theAuditLogLoadsMoreOnRequest() async throws {
        let (driver, _) = try await driver()
        let provider = try #require(try await driver.app.session.provider(for: "hb") as? HarborProvider)
        let ops = try #require(try await provider.robots(project: nil).first { $0.name == "robot$ops" })
        for index in 0..<105 { try await provider.setRobot(id: ops.id, disabled: index % 2 == 0) }
        await driver.command("audit")
        #expect(driver.screen.contains("audit log · hb [100"), "\(driver.screen)")
        #expect(driver.screen.contains("Newest 100 entries; m loads more."), "\(driver.screen)")
        #expect(driver.screen.contains("<m> load more"), "\(driver.screen)")
        await driver.press(.character("m"))
        let loaded = await driver.waitFor(timeout: .seconds(20)) { $0.contains("audit log · hb [111]") }
        #expect(loaded, "\(driver.screen)")
        #expect(!driver.screen.contains("m loads more") && !driver.screen.contains("<m> load more"))
    }
}
