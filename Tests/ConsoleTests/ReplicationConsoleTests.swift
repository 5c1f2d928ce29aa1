import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// The sync-rule, sync-task, subscription, endpoint and usage panes against the ACR emulator:
/// snapshots of each pane in English and Chinese, and the changes they make (audited, checked
/// before anything is sent, the password never shown).
///
/// Every test uses this suite's own emulator, back to its startup model, which is why the suite
/// runs serialized.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct ReplicationConsoleTests {
    private static let ownEmulator = Task<ACREmulator, any Error> {
        try await ACREmulator.start(registry: RegistryHarness.shared().basic)
    }

    /// A console on the emulator at its startup model, on `acr.emulator-main`, and that instance's
    /// first repository (the one the seeded sync rule covers).
    private func driver(
        language: Language = .english, size: Size = Size(rows: 30, columns: 140), production: Bool = false
    ) async throws -> (ConsoleDriver, String, ACREmulator) {
        let emulator = try await Self.ownEmulator.value
        try await emulator.restoreStartupState()
        let driver = try await ConsoleDriver(
            language: language, size: size, shared: true,
            config: """
                [[instances]]
                name = "acr"
                kind = "acr"
                region = "\(emulator.region)"
                endpoint = "\(emulator.url)"
                production = \(production)
                """, environment: emulator.environment(emulator.key))
        await driver.start(instance: "acr.emulator-main")
        let provider = try await driver.app.session.provider(for: "acr.emulator-main")
        let names = try await provider.repositories(namespace: nil).collect().map(\.name).sorted()
        return (driver, try #require(names.first), emulator)
    }

    private func type(_ driver: ConsoleDriver, _ text: String) async {
        for character in text { driver.app.handle(.character(character)) }
        await driver.settle()
    }

    /// The table row starting with `name`.
    private func row(_ driver: ConsoleDriver, _ name: String) -> String? {
        driver.surface.lines.first { $0.hasPrefix("  \(name) ") }
    }

    private func replicator(_ driver: ConsoleDriver) async throws -> any Replicating {
        try #require(try await driver.app.session.provider(for: "acr.emulator-main") as? any Replicating)
    }

    private func access(_ driver: ConsoleDriver) async throws -> any AccessManaging {
        try #require(try await driver.app.session.provider(for: "acr.emulator-main") as? any AccessManaging)
    }

    private func internetACL(_ driver: ConsoleDriver) async throws -> [String] {
        try await access(driver).endpoints().first { $0.kind == .internet }?.acl.map(\.entry) ?? []
    }

    /// Settles until `done` holds or about ten seconds passed.
    private func wait(_ driver: ConsoleDriver, until done: () async throws -> Bool) async throws {
        for _ in 0..<50 {
            if try await done() { return }
            try await Task.sleep(for: .milliseconds(200))
            await driver.settle()
        }
    }

    // MARK: Snapshots

    @Test(arguments: PaneSnapshotTests.languages, PaneSnapshotTests.sizes)
    func replicationPanes(language: Language, size: Size) async throws {
        func name(_ pane: String) -> String { "\(pane)-\(language.rawValue)-\(size.columns)x\(size.rows)" }
        let (driver, repository, _) = try await driver(language: language, size: size)

        await driver.command("sync \(repository)")
        try Snapshot.check(driver.screen, named: name("sync-rules"))
        await driver.press(.character("n"))
        await type(driver, "to-empty")
        try Snapshot.check(driver.screen, named: name("sync-rule-form"))
        await driver.press(.escape)
        await driver.press(.character("o"))
        // The failed seeded task is the newest: its issue shows above the table.
        try Snapshot.check(driver.screen, named: name("sync-tasks"))

        await driver.command("subscriptions")
        try Snapshot.check(driver.screen, named: name("subscriptions"))
        await driver.press(.character("o"))
        try Snapshot.check(driver.screen, named: name("subscription-runs"))

        await driver.command("endpoints")
        try Snapshot.check(driver.screen, named: name("endpoints"))
        await driver.press(.character("n"))
        await type(driver, "10.0.0.1/8")
        try Snapshot.check(driver.screen, named: name("acl-form"))
        await driver.press(.escape)
    }

    // MARK: Sync rules and tasks

    @Test func syncRuleIsCreatedToAnotherInstanceAndDeleted() async throws {
        let (driver, repository, _) = try await driver()
        await driver.command("ns \(Namespace.of(repository: repository))")
        #expect(driver.screen.contains("<z> sync rules"), "\(driver.screen)")
        await driver.press(.character("z"))
        #expect(driver.screen.contains("sync rules · acr.emulator-main/\(repository)"), "\(driver.screen)")
        #expect(row(driver, "replicate-first") != nil, "\(driver.screen)")

        await driver.press(.character("n"))
        #expect(driver.screen.contains("New sync rule"))
        #expect(driver.screen.contains("acr.emulator-empty · cn-hangzhou · cri-"), "\(driver.screen)")
        await driver.press(.enter)
        #expect(driver.screen.contains("New sync rule"), "a rule needs a name")
        await type(driver, "to-empty")
        await driver.press(.tab, .tab, .tab)
        for _ in 0..<2 { driver.app.handle(.backspace) }
        await type(driver, "v(")
        #expect(driver.screen.contains("not a regular expression"), "\(driver.screen)")
        await driver.press(.backspace, .backspace)
        await type(driver, "v.*")
        await driver.press(.tab, .tab, .tab, .right)
        await driver.press(.enter)
        #expect(driver.screen.contains("Created sync rule to-empty"), "\(driver.screen)")
        let created = try #require(row(driver, "to-empty"))
        #expect(created.contains("manual") && created.contains("v.*"), "\(created)")

        let rules = try await replicator(driver).syncRules(namespace: nil, repository: nil)
        let rule = try #require(rules.first { $0.name == "to-empty" })
        #expect(rule.scope == .repository && rule.trigger == .manual && rule.tagFilter == "v.*")
        #expect(rule.source.repositoryPath == repository && rule.target.repositoryPath == repository)
        #expect(rule.target.instanceID?.hasPrefix("cri-") == true && rule.target.region == "cn-hangzhou")

        // Rules sort by name: replicate-first, then to-empty.
        await driver.press(.character("G"), .control("d"))
        #expect(driver.screen.contains("Delete sync rule to-empty?"), "\(driver.screen)")
        await driver.press(.character("y"))
        #expect(driver.screen.contains("Deleted sync rule to-empty"), "\(driver.screen)")
        #expect(row(driver, "to-empty") == nil)
        let left = try await replicator(driver).syncRules(namespace: nil, repository: nil).map(\.name)
        #expect(left == ["replicate-first"])
        let audit = AuditLog(directories: driver.app.directories).entries().filter { $0.action.hasPrefix("sync-rule") }
        #expect(
            audit.map(\.action) == ["sync-rule-create", "sync-rule-create", "sync-rule-delete", "sync-rule-delete"])
    }

    /// A repository with a few tags, and a manual rule copying it to the same names on the other
    /// instance.
    private func smallRepositoryRule(
        _ driver: ConsoleDriver, _ emulator: ACREmulator
    ) async throws -> (String, Int) {
        let provider = try await replicator(driver)
        var small: (String, Int)?
        for repository in try await provider.repositories(namespace: nil).collect().map(\.name).sorted() {
            let count = try await provider.tags(repository: repository).collect().count
            if (1...4).contains(count) {
                small = (repository, count)
                break
            }
        }
        let (repository, count) = try #require(small)
        let namespace = Namespace.of(repository: repository)
        let name = String(repository.dropFirst(namespace.count + 1))
        _ = try await provider.createSyncRule(
            SyncRule(
                name: "small", scope: .repository, trigger: .manual,
                source: ReplicaLocation(namespace: namespace, repository: name),
                target: ReplicaLocation(
                    region: emulator.region, instanceID: "cri-emulated0002", namespace: namespace, repository: name)))
        return (repository, count)
    }

    @Test func runNowStartsTasksThatRefreshUntilTheySucceed() async throws {
        let (driver, bulk, emulator) = try await driver()
        try await emulator.setSyncTiming(pendingMs: 100, msPerLayer: 50)
        let provider = try await replicator(driver)

        // The seeded rule covers a repository of 1500 tags: the plan is cut short and refused.
        await driver.command("sync \(bulk)")
        await driver.press(.character("!"))
        #expect(driver.screen.contains("Rule replicate-first matches more than 200 tags"), "\(driver.screen)")

        let (repository, count) = try await smallRepositoryRule(driver, emulator)
        await driver.command("sync \(repository)")
        #expect(row(driver, "small") != nil, "\(driver.screen)")
        await driver.press(.character("!"))
        #expect(driver.screen.contains("Run sync rule small now?"), "\(driver.screen)")
        #expect(driver.screen.contains(count == 1 ? "Starts 1 sync task " : "Starts \(count) sync tasks "))
        await driver.press(.character("y"))
        #expect(driver.screen.contains("Started \(count) sync task"), "\(driver.screen)")

        await driver.press(.enter)
        #expect(driver.screen.contains("sync tasks · acr.emulator-main/\(repository) · small"), "\(driver.screen)")
        try await wait(driver) {
            let tasks = try await provider.syncTasks(repository: repository, tag: nil).collect()
            return tasks.count == count && !tasks.contains { $0.status.isRunning }
                && !driver.screen.contains("pending") && !driver.screen.contains("syncing")
        }
        let tasks = try await provider.syncTasks(repository: repository, tag: nil).collect()
        #expect(tasks.count == count)
        #expect(tasks.allSatisfy { $0.status == .success && $0.trigger == .manual }, "\(tasks)")
        let rows = driver.surface.lines.filter { $0.contains("success") && $0.contains("small") }
        #expect(rows.count == count, "\(driver.screen)")
        try await emulator.setSyncTiming()
    }

    @Test func runningTaskIsCanceledOnceConfirmed() async throws {
        let (driver, repository, emulator) = try await driver()
        try await emulator.setSyncTiming(pendingMs: 60_000, msPerLayer: 1000)
        let provider = try await replicator(driver)
        let tag = try #require(try await provider.tags(repository: repository).collect().first?.name)
        let target = ReplicaLocation(
            region: emulator.region, instanceID: "cri-emulated0002", namespace: Namespace.of(repository: repository),
            repository: String(repository.split(separator: "/").last ?? ""), tag: tag)
        let id = try await provider.startSync(repository: repository, tag: tag, to: target)

        await driver.command("sync \(repository)")
        await driver.press(.character("o"))
        let running = try #require(driver.surface.lines.first { $0.contains("pending") }, "\(driver.screen)")
        #expect(running.contains("one-off"), "\(running)")
        await driver.press(.character("g"), .control("x"))
        #expect(driver.screen.contains("Cancel sync task \(id)?"), "\(driver.screen)")
        await driver.press(.character("y"))
        #expect(driver.screen.contains("Canceled sync task \(id)"), "\(driver.screen)")
        #expect(try await provider.syncTask(id: id).status == .canceled)
        #expect(driver.surface.lines.contains { $0.contains("canceled") && $0.contains("one-off") }, "\(driver.screen)")
        try await emulator.setSyncTiming()
    }

    // MARK: Subscriptions

    @Test func subscriptionIsCreatedRunAndDeleted() async throws {
        let (driver, _, _) = try await driver()
        let provider = try #require(
            try await driver.app.session.provider(for: "acr.emulator-main") as? any Subscribing)
        await driver.command("subscriptions")
        #expect(row(driver, "docker.io/library/nginx") != nil, "\(driver.screen)")
        await driver.press(.character("n"))
        #expect(driver.screen.contains("New subscription"))
        await driver.press(.right, .tab)
        await type(driver, "distroless/static")
        await driver.press(.tab)
        await type(driver, "ns/static")
        await driver.press(.tab, .tab)
        await driver.press(.backspace, .backspace)
        await type(driver, "200")
        #expect(driver.screen.contains("use 1 to 100"), "\(driver.screen)")
        await driver.press(.backspace, .backspace, .backspace)
        await type(driver, "2")
        await driver.press(.enter)
        #expect(driver.screen.contains("Created subscription GCR/distroless/static"), "\(driver.screen)")
        let created = try #require(try await provider.subscriptionRules().first { $0.upstream == "GCR" })
        #expect(created.upstreamNamespace == "distroless" && created.upstreamRepository == "static")
        #expect(created.namespace == "ns" && created.repository == "static" && created.tagCount == 2)

        await driver.press(.character("g"), .character("!"))
        #expect(driver.screen.contains("Run subscription"), "\(driver.screen)")
        await driver.press(.character("y"))
        #expect(driver.screen.contains("Started subscription"), "\(driver.screen)")
        await driver.press(.character("o"))
        #expect(driver.screen.contains("subscription runs · acr.emulator-main"))
        #expect(try await provider.subscriptionTasks().collect().count == 2)

        await driver.press(.escape)
        await driver.command("subscriptions")
        await driver.press(.character("g"), .control("d"))
        #expect(driver.screen.contains("Delete subscription"), "\(driver.screen)")
        await driver.press(.character("y"))
        #expect(try await provider.subscriptionRules().count == 1)
    }

    // MARK: Access

    @Test func badCIDRShowsTheHintAndSendsNothing() async throws {
        let (driver, _, emulator) = try await driver()
        await driver.command("endpoints")
        #expect(row(driver, "internet")?.contains("on") == true)
        #expect(driver.screen.contains("office network") && driver.screen.contains("CI runner"))
        try await emulator.clearRequests()
        await driver.press(.character("n"))
        await type(driver, "10.0.0.1/8")
        #expect(driver.screen.contains("did you mean 10.0.0.0/8?"), "\(driver.screen)")
        await driver.press(.enter)
        #expect(driver.screen.contains("Allow an address"), "the form stays open")
        await driver.press(.escape)
        #expect(try await emulator.requests(action: "CreateInstanceEndpointAclPolicy").isEmpty)
        #expect(try await internetACL(driver) == ["10.0.0.0/8", "203.0.113.7/32"])
    }

    @Test func aclEntryIsAddedAndRemoved() async throws {
        let (driver, _, _) = try await driver()
        await driver.command("endpoints")
        await driver.press(.character("n"))
        await type(driver, "198.51.100.0/24")
        #expect(driver.screen.contains("adds 198.51.100.0/24"), "\(driver.screen)")
        await driver.press(.tab)
        await type(driver, "lab")
        await driver.press(.enter)
        #expect(driver.screen.contains("Allowed 198.51.100.0/24"), "\(driver.screen)")
        #expect(driver.surface.lines.contains { $0.contains("198.51.100.0/24") && $0.contains("lab") })
        #expect(try await internetACL(driver).contains("198.51.100.0/24"))

        let index = try #require(driver.surface.lines.firstIndex { $0.contains("198.51.100.0/24") })
        let top = try #require(driver.surface.lines.firstIndex { $0.contains("  internet") })
        await driver.press(.character("g"))
        for _ in 0..<(index - top) { driver.app.handle(.down) }
        await driver.press(.control("d"))
        #expect(driver.screen.contains("Remove 198.51.100.0/24 from the access list?"), "\(driver.screen)")
        await driver.press(.character("y"))
        #expect(driver.screen.contains("Removed 198.51.100.0/24"), "\(driver.screen)")
        #expect(try await internetACL(driver) == ["10.0.0.0/8", "203.0.113.7/32"])
    }

    @Test func disablingInternetOnProductionNeedsTheTypedName() async throws {
        let (driver, _, emulator) = try await driver(production: true)
        await driver.command("endpoints")
        try await emulator.clearRequests()
        await driver.press(.character("E"))
        #expect(driver.screen.contains("Turn off the internet endpoint of acr.emulator-main?"), "\(driver.screen)")
        #expect(driver.screen.contains("Every client outside the instance's VPCs loses access"))
        await driver.press(.character("y"), .enter)
        #expect(try await emulator.requests(action: "UpdateInstanceEndpointStatus").isEmpty)
        await driver.press(.backspace)
        await type(driver, "acr.emulator-main")
        await driver.press(.enter)
        #expect(driver.screen.contains("The internet endpoint is turning off"), "\(driver.screen)")
        #expect(try await emulator.requests(action: "UpdateInstanceEndpointStatus").count == 1)
        try await wait(driver) {
            try await access(driver).endpoints().first { $0.kind == .internet }?.enabled == false
        }
        #expect(try await access(driver).endpoints().first { $0.kind == .internet }?.enabled == false)
    }

    @Test func passwordIsNeverOnScreenNorInAnyFile() async throws {
        let (driver, _, emulator) = try await driver()
        let password = "Zq7-secret-Pw"
        await driver.command("endpoints")
        await driver.press(.character("P"))
        #expect(driver.screen.contains("Reset the login password of acr.emulator-main"), "\(driver.screen)")
        await type(driver, "acr.emulator-main")
        await driver.press(.enter)
        #expect(driver.screen.contains("New password"), "\(driver.screen)")
        await type(driver, "short")
        #expect(driver.screen.contains("it has 5 characters") && driver.screen.contains("•••••"), "\(driver.screen)")
        #expect(!driver.screen.contains("short"))
        for _ in 0..<5 { driver.app.handle(.backspace) }
        await type(driver, password)
        #expect(!driver.screen.contains(password), "\(driver.screen)")
        await driver.press(.tab)
        await type(driver, String(password.dropLast()))
        #expect(driver.screen.contains("the two entries differ"))
        await driver.press(.enter)
        #expect(driver.screen.contains("Repeat"), "the form stays open while the entries differ")
        await type(driver, String(password.last ?? "w"))
        #expect(!driver.screen.contains(password))
        await driver.press(.enter)
        #expect(driver.screen.contains("Reset the login password of acr.emulator-main"), "\(driver.screen)")
        #expect(!driver.screen.contains(password))
        #expect(try await emulator.requests(action: "ResetLoginPassword").count == 1)
        let files = FileManager.default.enumerator(at: driver.home, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            #expect(!text.contains(password), "\(file.path) holds the password")
        }
    }

    // MARK: Usage

    @Test func quotasShowBarsAndHighlightThoseAboveEightyPercent() async throws {
        let (driver, _, _) = try await driver()
        await driver.command("usage")
        let vpcs = try #require(row(driver, "linked VPCs"), "\(driver.screen)")
        #expect(vpcs.split(separator: " ").suffix(4) == ["2", "3", "█████████████░░░░░░░", "67%"], "\(vpcs)")
        // Storage follows the quotas: the total, then each namespace with its repositories.
        let storage = try #require(driver.surface.lines.firstIndex { $0.hasPrefix("  storage ") }, "\(driver.screen)")
        #expect(
            driver.surface.lines[storage + 1].hasPrefix("    bulk ") && driver.surface.lines[storage + 1].contains("~"))
        #expect(
            driver.surface.lines[storage + 2].hasPrefix("      bulk/many ") && driver.screen.contains("~ estimated"))
        await driver.press(.character("N"))
        let namespaces = driver.surface.lines.dropFirst(storage + 1).filter {
            $0.hasPrefix("    ") && !$0.hasPrefix("     ")
        }.map { $0.split(separator: " ")[0] }
        #expect(namespaces.count >= 3 && namespaces == namespaces.sorted(), "\(driver.screen)")
        #expect(row(driver, "namespaces")?.contains("15") == true)
        let instance = try await driver.app.session.provider(for: "acr.emulator-main").instance
        let usage = UsageList(context: driver.app, instance: instance)
        let theme = Theme.builtInDefault
        let full = UsageList.Row(item: .quota(QuotaUsage(resource: .vpcs, used: 3, quota: 3)))
        let most = UsageList.Row(item: .quota(QuotaUsage(resource: .vpcs, used: 2, quota: 3)))
        #expect(usage.rowStyle(full, selected: nil, theme: theme) == theme[.warning])
        #expect(usage.rowStyle(most, selected: nil, theme: theme) == nil)
        #expect(UsageList.bar(1) == String(repeating: "█", count: 20) + " 100%")
        #expect(UsageList.bar(0.3) == String(repeating: "█", count: 6) + String(repeating: "░", count: 14) + "  30%")
    }

    // MARK: Drift

    /// Copies tags of `ns/app` to `acr.emulator-empty`: its newest tag as itself (same), the same
    /// image as a second tag (different) and as `only-there` (extra); the rest stay missing.
    private func seedReplica(
        _ driver: ConsoleDriver, _ emulator: ACREmulator
    ) async throws -> (same: String, different: String, missing: [String]) {
        try await emulator.setSyncTiming(pendingMs: 20, msPerLayer: 5)
        let provider = try await replicator(driver)
        let tags = try await provider.tags(repository: "ns/app").collect().filter { !$0.isReferrersTag }
        let digests = Dictionary(tags.compactMap { tag in tag.details.map { (tag.name, $0.digest) } }) { a, _ in a }
        let same = try #require(tags.first?.name)
        let different = try #require(tags.first { digests[$0.name] != digests[same] }?.name)
        for name in [same, different, "only-there"] {
            let id = try await provider.startSync(
                repository: "ns/app", tag: same,
                to: ReplicaLocation(
                    region: emulator.region, instanceID: "cri-emulated0002", namespace: "ns", repository: "app",
                    tag: name))
            for _ in 0..<100 where try await provider.syncTask(id: id).status.isRunning {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        try await emulator.setSyncTiming()
        return (same, different, tags.map(\.name).filter { $0 != same && $0 != different }.sorted())
    }

    @Test(arguments: PaneSnapshotTests.languages, PaneSnapshotTests.sizes)
    func driftPane(language: Language, size: Size) async throws {
        let (driver, _, emulator) = try await driver(language: language, size: size)
        _ = try await seedReplica(driver, emulator)
        await driver.command("drift ns/app acr.emulator-empty/ns/app")
        try Snapshot.check(driver.screen, named: "drift-\(language.rawValue)-\(size.columns)x\(size.rows)")
        // The replica's instance holds only what the drift seed copied: its usage does not depend
        // on what other suites push to the shared registry.
        await driver.command("usage acr.emulator-empty")
        try Snapshot.check(driver.screen, named: "usage-\(language.rawValue)-\(size.columns)x\(size.rows)")
    }

    @Test func driftRowsCompareTwoRepositoriesAndCopyAMissingTag() async throws {
        let (driver, _, emulator) = try await driver()
        let (same, different, missing) = try await seedReplica(driver, emulator)
        await driver.command("drift ns/app acr.emulator-empty/ns/app")
        #expect(driver.screen.contains("drift · acr.emulator-main/ns/app → acr.emulator-empty/ns/app"))
        #expect(row(driver, same)?.contains("same") == true, "\(driver.screen)")
        #expect(row(driver, different)?.contains("different") == true, "\(driver.screen)")
        #expect(row(driver, "only-there")?.contains("extra") == true, "\(driver.screen)")
        for tag in missing { #expect(row(driver, tag)?.contains("missing") == true, "\(tag): \(driver.screen)") }
        // The seeded tasks ran on the emulator's own clock; the last sync column names the newest.
        #expect(row(driver, same)?.contains("success") == true, "\(driver.screen)")

        // Missing tags sort first: enter copies the first one by a one-off sync, once confirmed.
        let first = try #require(missing.first)
        await driver.press(.character("g"), .enter)
        #expect(driver.screen.contains("Copy \(first) to acr.emulator-empty?"), "\(driver.screen)")
        await driver.press(.character("y"))
        #expect(driver.screen.contains("Started sync task"), "\(driver.screen)")
        let tasks = try await replicator(driver).syncTasks(repository: "ns/app", tag: first).collect()
        #expect(tasks.contains { $0.ruleID == nil && $0.target.instanceID == "cri-emulated0002" }, "\(tasks)")

        // A source that does not replicate: the copy is a skopeo command on the clipboard.
        await driver.command("drift local/ns/app acr.emulator-empty/ns/app")
        await driver.press(.character("g"), .enter)
        let command = "skopeo copy docker://127.0.0.1:PORT/ns/app:"
        #expect(driver.screen.contains("copied: \(command)"), "\(driver.screen)")
        #expect(driver.copied.count == 1)
    }

    @Test func driftOpensFromTheSyncRulesAndTheTagList() async throws {
        let (driver, bulk, _) = try await driver()
        await driver.command("tags ns/app")
        await driver.press(.character("D"))
        #expect(driver.screen.contains("No sync rule copies ns/app"), "\(driver.screen)")

        await driver.command("tags \(bulk)")
        await driver.press(.character("D"))
        #expect(driver.screen.contains("drift · acr.emulator-main/\(bulk) → acr.emulator-empty/\(bulk)"))
        #expect(driver.screen.contains("acr.emulator-empty/\(bulk) does not exist"), "\(driver.screen)")

        await driver.command("sync \(bulk)")
        await driver.press(.character("D"))
        #expect(driver.screen.contains("drift · acr.emulator-main/\(bulk) → acr.emulator-empty/\(bulk)"))
        #expect(row(driver, "t0001")?.contains("missing") == true, "\(driver.screen)")
    }

    @Test func skopeoCommandQuotesEachReference() {
        #expect(
            DriftCopyFlow.skopeoCommand(source: "a.example/ns/app:v1", target: "b.example:5000/ns/app:v1")
                == "skopeo copy docker://a.example/ns/app:v1 docker://b.example:5000/ns/app:v1")
        #expect(
            DriftCopyFlow.skopeoCommand(source: "a.example/ns/it's:v1", target: "b.example/ns/app:v1")
                == #"skopeo copy 'docker://a.example/ns/it'\''s:v1' docker://b.example/ns/app:v1"#)
        #expect(DriftCopyFlow.skopeoCommand(source: "a.example/ns/app:v1\u{1B}[2J", target: "b/ns/app:v1") == nil)
    }
}
