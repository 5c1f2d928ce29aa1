import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// An ACR Personal Edition instance in the console, against the emulator's Personal Edition API:
/// snapshots of its panes in English and Chinese next to an Enterprise instance, the changes made
/// from the panes checked through the provider (namespaces, repositories, tag deletes, scans,
/// webhooks, builds, client-side lifecycle rules), and what the Enterprise-only panes and keys do.
///
/// Every test uses this suite's own emulator over the pristine registry (which no test pushes to, so
/// the snapshots hold no other test's repositories), back to its startup model, which is why the
/// suite runs serialized.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct PersonalEditionConsoleTests {
    private static let ownEmulator = Task<ACREmulator, any Error> {
        try await ACREmulator.start(registry: RegistryHarness.pristine().basic)
    }

    /// The Personal Edition entry's name, which is its instance's.
    private static let personal = "mine"

    /// A console with the Personal Edition entry `mine` (and, with `enterprise`, the emulator's
    /// Enterprise instances) on the emulator at its startup model.
    private func driver(
        language: Language = .english, size: Size = Size(rows: 40, columns: 160), enterprise: Bool = false
    ) async throws -> (ConsoleDriver, ACREmulator) {
        let emulator = try await Self.ownEmulator.value
        try await emulator.restoreStartupState()
        let enterpriseEntry = """
            [[instances]]
            name = "acr"
            kind = "acr"
            region = "\(emulator.region)"
            endpoint = "\(emulator.url)"

            """
        let driver = try await ConsoleDriver(
            language: language, size: size, shared: true,
            config: (enterprise ? enterpriseEntry : "") + """
                [[instances]]
                name = "\(Self.personal)"
                kind = "acr"
                edition = "personal"
                region = "\(emulator.region)"
                endpoint = "\(emulator.url)"
                """, environment: emulator.environment(emulator.key))
        return (driver, emulator)
    }

    private func provider(_ driver: ConsoleDriver) async throws -> any RegistryProvider {
        try await driver.app.session.provider(for: Self.personal)
    }

    private func type(_ driver: ConsoleDriver, _ text: String) async {
        for character in text { driver.app.handle(.character(character)) }
        await driver.settle()
    }

    private func tagNames(_ driver: ConsoleDriver, _ repository: String) async throws -> Set<String> {
        Set(try await provider(driver).tags(repository: repository).collect().map(\.name))
    }

    // MARK: Snapshots

    @Test(arguments: PaneSnapshotTests.languages, PaneSnapshotTests.sizes)
    func panes(language: Language, size: Size) async throws {
        func name(_ pane: String) -> String { "personal-\(pane)-\(language.rawValue)-\(size.columns)x\(size.rows)" }
        let english = language == .english
        let (driver, _) = try await driver(language: language, size: size, enterprise: true)
        await driver.start()
        let mine = try #require(driver.row(Self.personal), "\(driver.screen)")
        #expect(mine.contains(english ? "Personal" : "个人版"), "\(mine)")
        #expect(driver.row("acr.emulator-main")?.contains("Enterprise_Advanced") == true, "\(driver.screen)")
        try Snapshot.check(driver.screen, named: name("instances"))

        await driver.command("ctx \(Self.personal)")
        #expect(driver.row("ns") != nil, "\(driver.screen)")
        try Snapshot.check(driver.screen, named: name("namespaces"))

        await driver.command("ns ns")
        #expect(driver.row("ns/app")?.contains("应用服务镜像") == true, "\(driver.screen)")
        try Snapshot.check(driver.screen, named: name("repositories"))

        await driver.command("tags ns/app")
        #expect(driver.row("latest") != nil, "\(driver.screen)")
        try Snapshot.check(driver.screen, named: name("tags"))

        await driver.press(.character("L"))
        #expect(
            driver.screen.contains(
                english ? "Personal Edition has no lifecycle rules. Press n for one run by regconsole." : "个人版没有生命周期规则。"
            ), "\(driver.screen)")
        try Snapshot.check(driver.screen, named: name("lifecycle"))
    }

    // MARK: Namespaces and repositories

    @Test func namespaceAndRepositoryAreCreatedFromThePanes() async throws {
        let (driver, _) = try await driver()
        await driver.start(instance: Self.personal)
        #expect(driver.screen.contains("<n> new  <e> edit  <ctrl-d> delete"), "\(driver.screen)")

        await driver.press(.character("n"))
        #expect(driver.screen.contains("New namespace"), "\(driver.screen)")
        await type(driver, "team-a")
        await driver.press(.tab, .right, .tab, .character(" "), .enter)
        #expect(driver.screen.contains("Created namespace team-a"), "\(driver.screen)")
        let created = try #require(driver.row("team-a"), "\(driver.screen)")
        #expect(created.contains("public") && created.hasSuffix("no"), "\(created)")
        let namespace = try #require(try await provider(driver).namespaces().collect().last { $0.name == "team-a" })
        #expect(namespace.visibility == .public && namespace.autoCreateRepositories == false)

        #expect(await driver.select(row: "team-a"))
        await driver.press(.enter)
        #expect(driver.screen.contains("repositories · \(Self.personal)/team-a"), "\(driver.screen)")
        await driver.press(.character("n"))
        #expect(driver.screen.contains("New repository"), "\(driver.screen)")
        await driver.press(.tab)
        await type(driver, "api")
        await driver.press(.tab)
        await type(driver, "接口服务")
        await driver.press(.tab, .right, .enter)
        #expect(driver.screen.contains("Created repository team-a/api"), "\(driver.screen)")
        let listed = try #require(driver.row("team-a/api"), "\(driver.screen)")
        #expect(listed.contains("接口服务") && listed.contains("public"), "\(listed)")
        let repositories = try await provider(driver).repositories(namespace: "team-a").collect()
        #expect(repositories.map(\.name) == ["team-a/api"])
        #expect(repositories.first?.summary == "接口服务" && repositories.first?.visibility == .public)
    }

    // MARK: Tags

    @Test func deletingATagTakesItsDigestsOtherTagsOnceBothAreMarked() async throws {
        let (driver, _) = try await driver()
        await driver.start(instance: Self.personal)
        await driver.command("tags ns/app")
        let before = try await tagNames(driver, "ns/app")
        #expect(before.isSuperset(of: ["latest", "1.10.0"]))

        #expect(await driver.select(row: "latest"), "\(driver.screen)")
        await driver.press(.character(" "), .control("d"))
        #expect(driver.screen.contains("shares digest"), "alone it is refused: \(driver.screen)")
        #expect(try await tagNames(driver, "ns/app") == before)

        #expect(await driver.select(row: "1.10.0"))
        await driver.press(.character(" "), .control("d"))
        #expect(driver.screen.contains("Delete from \(Self.personal)/ns/app"), "\(driver.screen)")
        #expect(driver.screen.contains("(tags: 1.10.0, latest)"), "\(driver.screen)")
        await driver.press(.character("y"))
        #expect(await driver.waitFor { $0.contains("Deleted 1") }, "\(driver.screen)")
        #expect(try await tagNames(driver, "ns/app") == before.subtracting(["latest", "1.10.0"]))
        #expect(await driver.waitFor { _ in driver.row("latest") == nil && driver.row("1.10.0") == nil })
        #expect(driver.row("1.0.0") != nil)
    }

    @Test func aScanFollowedToItsEndShowsTheProvidersCounts() async throws {
        let (driver, _) = try await driver()
        await driver.start(instance: Self.personal)
        await driver.command("tags ns/web")
        #expect(driver.row("v2")?.contains(" - ") == true, "no scan yet: \(driver.screen)")
        #expect(await driver.select(row: "v2"))
        await driver.press(.character("s"))
        #expect(driver.screen.contains("Scan of v2 started"), "\(driver.screen)")
        #expect(await driver.waitFor { $0.contains("Scan of v2 finished.") }, "\(driver.screen)")

        let scanner = try #require(try await provider(driver) as? any ServerScanning)
        let summary = try await scanner.scanSummary(repository: "ns/web", tag: "v2")
        let total = summary.values.reduce(0, +)
        #expect(total > 0)
        #expect(
            await driver.waitFor { _ in driver.row("v2")?.contains(summary.countsText) == true }, "\(driver.screen)")

        await driver.press(.character("v"))
        let pane = try #require(driver.app.top as? ResourcePane<FindingList>)
        #expect(await driver.waitFor { $0.contains("findings · ns/web:v2 [\(total)]") }, "\(driver.screen)")
        let severities = pane.list.items.compactMap { row -> Severity? in
            if case .finding(let entry) = row { entry.finding.severity } else { nil }
        }
        #expect(severities.count == total)
        #expect(Dictionary(grouping: severities, by: { $0 }).mapValues(\.count) == summary.filter { $0.value > 0 })
    }

    // MARK: Webhooks

    @Test func aWebhookIsCreatedFromTheTriggersPane() async throws {
        let (driver, _) = try await driver()
        await driver.start(instance: Self.personal)
        await driver.command("ns ns")
        #expect(driver.screen.contains("<t> triggers"), "\(driver.screen)")
        #expect(await driver.select(row: "ns/app"))
        await driver.press(.character("t"))
        #expect(driver.screen.contains("triggers · \(Self.personal)/ns/app"), "\(driver.screen)")
        #expect(driver.screen.contains("No triggers"), "\(driver.screen)")

        await driver.press(.character("n"))
        #expect(driver.screen.contains("New trigger"), "\(driver.screen)")
        await type(driver, "deploy")
        await driver.press(.tab)
        await type(driver, "https://hooks.example.com/deploy")
        await driver.press(.enter)
        #expect(driver.screen.contains("Created trigger deploy"), "\(driver.screen)")
        #expect(driver.row("deploy")?.contains("https://hooks.example.com/deploy") == true, "\(driver.screen)")
        let manager = try #require(try await provider(driver) as? any TriggerManaging)
        let stored = try await manager.triggers(repository: "ns/app")
        #expect(stored.map(\.name) == ["deploy"])
        #expect(stored.first?.url == "https://hooks.example.com/deploy" && stored.first?.match == .allTags)
    }

    // MARK: Builds

    @Test func theSeededRuleBuildsToSuccessAndTheLogSaysTheAPIServesNone() async throws {
        let (driver, emulator) = try await driver()
        try await emulator.setBuildTiming(pendingMs: 100, lineIntervalMs: 50, lines: 5)
        await driver.start(instance: Self.personal)
        let builder = try #require(try await provider(driver) as? any BuildManaging)
        let repository = try #require(
            try await provider(driver).repositories(namespace: nil).collect().map(\.name).sorted().first)
        let before = try await builder.buildRecords(repository: repository).collect()
        #expect(Set(before.map(\.status)) == [.success, .failed])

        await driver.command("builds \(repository)")
        #expect(driver.screen.contains("builds · \(Self.personal)/\(repository) [2]"), "\(driver.screen)")
        let records = try #require(driver.app.top as? ResourcePane<BuildRecordList>)
        #expect(records.kind.actions(in: records).contains(.cancelBuild))
        #expect(!records.kind.actions(in: records).contains(.build), "the API cannot run a build again")
        #expect(!driver.screen.contains("<b>"), "\(driver.screen)")

        await driver.press(.character("r"))
        #expect(driver.row("branch master")?.contains("latest") == true, "\(driver.screen)")
        #expect(
            driver.screen.contains("Source: bound in the ACR console (Personal Edition's API does not show it)"),
            "\(driver.screen)")
        #expect(!driver.screen.contains("No source repository bound"))
        let rules = try #require(driver.app.top as? ResourcePane<BuildRuleList>)
        #expect(Set(rules.kind.actions(in: rules)).isSuperset(of: [.build, .create, .edit, .delete]))
        #expect(!rules.kind.actions(in: rules).contains(.bindSource) && !driver.screen.contains("<B>"))
        await driver.press(.character("B"))
        #expect(!driver.screen.contains("Source repository of"), "B opens no form: \(driver.screen)")
        await driver.press(.character("b"))
        #expect(driver.screen.contains("Started build "), "\(driver.screen)")
        let new = try #require(
            try await builder.buildRecords(repository: repository).collect().first { record in
                !before.contains { $0.id == record.id }
            })
        let short = BuildRecordList.shortID(new.id)
        await driver.press(.escape)
        #expect(
            await driver.waitFor { _ in driver.row(short)?.contains("success") == true }, "\(driver.screen)")
        #expect(try await builder.buildStatus(repository: repository, recordID: new.id) == .success)

        #expect(await driver.select(row: short))
        await driver.press(.enter)
        let log = try #require(driver.app.top as? BuildLogScreen, "\(driver.screen)")
        #expect(
            await driver.waitFor(timeout: .seconds(10)) {
                $0.contains("ACR Personal Edition's API does not serve build logs")
            }, "\(driver.screen)")
        #expect(!driver.screen.contains("Loading"), "no spinner: \(driver.screen)")
        #expect(!driver.screen.contains("No log lines yet"), "the body says why: \(driver.screen)")
        #expect(log.lines.isEmpty)
        await driver.press(.escape)
        #expect(driver.screen.contains("builds · \(Self.personal)/\(repository)"), "\(driver.screen)")
    }

    // MARK: Lifecycle

    @Test func aClientSideRuleIsCreatedAndAppliedLeavingTheKeptTags() async throws {
        let (driver, _) = try await driver()
        await driver.start(instance: Self.personal)
        await driver.command("tags ns/app")
        let before = try await tagNames(driver, "ns/app")
        await driver.press(.character("L"))
        #expect(
            driver.screen.contains("lifecycle rules · mine · repository ns/app · run by regconsole"), "\(driver.screen)"
        )

        await driver.press(.character("n"))
        await driver.press(.backspace, .backspace)
        await type(driver, "1")
        await driver.press(.tab)
        await type(driver, #"^1\.0\."#)
        #expect(
            driver.screen.contains("delete \(before.count - 2) of \(before.count) tags"), "\(driver.screen)")
        await driver.press(.enter)
        let rule = try #require(driver.surface.lines.first { $0.contains(#"1 newest · matches ^1\.0\."#) })
        #expect(rule.contains("regconsole"), "runs on regconsole: \(rule)")

        await driver.press(.character("a"))
        #expect(driver.screen.contains("keep 2"), "\(driver.screen)")
        await driver.press(.character("y"))
        await driver.app.top?.settle()
        #expect(
            await driver.waitFor { $0.contains("skipped 0, failed 0") }, "\(driver.screen)")
        #expect(try await tagNames(driver, "ns/app") == ["multi", "1.0.0"])
    }

    // MARK: Enterprise-only panes and keys

    @Test func enterpriseOnlyPanesSaySoAndTheirKeysAreNotOffered() async throws {
        let (driver, _) = try await driver()
        await driver.start(instance: Self.personal)
        await driver.command("ns ns")
        let repositories = try #require(driver.app.top as? ResourcePane<RepositoryList>)
        let repositoryActions = Set(repositories.kind.actions(in: repositories))
        #expect(repositoryActions.isSuperset(of: [.triggers, .build, .create, .edit, .delete]))
        #expect(!repositoryActions.contains(.sync) && !driver.screen.contains("<z>"), "\(driver.screen)")
        await driver.press(.character("z"))
        #expect(driver.screen.contains("repositories · \(Self.personal)/ns"), "z does nothing: \(driver.screen)")

        await driver.command("tags ns/app")
        let tags = try #require(driver.app.top as? ResourcePane<TagList>)
        let tagActions = Set(tags.kind.actions(in: tags))
        #expect(tagActions.isSuperset(of: [.scan, .build, .delete]))
        #expect(!tagActions.contains(.drift) && !driver.screen.contains("<D>"), "\(driver.screen)")
        await driver.press(.character("D"))
        #expect(driver.screen.contains("tags · ns/app"), "D does nothing: \(driver.screen)")

        let panes = [
            ("sync ns/app", "sync rules"), ("subscriptions", "subscriptions"), ("endpoints", "endpoints"),
            ("events", "events"), ("chains", "delivery chains"),
        ]
        for (command, what) in panes {
            await driver.command(command)
            #expect(
                driver.screen.contains("This registry has no \(what): they need ACR Enterprise."),
                ":\(command): \(driver.screen)")
            #expect(!driver.screen.contains("<n>") && !driver.screen.contains("<U>"), ":\(command): \(driver.screen)")
        }
        await driver.command("sync")
        await driver.press(.character("U"))
        #expect(!driver.screen.contains("subscriptions ·"), "U does nothing: \(driver.screen)")

        // Usage has no quotas here, but the storage regconsole computes from the tags.
        await driver.command("usage")
        let appTags = try await tagNames(driver, "ns/app").count
        #expect(
            driver.surface.lines.contains { $0.contains(" ns/app ") && $0.contains("\(appTags) tags") },
            "\(driver.screen)")
        let usage = try #require(driver.app.top as? ResourcePane<UsageList>)
        #expect(
            !usage.list.items.contains { if case .quota = $0.item { true } else { false } }, "no quotas")
    }
}
