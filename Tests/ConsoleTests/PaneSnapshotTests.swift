import Foundation
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// Every pane at 80×24 and 160×48, in English and Chinese, against the real seeded registry.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct PaneSnapshotTests {
    nonisolated static let sizes = [Size(rows: 24, columns: 80), Size(rows: 48, columns: 160)]
    nonisolated static let languages: [Language] = [.english, .simplifiedChinese]

    private func name(_ pane: String, _ language: Language, _ size: Size) -> String {
        "\(pane)-\(language.rawValue)-\(size.columns)x\(size.rows)"
    }

    @Test(arguments: languages, sizes)
    func browsingPanes(language: Language, size: Size) async throws {
        let driver = try await ConsoleDriver(language: language, size: size)
        await driver.start()
        try Snapshot.check(driver.screen, named: name("instances", language, size))

        await driver.press(.enter)
        try Snapshot.check(driver.screen, named: name("namespaces", language, size))

        await driver.command("ns ns")
        try Snapshot.check(driver.screen, named: name("repositories", language, size))

        await driver.command("tags ns/app")
        try Snapshot.check(driver.screen, named: name("tags", language, size))

        await driver.press(.character("?"))
        try Snapshot.check(driver.screen, named: name("help", language, size))
        await driver.press(.escape)

        await driver.press(.character("G"), .enter)
        try Snapshot.check(driver.screen, named: name("artifact-index", language, size))
        await driver.press(.tab)
        try Snapshot.check(driver.screen, named: name("artifact-index-platforms", language, size))
    }

    @Test(arguments: languages, sizes)
    func artifactTabsShowCJKAndSanitizedLabels(language: Language, size: Size) async throws {
        let driver = try await ConsoleDriver(language: language, size: size)
        await driver.start()
        await driver.press(.enter)
        await driver.command("tags mirror/library/alpine")
        await driver.press(.enter)
        try Snapshot.check(driver.screen, named: name("artifact-overview", language, size))
        await driver.press(.tab, .tab, .tab)
        let config = driver.screen
        try Snapshot.check(config, named: name("artifact-config", language, size))
        #expect(config.contains("Alpine 镜像 — 轻量基础镜像"))
        #expect(config.contains("␛[31mred␛[0m vendor"))
        #expect(!config.contains("\u{1B}"))
        await driver.press(.tab, .tab, .tab)
        try Snapshot.check(driver.screen, named: name("artifact-manifest", language, size))
    }

    @Test(arguments: languages)
    func deleteConfirmationAndSmallTerminal(language: Language) async throws {
        let driver = try await ConsoleDriver(language: language, size: Size(rows: 24, columns: 80), production: true)
        await driver.start()
        await driver.press(.enter)
        await driver.command("tags ns/app")
        await driver.press(.character("j"), .character(" "), .character(" "), .control("d"))
        try Snapshot.check(driver.screen, named: "delete-dialog-\(language.rawValue)")
        await driver.press(.escape)
        driver.surface.reset(size: Size(rows: 12, columns: 50))
        driver.app.render(on: driver.surface)
        try Snapshot.check(driver.screen, named: "too-small-\(language.rawValue)")
    }
}
