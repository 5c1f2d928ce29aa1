import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// The build panes (records, rules with the source binding, the log) against the ACR emulator:
/// snapshots in both languages, rules made, changed and deleted through the form, builds run,
/// cancelled and followed to their end. Tests that change the model start their own emulator.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct BuildPaneTests {
    private func driver(
        _ emulator: ACREmulator, language: Language = .english, size: Size = Size(rows: 30, columns: 140),
        readOnly: Bool = false
    ) async throws -> ConsoleDriver {
        try await ConsoleDriver(
            language: language, size: size, readOnly: readOnly, shared: true,
            config: """
                [[instances]]
                name = "acr"
                kind = "acr"
                region = "\(emulator.region)"
                endpoint = "\(emulator.url)"
                """, environment: emulator.environment(emulator.key))
    }

    /// Opens the builds of the repository the emulator seeds builds on (the first by name: a build
    /// rule, two finished builds, a GITHUB binding) on `acr.emulator-main`; returns its name.
    @discardableResult
    private func openBuilds(_ driver: ConsoleDriver) async throws -> String {
        await driver.start(instance: "acr.emulator-main")
        let names = try await provider(driver).repositories(namespace: nil).collect().map(\.name).sorted()
        let repository = try #require(names.first)
        await driver.command("builds \(repository)")
        return repository
    }

    private func type(_ driver: ConsoleDriver, _ text: String) async {
        for character in text { driver.app.handle(.character(character)) }
        await driver.settle()
    }

    private func provider(_ driver: ConsoleDriver) async throws -> any BuildManaging {
        try #require(try await driver.app.session.provider(for: "acr.emulator-main") as? any BuildManaging)
    }

    /// The screen with the commit the emulator derives from a build's start time masked.
    private func masked(_ driver: ConsoleDriver) -> String {
        driver.screen.replacingOccurrences(of: #"\b[0-9a-f]{12}\b"#, with: "<commit>", options: .regularExpression)
    }

    private func name(_ pane: String, _ language: Language, _ size: Size) -> String {
        "builds-\(pane)-\(language.rawValue)-\(size.columns)x\(size.rows)"
    }

    @Test(arguments: PaneSnapshotTests.languages, PaneSnapshotTests.sizes)
    func snapshots(language: Language, size: Size) async throws {
        let emulator = try await ACREmulator.shared()
        let driver = try await driver(emulator, language: language, size: size)
        try await openBuilds(driver)
        try Snapshot.check(masked(driver), named: name("records", language, size))

        await driver.press(.enter)
        #expect(await driver.waitFor { !$0.contains(language == .english ? "Loading" : "加载") })
        try Snapshot.check(masked(driver), named: name("log", language, size))
        await driver.press(.escape)

        await driver.press(.character("r"))
        try Snapshot.check(masked(driver), named: name("rules", language, size))
        await driver.press(.character("n"))
        try Snapshot.check(masked(driver), named: name("rule-form", language, size))
    }

    @Test func ruleIsCreatedEditedAndDeletedThroughTheForm() async throws {
        let emulator = try await ACREmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        let driver = try await driver(emulator)
        let repository = try await openBuilds(driver)
        await driver.press(.character("r"))
        #expect(driver.screen.contains("Source: GITHUB"), "\(driver.screen)")
        let before = try await provider(driver).buildRules(repository: repository)

        await driver.press(.character("n"))
        #expect(driver.screen.contains("New build rule for \(repository)"))
        await driver.press(.tab, .tab)
        for _ in 0..<"latest".count { driver.app.handle(.backspace) }
        await type(driver, "v9")
        await driver.press(.tab, .tab, .tab)
        await type(driver, " linux/sparc")
        await driver.press(.enter)
        #expect(driver.screen.contains("'linux/sparc' is not a platform ACR builds"), "\(driver.screen)")
        for _ in 0..<" linux/sparc".count { driver.app.handle(.backspace) }
        await driver.press(.tab)
        await type(driver, "MODE=fast")
        await driver.press(.enter)
        #expect(driver.screen.contains("Created build rule main"), "\(driver.screen)")
        var rules = try await provider(driver).buildRules(repository: repository)
        let created = try #require(rules.first { !before.map(\.id).contains($0.id) })
        #expect(created.imageTag == "v9" && created.buildArgs == ["MODE=fast"] && created.platforms == ["linux/amd64"])
        #expect(driver.surface.lines.contains { $0.contains("v9") && $0.contains("MODE=fast") })

        await driver.command("builds \(repository)")
        await driver.press(.character("r"))
        driver.app.handle(.character("/"))
        await type(driver, "v9")
        await driver.press(.enter, .enter)
        #expect(driver.screen.contains("Edit build rule main"))
        await driver.press(.tab, .tab, .backspace)
        await type(driver, "8")
        await driver.press(.enter)
        #expect(driver.screen.contains("Saved build rule main"), "\(driver.screen)")
        rules = try await provider(driver).buildRules(repository: repository)
        #expect(rules.first { $0.id == created.id }?.imageTag == "v8")

        driver.app.handle(.character("/"))
        for _ in 0..<2 { driver.app.handle(.backspace) }
        await type(driver, "v8")
        await driver.press(.enter, .control("d"))
        #expect(driver.screen.contains("Delete build rule main?"))
        await driver.press(.character("y"))
        #expect(driver.screen.contains("Deleted build rule main"), "\(driver.screen)")
        rules = try await provider(driver).buildRules(repository: repository)
        #expect(rules.map(\.id) == before.map(\.id))

        let audit = AuditLog(directories: driver.app.directories).entries().filter { $0.action.hasPrefix("build-rule") }
        #expect(
            audit.map { "\($0.action) \($0.phase)" } == [
                "build-rule-create intent", "build-rule-create done", "build-rule-update intent",
                "build-rule-update done", "build-rule-delete intent", "build-rule-delete done",
            ])
        #expect(audit.allSatisfy { $0.repository == repository && $0.instance == "acr.emulator-main" })
    }

    @Test func runNowStartsABuildThatIsCancelledOnceConfirmed() async throws {
        let emulator = try await ACREmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        try await emulator.setBuildTiming(pendingMs: 100, lineIntervalMs: 1000, lines: 600)
        let driver = try await driver(emulator)
        let repository = try await openBuilds(driver)
        let before = try await provider(driver).buildRecords(repository: repository).collect()
        await driver.press(.character("r"))
        await driver.press(.character("b"))
        let started = try #require(
            driver.surface.lines.first { $0.contains("Started build ") }, "\(driver.screen)")
        await driver.press(.escape)
        let records = try await provider(driver).buildRecords(repository: repository).collect()
        let new = try #require(records.first { record in !before.contains { $0.id == record.id } })
        #expect(started.contains("Started build \(BuildRecordList.shortID(new.id)) of \(repository)"))
        #expect(new.status.isRunning)
        #expect(
            await driver.waitFor { screen in
                screen.contains(BuildRecordList.shortID(new.id)) && screen.contains("you · rule")
            })
        await driver.press(.character("g"))
        #expect(driver.selectedLine?.contains(BuildRecordList.shortID(new.id)) == true, "newest first")

        await driver.press(.control("k"))
        #expect(driver.screen.contains("Cancel build \(BuildRecordList.shortID(new.id))?"))
        await driver.press(.escape)
        #expect(try await provider(driver).buildStatus(repository: repository, recordID: new.id).isRunning)
        await driver.press(.control("k"), .character("y"))
        #expect(
            await driver.waitFor {
                $0.contains("build \(BuildRecordList.shortID(new.id)) of \(repository) was canceled after")
            }, "\(driver.screen)")
        #expect(try await provider(driver).buildStatus(repository: repository, recordID: new.id) == .canceled)
        let audit = AuditLog(directories: driver.app.directories).entries().filter { $0.action.hasPrefix("build-") }
        #expect(audit.map(\.action) == ["build-start", "build-start", "build-cancel", "build-cancel"])
    }

    @Test func sourceBindingIsEditedAndAnEarlierBuildRunsAgain() async throws {
        let emulator = try await ACREmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        let driver = try await driver(emulator)
        let repository = try await openBuilds(driver)
        let seeded = try #require(
            try await provider(driver).buildRecords(repository: repository).collect().first { $0.status == .success })

        // t on a finished build runs it again; the new build says where it came from.
        await type(driver, "j")
        #expect(driver.selectedLine?.contains(BuildRecordList.shortID(seeded.id)) == true, "\(driver.screen)")
        await driver.press(.character("b"))
        #expect(driver.screen.contains("Started build "), "\(driver.screen)")
        #expect(
            await driver.waitFor { $0.contains("you · rebuild of \(BuildRecordList.shortID(seeded.id))") },
            "\(driver.screen)")

        // B edits the binding shown above the rules.
        await driver.press(.character("r"))
        #expect(driver.screen.contains("Source: GITHUB regconsole/demo-app · auto-build on"), "\(driver.screen)")
        await driver.press(.character("B"))
        #expect(driver.screen.contains("Source repository of \(repository)"))
        await driver.press(.right, .tab, .tab)
        for _ in 0..<"demo-app".count { driver.app.handle(.backspace) }
        await driver.press(.enter)
        #expect(driver.screen.contains("required"), "a code repository is required")
        await type(driver, "web")
        await driver.press(.tab, .character(" "), .enter)
        #expect(driver.screen.contains("Bound \(repository) to GITLAB regconsole/web"), "\(driver.screen)")
        #expect(driver.screen.contains("Source: GITLAB regconsole/web · auto-build off"), "\(driver.screen)")
        let binding = try await provider(driver).sourceCodeBinding(repository: repository)
        #expect(binding?.provider == .gitlab && binding?.name == "web" && binding?.autoBuild == false)
        let audit = AuditLog(directories: driver.app.directories).entries()
        #expect(audit.filter { $0.action == "source-bind" }.count == 2)
        #expect(audit.filter { $0.action == "build-rebuild" }.count == 2)
    }

    @Test(arguments: PaneSnapshotTests.languages)
    func logFollowsARunningBuildToItsEndAndStays(language: Language) async throws {
        let english = language == .english
        let emulator = try await ACREmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        try await emulator.setBuildTiming(pendingMs: 200, lineIntervalMs: 100, lines: 40)
        let driver = try await driver(emulator, language: language)
        let repository = try await openBuilds(driver)
        await driver.press(.character("r"))
        await driver.press(.character("b"))
        await driver.press(.escape)
        #expect(await driver.waitFor { $0.contains(english ? "you · rule" : "你 · 规则") })
        await driver.press(.character("g"), .enter)
        #expect(
            driver.screen.contains(english ? "build log · \(repository)" : "构建日志 · \(repository)"), "\(driver.screen)")
        #expect(
            await driver.waitFor { $0.contains(english ? "success ·" : "成功 ·") }, "\(driver.screen)")
        let log = try #require(driver.app.top as? BuildLogScreen)
        #expect(log.lines.count >= 40)
        #expect(log.lines.map(\.number) == log.lines.map(\.number).sorted())
        #expect(Set(log.lines.map(\.number)).count == log.lines.count, "no line twice")
        #expect(log.following)
        let last = try #require(log.lines.last)
        #expect(driver.screen.contains(last.message), "following keeps the last line in view")
        let flash =
            english
            ? "build \(BuildRecordList.shortID(log.record.id)) of \(repository) succeeded in "
            : "\(repository) 的构建 \(BuildRecordList.shortID(log.record.id)) 已成功，耗时"
        #expect(await driver.waitFor { $0.contains(flash) }, "the flash says the build ended: \(driver.screen)")
        #expect(driver.app.top is BuildLogScreen)

        await driver.press(.character("f"), .character("g"))
        #expect(driver.screen.contains(english ? "paused" : "已暂停"))
        #expect(driver.app.top is BuildLogScreen, "the log stays open after the build ended")
    }

    @Test func logSearchMovesBetweenMatches() async throws {
        let emulator = try await ACREmulator.shared()
        let driver = try await driver(emulator, size: Size(rows: 20, columns: 100))
        try await openBuilds(driver)
        await driver.press(.enter)
        let log = try #require(driver.app.top as? BuildLogScreen)
        #expect(await driver.waitFor { _ in !log.lines.isEmpty })
        let word = try #require(log.lines.last?.message.split(separator: " ").first.map(String.init))
        let count = log.lines.filter { $0.message.lowercased().contains(word.lowercased()) }.count
        driver.app.handle(.character("/"))
        await type(driver, word)
        await driver.press(.enter)
        #expect(driver.screen.contains("/\(word): match 1 of \(count)"), "\(driver.screen)")
        await driver.press(.character("N"))
        #expect(driver.screen.contains("/\(word): match \(count) of \(count)"))
        await driver.press(.escape)
        #expect(!driver.screen.contains("/\(word)"), "esc clears the search first")
        #expect(driver.app.top is BuildLogScreen)
    }

    @Test func readOnlyInstancesOfferNoBuildChanges() async throws {
        let emulator = try await ACREmulator.shared()
        let driver = try await driver(emulator, readOnly: true)
        try await openBuilds(driver)
        #expect(driver.screen.contains("<r> rules"), "\(driver.screen)")
        #expect(!driver.screen.contains("<b>") && !driver.screen.contains("<ctrl-k>"))
        await driver.press(.character("b"))
        #expect(driver.screen.contains("acr.emulator-main is read-only"), "\(driver.screen)")
        await driver.press(.character("r"))
        #expect(!driver.screen.contains("<n>") && !driver.screen.contains("<B>"))
        await driver.press(.character("n"))
        #expect(driver.screen.contains("read-only") && !driver.screen.contains("New build rule"))
        await driver.press(.character("B"))
        #expect(!driver.screen.contains("Source repository of"))
    }

    @Test func otherRegistriesSayBuildsNeedACR() async throws {
        let emulator = try await ACREmulator.shared()
        let driver = try await driver(emulator)
        await driver.start(instance: "local")
        await driver.command("builds ns/app")
        #expect(driver.screen.contains("Image builds need an ACR Enterprise instance."), "\(driver.screen)")
        await driver.press(.character("r"))
        #expect(!driver.screen.contains("build rules ·"))
    }
}
