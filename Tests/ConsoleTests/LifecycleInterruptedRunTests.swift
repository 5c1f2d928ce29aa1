import Foundation
import TerminalUI
import TestSupport
import Testing

@testable import Console
@testable import RegistryClient

/// Applying rules from the console while a lifecycle run planned over another scope is unfinished:
/// the run is named and nothing is planned or deleted.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct LifecycleInterruptedRunTests {
    @Test func anUnfinishedRunOfAnotherScopeIsNamedAndNothingIsDeleted() async throws {
        let state = try await RegistryHarness.shared()
        let repository = "scratch/retention-console-interrupted"
        try RegistryHarness.seedRetentionFixture(registry: state.anonymous.url, repository: repository)
        let driver = try await ConsoleDriver(language: .english, size: Size(rows: 40, columns: 220), shared: true)
        // A run over another repository was killed before it deleted anything.
        let elsewhere = "scratch/elsewhere"
        let digest = Digest.sha256(of: Data("elsewhere".utf8))
        let header = LifecycleJournal.Header(
            started: ConsoleDriver.now, instance: "local", scope: "repository \(elsewhere)",
            fingerprint: "sha256:another-run", rules: ["old"],
            items: [LifecycleJournal.Item(repository: elsewhere, digest: digest, expected: ["v1": digest])],
            knownTags: [elsewhere: ["v1"]])
        try LifecycleJournal(instance: "local", directories: driver.app.directories).begin(header)

        await driver.editNewRule(in: repository, keep: "5")
        await driver.press(.enter)
        #expect(driver.screen.contains("5 newest"), "the saved rule is listed")
        await driver.press(.character("a"))
        await driver.settle()
        #expect(
            driver.screen.contains("An interrupted lifecycle run on local, repository \(elsewhere) (started"),
            "\(driver.screen)")
        #expect(!driver.screen.contains("Type 'delete"), "no confirmation is offered")

        let provider = try await driver.app.session.provider(for: "local")
        #expect(try await provider.tags(repository: repository).collect().count == 30)
        #expect(
            LifecycleExecutor(provider: provider, directories: driver.app.directories).interrupted?.header.fingerprint
                == "sha256:another-run")
    }
}
