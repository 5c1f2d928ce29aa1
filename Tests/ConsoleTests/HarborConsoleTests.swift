import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// A Harbor instance in the console, against the Harbor emulator over the pristine registry:
/// projects with their storage, artifacts' tags with pull times and the SCAN column filled from the
/// listing's scan overview alone, in English and Chinese.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct HarborConsoleTests {
    private static let ownEmulator = Task<HarborEmulator, any Error> {
        try await HarborEmulator.start(registry: RegistryHarness.pristine().basic)
    }

    /// A console with the entry `hb` on `emulator`, the suite's own by default.
    private func driver(
        language: Language = .english, size: Size, emulator given: HarborEmulator? = nil
    ) async throws -> (ConsoleDriver, HarborEmulator) {
        let emulator = if let given { given } else { try await Self.ownEmulator.value }
        let driver = try await ConsoleDriver(
            language: language, size: size, shared: true,
            config: """
                [[instances]]
                name = "hb"
                kind = "harbor"
                url = "\(emulator.url)"
                insecure = true
                username = "\(emulator.username)"
                password_env = "HARBOR_PASSWORD"
                """, environment: ["HARBOR_PASSWORD": emulator.password])
        return (driver, emulator)
    }

    @Test func findingsShowTheProjectsCVEAllowlistBesideTheSuppressions() async throws {
        // An emulator of its own: the scans below would change the other test's snapshots.
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.pristine().basic)
        defer { emulator.stop() }
        let (driver, _) = try await driver(size: Size(rows: 40, columns: 160), emulator: emulator)
        let provider = try #require(try await driver.app.session.provider(for: "hb") as? HarborProvider)
        // The emulator's findings depend on the digest: find a tag whose report has the allowlisted CVE.
        var chosen: (tag: String, report: ScanReport)?
        for tag in ["1.0.0", "1.2.0", "1.10.0-rc1", "1.10.0", "multi"] where chosen == nil {
            if try await provider.scanState(repository: "ns/app", tag: tag) != .complete {
                try await provider.startScan(repository: "ns/app", tag: tag)
                _ = try await provider.waitForScan(repository: "ns/app", tag: tag, every: .milliseconds(20))
            }
            let digest = try #require(try await provider.currentDigest(repository: "ns/app", tag: tag))
            let report = try #require(try await provider.scanReport(repository: "ns/app", tag: tag, digest: digest))
            if report.findings.contains(where: { $0.vulnerability == "CVE-2019-1549" }) { chosen = (tag, report) }
        }
        let (tag, report) = try #require(chosen, "no seeded image reports CVE-2019-1549")
        let allowlisted = report.findings.count { $0.vulnerability == "CVE-2019-1549" }

        await driver.start(instance: "hb")
        await driver.command("tags ns/app")
        #expect(await driver.select(row: tag), "\(driver.screen)")
        await driver.press(.character("v"))
        #expect(driver.screen.contains("ALLOWLIST"), "\(driver.screen)")
        let line = try #require(driver.surface.lines.first { $0.contains("CVE-2019-1549") }, "\(driver.screen)")
        #expect(line.contains("project ns"), "\(line)")
        #expect(driver.surface.lines.filter { $0.contains("project ns") }.count == allowlisted)
        #expect(driver.screen.contains("\(allowlisted) on the registry's CVE allowlist"), "\(driver.screen)")
    }

    @Test(arguments: PaneSnapshotTests.languages, PaneSnapshotTests.sizes)
    func panes(language: Language, size: Size) async throws {
        func name(_ pane: String) -> String { "harbor-\(pane)-\(language.rawValue)-\(size.columns)x\(size.rows)" }
        let (driver, _) = try await driver(language: language, size: size)
        let provider = try #require(try await driver.app.session.provider(for: "hb") as? HarborProvider)
        if try await provider.scanState(repository: "ns/app", tag: "1.0.0") != .complete {
            try await provider.startScan(repository: "ns/app", tag: "1.0.0")
            _ = try await provider.waitForScan(repository: "ns/app", tag: "1.0.0", every: .milliseconds(20))
        }
        let counts = try await provider.scanSummary(repository: "ns/app", tag: "1.0.0")

        await driver.start(instance: "hb")
        let project = try #require(driver.row("ns"), "\(driver.screen)")
        #expect(project.contains(language == .english ? "(no quota)" : "（无配额）"), "\(project)")
        try Snapshot.check(driver.screen, named: name("projects"))

        await driver.command("tags ns/app")
        let scanned = try #require(driver.row("1.0.0"), "\(driver.screen)")
        #expect(scanned.contains(counts.countsText), "the listing's overview: \(scanned)")
        #expect(driver.row("1.2.0")?.contains(" - ") == true, "never scanned: \(driver.screen)")
        if size.columns >= 160 {
            #expect(driver.screen.contains(language == .english ? "PULLED" : "拉取时间"), "\(driver.screen)")
            #expect(driver.row("1.10.0")?.contains("referrer") == true, "the SARIF referrer: \(driver.screen)")
        }
        try Snapshot.check(driver.screen, named: name("tags"))
    }
}
