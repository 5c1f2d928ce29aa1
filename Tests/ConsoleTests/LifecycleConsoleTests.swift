import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// The lifecycle pane, the rule editor with its live preview, and applying from it, on a repository
/// of the shared registry seeded with the 30-tag retention fixture.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct LifecycleConsoleTests {
    /// One fixture repository per test process, named so snapshots are stable.
    private static let seeded = Task<String, any Error> {
        let repository = "scratch/retention-console"
        try RegistryHarness.seedRetentionFixture(
            registry: try await RegistryHarness.shared().anonymous.url, repository: repository)
        return repository
    }

    private func type(_ driver: ConsoleDriver, _ text: String) {
        for character in text { driver.app.handle(.character(character)) }
    }

    @Test(arguments: PaneSnapshotTests.languages, PaneSnapshotTests.sizes)
    func editorPreviewFollowsTheFields(language: Language, size: Size) async throws {
        let repository = try await Self.seeded.value
        let driver = try await ConsoleDriver(language: language, size: size, shared: true)
        await driver.start()
        await driver.press(.enter)
        await driver.command("tags \(repository)")
        await driver.press(.character("L"))
        #expect(driver.screen.contains(language == .english ? "No lifecycle rules here" : "这里没有生命周期规则"))
        await driver.press(.character("n"))
        let initial = driver.screen
        #expect(
            initial.contains(
                language == .english ? "delete 20 of 30 tags (18 manifests) · keep 10" : "删除 30 个标签中的 20 个（18 个清单）"))
        try Snapshot.check(initial, named: "lifecycle-editor-\(language.rawValue)-\(size.columns)x\(size.rows)")

        await driver.press(.backspace, .backspace)
        type(driver, "3")
        await driver.settle()
        #expect(driver.screen.contains(language == .english ? "delete 27 of 30 tags" : "删除 30 个标签中的 27 个"))
        await driver.press(.tab)
        type(driver, "^release-")
        await driver.settle()
        #expect(driver.screen.contains(language == .english ? "delete 22 of 30 tags" : "删除 30 个标签中的 22 个"))
        if size.rows >= 48 {
            #expect(
                driver.screen.contains(
                    language == .english
                        ? "kept: shares its digest with kept tag release-1.2" : "保留：与保留的标签 release-1.2 共用摘要"))
        }
        type(driver, "(")
        await driver.settle()
        #expect(driver.screen.contains("does not compile"))
        await driver.press(.escape)
        #expect(
            driver.screen.contains(language == .english ? "No lifecycle rules here" : "这里没有生命周期规则"),
            "esc leaves without saving")
    }

    @Test func savingThenApplyingLeavesTheKeptSetAndReportsEachManifest() async throws {
        let state = try await RegistryHarness.shared()
        let repository = "scratch/retention-console-apply"
        try RegistryHarness.seedRetentionFixture(registry: state.anonymous.url, repository: repository)
        let driver = try await ConsoleDriver(language: .english, size: Size(rows: 40, columns: 140), shared: true)
        await driver.editNewRule(in: repository, keep: "5")
        await driver.press(.tab)
        type(driver, "^release-")
        await driver.settle()
        #expect(driver.screen.contains("delete 20 of 30 tags (19 manifests) · keep 10"))
        #expect(driver.screen.contains("compared with the saved rules: 20 more deleted, 0 fewer"))
        await driver.press(.enter)
        #expect(driver.screen.contains("5 newest · matches ^release-"), "the saved rule is listed")
        await driver.press(.character("a"))
        #expect(driver.screen.contains("delete 20 tags (19 manifests), keep 10"))
        #expect(driver.screen.contains("Type 'delete 19' to confirm"))
        type(driver, "delete 19")
        await driver.press(.enter)
        await driver.app.top?.settle()
        await driver.settle()
        #expect(driver.screen.contains("Deleted 19, skipped 0, failed 0"), "\(driver.screen)")
        #expect(driver.screen.contains("19/19 done"))

        let provider = try await driver.app.session.provider(for: "local")
        let left = Set(try await provider.tags(repository: repository).collect().map(\.name))
        #expect(
            left == [
                "latest", "build-020", "build-019", "candidate", "build-018", "release-1.0", "release-1.1",
                "release-1.2", "release-2.0", "stable",
            ])
        let audit = AuditLog(directories: driver.app.directories).entries()
        #expect(audit.filter { $0.action == "delete-manifest" && $0.phase == "done" }.count == 19)
        #expect(audit.last?.action == "lifecycle-run")

        // The panes under the run follow it without ctrl-r: the rules show their last run, the tags
        // pane lists only what is left.
        await driver.press(.escape)
        #expect(driver.screen.contains("-19"), "the rule's last run")
        await driver.press(.escape)
        #expect(driver.screen.contains("tags · \(repository) [10]"))
        #expect(!driver.screen.contains("build-001"))
    }
}
