import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// The trigger, event-center and delivery-chain panes against the ACR emulator: snapshots of each
/// pane in English and Chinese, and the changes they make (audited, credentials never shown).
///
/// Every test uses this suite's own emulator, back to its startup model, which is why the suite
/// runs serialized.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct DeliveryConsoleTests {
    /// Started once: an emulator reads every manifest of the registry at startup.
    private static let ownEmulator = Task<ACREmulator, any Error> {
        try await ACREmulator.start(registry: RegistryHarness.shared().basic)
    }

    /// Secrets of the seeded trigger's URL that no screen may show.
    private static let seededSecrets = ["s3cr3t", "abc123"]

    /// A console on the emulator at its startup model (`acr.emulator-main` and `acr.emulator-empty`),
    /// and the main instance's first repository, the one the emulator seeds triggers on.
    private func driver(
        language: Language = .english, size: Size = Size(rows: 30, columns: 140), readOnly: Bool = false
    ) async throws -> (ConsoleDriver, String) {
        let emulator = try await Self.ownEmulator.value
        try await emulator.restoreStartupState()
        let driver = try await ConsoleDriver(
            language: language, size: size, readOnly: readOnly, shared: true,
            config: """
                [[instances]]
                name = "acr"
                kind = "acr"
                region = "\(emulator.region)"
                endpoint = "\(emulator.url)"
                """, environment: emulator.environment(emulator.key))
        await driver.start(instance: "acr.emulator-main")
        let provider = try await driver.app.session.provider(for: "acr.emulator-main")
        let names = try await provider.repositories(namespace: nil).collect().map(\.name).sorted()
        return (driver, try #require(names.first))
    }

    private func type(_ driver: ConsoleDriver, _ text: String) async {
        for character in text { driver.app.handle(.character(character)) }
        await driver.settle()
    }

    /// The table row starting with `name`.
    private func row(_ driver: ConsoleDriver, _ name: String) -> String? {
        driver.surface.lines.first { $0.hasPrefix("  \(name) ") || $0.hasPrefix("  \(name)  ") }
    }

    private func triggers(_ driver: ConsoleDriver, _ repository: String) async throws -> [String: RepositoryTrigger] {
        let provider = try #require(
            try await driver.app.session.provider(for: "acr.emulator-main") as? any TriggerManaging)
        return Dictionary(
            uniqueKeysWithValues: try await provider.triggers(repository: repository).map { ($0.name, $0) })
    }

    private func expectNoSecrets(_ driver: ConsoleDriver, _ secrets: [String] = seededSecrets) {
        for secret in secrets { #expect(!driver.screen.contains(secret), "\(secret) on screen:\n\(driver.screen)") }
    }

    // MARK: Snapshots

    @Test(arguments: PaneSnapshotTests.languages, PaneSnapshotTests.sizes)
    func deliveryPanes(language: Language, size: Size) async throws {
        func name(_ pane: String) -> String { "\(pane)-\(language.rawValue)-\(size.columns)x\(size.rows)" }
        let (driver, repository) = try await driver(language: language, size: size)

        await driver.command("triggers \(repository)")
        try Snapshot.check(driver.screen, named: name("triggers"))
        expectNoSecrets(driver)

        await driver.press(.character("n"))
        await type(driver, "nightly")
        await driver.press(.tab)
        await type(driver, "https://hooks.example.com/nightly")
        await driver.press(.tab, .left, .tab)
        await type(driver, "v(")
        try Snapshot.check(driver.screen, named: name("trigger-form"))
        await driver.press(.escape)

        await driver.command("events")
        try Snapshot.check(driver.screen, named: name("events"))
        await driver.press(.character("r"))
        try Snapshot.check(driver.screen, named: name("event-rules"))

        await driver.command("chains")
        try Snapshot.check(driver.screen, named: name("chains"))
        await driver.press(.enter)
        try Snapshot.check(driver.screen, named: name("chain-runs"))
    }

    // MARK: Triggers

    @Test func triggerIsCreatedEditedAndDeletedWithItsCredentialsMasked() async throws {
        let (driver, repository) = try await driver()
        await driver.command("ns \(Namespace.of(repository: repository))")
        #expect(driver.screen.contains("<t> triggers"), "\(driver.screen)")
        await driver.press(.character("t"))
        #expect(driver.screen.contains("triggers · acr.emulator-main/\(repository)"))
        #expect(row(driver, "redeploy")?.contains("https://deploy:***@hooks.example.com/redeploy?token=***") == true)
        #expect(driver.screen.contains("<n> new  <e> edit  <ctrl-d> delete"), "\(driver.screen)")
        expectNoSecrets(driver)

        await driver.press(.character("n"))
        #expect(driver.screen.contains("New trigger"))
        await type(driver, "staging")
        await driver.press(.tab)
        await type(driver, "ftp://hooks.example.com")
        #expect(driver.screen.contains("not an http or https URL"), "\(driver.screen)")
        for _ in 0..<23 { driver.app.handle(.backspace) }
        await type(driver, "https://ci:pa55@hooks.example.com/staging?key=k3y")
        #expect(driver.screen.contains("shown as https://ci:***@hooks.example.com/staging?key=***"))
        await driver.press(.tab, .right, .tab)
        await driver.press(.enter)
        #expect(driver.screen.contains("New trigger"), "a tag list needs tags")
        await type(driver, "v1,latest")
        await driver.press(.enter)
        #expect(driver.screen.contains("Created trigger staging"), "\(driver.screen)")
        let staging = try #require(row(driver, "staging"))
        #expect(staging.contains("tag list") && staging.contains("v1,latest"), "\(staging)")
        #expect(staging.contains("https://ci:***@hooks.example.com/staging?key=***"))
        expectNoSecrets(driver, Self.seededSecrets + ["pa55", "k3y"])
        var stored = try await triggers(driver, repository)
        #expect(stored["staging"]?.url == "https://ci:pa55@hooks.example.com/staging?key=k3y")
        #expect(stored["staging"]?.match == .tags(["v1", "latest"]))

        // The seeded trigger sorts first: its form starts from the masked URL, which keeps the
        // stored credentials while unchanged.
        await driver.press(.character("g"), .enter)
        #expect(driver.screen.contains("Edit trigger redeploy"))
        #expect(driver.screen.contains("credentials hidden: leave the URL unchanged to keep them"))
        expectNoSecrets(driver)
        await driver.press(.tab, .tab, .left, .tab)
        await type(driver, "v(")
        #expect(driver.screen.contains("not a regular expression:"), "\(driver.screen)")
        await driver.press(.enter)
        #expect(driver.screen.contains("Edit trigger redeploy"), "an invalid pattern is not saved")
        driver.app.handle(.backspace)
        await type(driver, ".*")
        await driver.press(.enter)
        #expect(driver.screen.contains("Saved trigger redeploy"), "\(driver.screen)")
        #expect(row(driver, "redeploy")?.contains("regexp") == true)
        expectNoSecrets(driver)
        stored = try await triggers(driver, repository)
        #expect(stored["redeploy"]?.url == "https://deploy:s3cr3t@hooks.example.com/redeploy?token=abc123")
        #expect(stored["redeploy"]?.match == .regularExpression("v.*"))

        await driver.press(.character("j"), .control("d"))
        #expect(driver.screen.contains("Delete trigger staging?"))
        #expect(driver.screen.contains("https://ci:***@hooks.example.com/staging?key=***"))
        await driver.press(.character("y"))
        #expect(driver.screen.contains("Deleted trigger staging"), "\(driver.screen)")
        #expect(row(driver, "staging") == nil)
        #expect(try await triggers(driver, repository)["staging"] == nil)

        let audit = AuditLog(directories: driver.app.directories).entries().filter { $0.action.hasPrefix("trigger-") }
        #expect(
            audit.map { "\($0.action) \($0.phase)" } == [
                "trigger-create intent", "trigger-create done", "trigger-update intent", "trigger-update done",
                "trigger-delete intent", "trigger-delete done",
            ])
        #expect(audit.allSatisfy { $0.instance == "acr.emulator-main" && $0.repository == repository })
        let details = audit.compactMap(\.detail).joined(separator: "\n")
        #expect(details.contains("https://ci:***@hooks.example.com/staging?key=***"), "\(details)")
        #expect(details.contains("https://deploy:***@hooks.example.com/redeploy?token=***"))
        for secret in Self.seededSecrets + ["pa55", "k3y"] { #expect(!details.contains(secret)) }
    }

    @Test func readOnlyInstancesRefuseTriggerChanges() async throws {
        let (driver, repository) = try await driver(readOnly: true)
        await driver.command("triggers \(repository)")
        #expect(row(driver, "redeploy") != nil)
        #expect(!driver.screen.contains("<n>") && !driver.screen.contains("<e>") && !driver.screen.contains("<ctrl-d>"))
        await driver.press(.character("n"))
        #expect(driver.screen.contains("acr.emulator-main is read-only: creating, editing and deleting are off"))
        #expect(!driver.screen.contains("New trigger"))
        await driver.press(.control("d"))
        #expect(!driver.screen.contains("Delete trigger"))
        await driver.command("events")
        await driver.press(.character("r"), .character("e"))
        #expect(!driver.screen.contains("Edit event rule"), "\(driver.screen)")
    }

    @Test func distributionRegistriesSayTheyNeedACREnterprise() async throws {
        let (driver, _) = try await driver()
        await driver.command("triggers local/ns/app")
        #expect(driver.screen.contains("This registry has no triggers: they need ACR Enterprise."), "\(driver.screen)")
        #expect(!driver.screen.contains("<n>"))
        await driver.command("chains local")
        #expect(driver.screen.contains("This registry has no delivery chains: they need ACR Enterprise."))
    }

    // MARK: Event center

    @Test func eventRuleIsEditedAndDeleted() async throws {
        let (driver, repository) = try await driver()
        await driver.command("events")
        let feed = driver.surface.lines.filter { $0.contains(repository) }
        #expect(feed.count == 3, "\(driver.screen)")
        #expect(feed.first?.contains("ScanCompleted") == true, "newest first")
        #expect(feed.first?.contains("scan-alert") == true && feed.first?.hasSuffix("http") == true)

        await driver.press(.character("r"))
        #expect(row(driver, "build-notify")?.contains("cr:Artifact:BuildCompleted") == true, "\(driver.screen)")
        await driver.press(.character("n"))
        #expect(driver.screen.contains("Event rules are created in the ACR console"))

        await driver.press(.character("e"))
        #expect(driver.screen.contains("Edit event rule build-notify (every field is replaced)"))
        #expect(driver.screen.contains("required"), "the notify URL is not known: it must be typed")
        for _ in 0..<"build-notify".count { driver.app.handle(.backspace) }
        await type(driver, "build-hook")
        // Event (BuildCompleted), scope, namespaces, repositories, tag filter.
        await driver.press(.tab, .tab, .right, .right, .tab)
        await type(driver, Namespace.of(repository: repository))
        await driver.press(.tab)
        await type(driver, String(repository.split(separator: "/").last ?? ""))
        await driver.press(.tab)
        await type(driver, "(")
        #expect(driver.screen.contains("not a regular expression:"), "\(driver.screen)")
        driver.app.handle(.backspace)
        await driver.press(.tab, .tab)
        await type(driver, "https://hooks.example.com/build?token=t0k")
        #expect(driver.screen.contains("shown as https://hooks.example.com/build?token=***"))
        await driver.press(.enter)
        #expect(driver.screen.contains("Saved event rule build-hook"), "\(driver.screen)")
        #expect(row(driver, "build-hook") != nil && row(driver, "build-notify") == nil)

        await driver.press(.character("g"), .control("d"))
        #expect(driver.screen.contains("Delete event rule build-hook?"))
        await driver.press(.character("y"))
        #expect(driver.screen.contains("Deleted event rule build-hook"), "\(driver.screen)")
        let center = try #require(
            try await driver.app.session.provider(for: "acr.emulator-main") as? any EventCenter)
        #expect(try await center.eventRules().map(\.name) == ["scan-alert"])

        let audit = AuditLog(directories: driver.app.directories).entries().filter {
            $0.action.hasPrefix("event-rule-")
        }
        #expect(
            audit.map(\.action) == ["event-rule-update", "event-rule-update", "event-rule-delete", "event-rule-delete"])
        let update = try #require(audit.first?.detail)
        #expect(
            update.contains(
                "build-hook: cr:Artifact:BuildCompleted REPO → https https://hooks.example.com/build?token=***"),
            "\(update)")
        #expect(!update.contains("t0k"))
    }

    @Test func theEventFeedReadsNewRecordsWhileOpen() async throws {
        let (driver, repository) = try await driver()
        let emulator = try await Self.ownEmulator.value
        try await emulator.setBuildTiming(pendingMs: 60, lineIntervalMs: 25, lines: 8)
        let provider = try await driver.app.session.provider(for: "acr.emulator-main")
        driver.app.push(
            ResourcePane(
                EventRecordFeed(
                    context: driver.app, instance: provider.instance, namespace: nil, interval: .seconds(1))))
        await driver.settle()
        func records() -> Int { driver.surface.lines.filter { $0.contains(repository) }.count }
        #expect(records() == 3, "\(driver.screen)")

        // A build of the seeded rule notifies build-notify when it completes; nothing is pressed.
        let builds = try #require(provider as? any BuildManaging)
        let rule = try #require(try await builds.buildRules(repository: repository).first)
        _ = try await builds.startBuild(repository: repository, ruleID: rule.id)
        for _ in 0..<100 where records() < 4 {
            try await Task.sleep(for: .milliseconds(100))
            await driver.settle()
        }
        #expect(records() == 4, "\(driver.screen)")
        #expect(
            driver.surface.lines.first { $0.contains(repository) }?.contains("BuildCompleted") == true, "newest first")
    }

    // MARK: Delivery chains

    @Test func chainsShowTheirPipelineAndRuns() async throws {
        let (driver, repository) = try await driver()
        await driver.command("chains")
        let chain = try #require(row(driver, "default-delivery"), "\(driver.screen)")
        #expect(chain.contains("build → push → scan(MEDIUM≥1 BLOCK_DELETE_TAG) → replicate → trigger"), "\(chain)")
        #expect(chain.contains(" \(Namespace.of(repository: repository)) "))
        await driver.press(.character("e"))
        #expect(driver.screen.contains("Delivery chains are created and edited in the ACR console"))

        await driver.press(.enter)
        let runs = driver.surface.lines.filter { $0.hasPrefix("  cii-") }
        #expect(runs.count == 2, "\(driver.screen)")
        #expect(runs.first?.contains("COMPLETE DENIED") == true, "newest first: \(runs)")
        #expect(runs.last?.contains("COMPLETE SUCCESS") == true)

        await driver.press(.enter)
        #expect(driver.screen.contains("3. scan  deny: MEDIUM≥1 BLOCK_DELETE_TAG (AND)"), "\(driver.screen)")
        #expect(driver.screen.contains("Result      DENIED"))
        #expect(driver.screen.contains("the status of each step is not available"))
        #expect(driver.screen.contains("their configuration format cannot be"))
    }
}
