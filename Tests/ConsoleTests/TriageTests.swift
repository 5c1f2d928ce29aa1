import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// Scan triage panes against the pristine registry, where `ns/web:v2` and `ns/web:stable` carry
/// Trivy reports attached as referrers by the seeder.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct TriageTests {
    private func name(_ pane: String, _ language: Language, _ size: Size) -> String {
        "\(pane)-\(language.rawValue)-\(size.columns)x\(size.rows)"
    }

    /// The console on the namespaces pane of `local`.
    private func local(
        language: Language = .english, size: Size = Size(rows: 24, columns: 120)
    ) async throws -> ConsoleDriver {
        let driver = try await ConsoleDriver(language: language, size: size)
        await driver.start()
        await driver.press(.enter)
        return driver
    }

    /// The findings pane of `ns/web:stable`, opened from the tags pane with `v`.
    private func findingsPane() async throws -> ConsoleDriver {
        let driver = try await local()
        await driver.command("tags ns/web")
        await driver.press(.character("g"), .character("v"))
        return driver
    }

    @Test(arguments: PaneSnapshotTests.languages, PaneSnapshotTests.sizes)
    func triagePanes(language: Language, size: Size) async throws {
        let driver = try await local(language: language, size: size)
        await driver.command("tags ns/web")
        try Snapshot.check(driver.screen, named: name("tags-scan", language, size))

        await driver.press(.character("g"), .character("v"))
        try Snapshot.check(driver.screen, named: name("findings", language, size))
        await driver.press(.character("p"))
        try Snapshot.check(driver.screen, named: name("findings-packages", language, size))
        await driver.press(.character("c"))
        try Snapshot.check(driver.screen, named: name("findings-vulnerabilities", language, size))
        await driver.press(.escape, .character("j"), .character("j"), .enter)
        try Snapshot.check(driver.screen, named: name("finding-detail", language, size))

        await driver.press(.escape, .escape, .character("g"), .character(" "), .character(" "), .character("d"))
        try Snapshot.check(driver.screen, named: name("diff", language, size))

        await driver.command("vulns")
        try Snapshot.check(driver.screen, named: name("vulns", language, size))
    }

    @Test func tagsPaneCountsFindingsPerTagWorstFirst() async throws {
        let driver = try await local()
        #expect(driver.state.seed.scans["ns/web:stable"] == ["critical": 2, "medium": 1, "low": 2])
        await driver.command("tags ns/web")
        let stable = try #require(driver.surface.lines.first { $0.hasPrefix("  stable") })
        let v2 = try #require(driver.surface.lines.first { $0.hasPrefix("  v2") })
        #expect(stable.contains("C2 M1 L2"))
        #expect(v2.contains("C2 H1 M1"))
        // The report of 1.10.0 is an empty SARIF run: scanned, nothing found.
        await driver.command("tags ns/app")
        #expect(try #require(driver.surface.lines.first { $0.hasPrefix("  1.10.0 ") }).contains(" 0 "))
        #expect(try #require(driver.surface.lines.first { $0.hasPrefix("  1.2.0 ") }).contains(" - "))
    }

    @Test func findingsAreSortedBySeverityThenCVSSAndFilterByExpression() async throws {
        let driver = try await findingsPane()
        let ids = driver.surface.lines.compactMap { line in
            line.split(separator: " ").first { $0.hasPrefix("CVE-") }.map(String.init)
        }
        #expect(ids == ["CVE-2024-3094", "CVE-2022-48174", "CVE-2024-2398", "CVE-2023-6237", "CVE-2024-0727"])
        #expect(driver.screen.contains("[5]"))

        try driver.app.top.flatMap { $0 as? ResourcePane<FindingList> }.map {
            try $0.setFilter("sev>=critical fixable:y")
        }
        await driver.settle()
        #expect(driver.screen.contains("[1 of 5]"))
        #expect(driver.screen.contains("CVE-2024-3094"))
        #expect(!driver.screen.contains("CVE-2022-48174"))

        await driver.press(.character("/"))
        for key in " sev>=urgent" { driver.app.handle(.character(key)) }
        await driver.settle()
        #expect(driver.screen.contains("'urgent' is not a severity"))
        await driver.press(.escape)
    }

    @Test func packageRollupSaysWhichUpgradeFixesMost() async throws {
        let driver = try await findingsPane()
        await driver.press(.character("p"))
        let openssl = try #require(driver.surface.lines.first { $0.contains("openssl") })
        #expect(openssl.contains("3.0.13"))
        #expect(openssl.contains(" 2 "))
        #expect(
            driver.surface.lines.firstIndex { $0.contains("openssl") }! < driver.surface.lines.firstIndex {
                $0.contains("xz-libs")
            }!)
        await driver.press(.enter)
        #expect(driver.screen.contains("pkg:openssl"))
        #expect(driver.screen.contains("[2 of 5]"))
    }

    @Test func detailShowsLinksAsOSC8AndNeverRawEscapes() async throws {
        let driver = try await findingsPane()
        await driver.press(.character("j"), .character("j"), .enter)
        #expect(driver.screen.contains("libcurl：HTTP/2 推送头内存泄漏"))
        #expect(driver.screen.contains("8.5.0  →  8.7.1"))
        #expect(driver.screen.contains("␛[2J"))
        #expect(!driver.surface.text.contains("\u{1B}"))
        driver.app.writeHyperlinks()
        let links = driver.copied.joined()
        #expect(links.contains("\u{1B}]8;;https://avd.aquasec.com/nvd/cve-2024-2398\u{1B}\\"))
        #expect(links.contains("\u{1B}]8;;https://nvd.nist.gov/vuln/detail/CVE-2024-2398\u{1B}\\"))
    }

    @Test func diffOfAMarkedPairPutsTheOlderTagFirst() async throws {
        let driver = try await ConsoleDriver(language: .english, size: Size(rows: 24, columns: 120))
        await driver.start()
        await driver.press(.enter)
        await driver.command("tags ns/web")
        await driver.press(.character("d"))
        #expect(driver.screen.contains("Mark two tags"))
        await driver.press(.character("g"), .character(" "), .character(" "), .character("d"))
        #expect(driver.screen.contains("v2 → stable"))
        #expect(driver.screen.contains("new 4 · fixed 3 · unchanged 1"))
        let fixed = driver.surface.lines.filter { $0.contains("fixed ") && $0.contains("CVE-") }.compactMap {
            $0.split(separator: " ").first { $0.hasPrefix("CVE-") }
        }
        #expect(Set(fixed) == ["CVE-2022-37434", "CVE-2023-0286", "CVE-2023-2650"])
    }

    @Test func suppressingHidesTheFindingButKeepsItCounted() async throws {
        let driver = try await findingsPane()
        await driver.press(.character("j"), .character("x"))
        #expect(driver.screen.contains("Suppress CVE-2022-48174"))
        await driver.press(.enter)
        #expect(driver.screen.contains("a reason is required"), "saving without a reason is refused")
        await driver.press(.down, .down, .down)
        for key in "ash is not in the image" { driver.app.handle(.character(key)) }
        await driver.press(.enter)
        #expect(!driver.surface.lines.dropLast(2).contains { $0.contains("CVE-2022-48174") })
        #expect(driver.screen.contains("[4 · 1 suppressed]"))
        let stored = try SuppressionStore(
            instance: "local", directories: XDGDirectories(environment: ["HOME": driver.home.path])
        ).load()
        #expect(stored.map(\.vulnerability) == ["CVE-2022-48174"])
        #expect(stored.first?.reason == "ash is not in the image")
        #expect(stored.first?.expires == SuppressionFlow.date("2026-08-30"))

        await driver.press(.character("H"))
        let shown = try #require(driver.surface.lines.first { $0.contains("CVE-2022-48174") })
        #expect(shown.contains("critical·s"))
        let audit = try String(
            contentsOf: XDGDirectories(environment: ["HOME": driver.home.path]).state.appendingPathComponent(
                "audit.log"), encoding: .utf8)
        #expect(audit.contains("CVE-2022-48174 busybox in ns/web@"))
        #expect(audit.contains("ash is not in the image"))
    }

    @Test func overviewFindsTheImagesWithAFixableCritical() async throws {
        let driver = try await local(size: Size(rows: 24, columns: 140))
        await driver.command("vulns")
        let rows = driver.surface.lines.filter { $0.hasPrefix("  ") && !$0.contains("REPOSITORY") }
        #expect(rows.first?.hasPrefix("  ns/web ") == true, "the worst repository comes first")
        #expect(rows.first?.contains("stable") == true)
        #expect(rows.first?.contains("C2 M1 L2") == true)
        try driver.app.top.map { try $0.setFilter("id:CVE-2024-3094") }
        await driver.settle()
        #expect(driver.screen.contains("[1 of 5]"))
        try driver.app.top.map { try $0.setFilter("sev>=critical fixable:y") }
        await driver.settle()
        #expect(driver.screen.contains("[1 of 5]"))
        await driver.press(.enter)
        #expect(driver.screen.contains("tags · ns/web"))
        #expect(driver.selectedLine?.hasPrefix("  stable ") == true, "the newest tag is selected")
        await driver.press(.escape)
        await driver.press(.character("v"))
        #expect(driver.screen.contains("findings · ns/web:stable"))
    }
}
