import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// Robot accounts, project quotas and Harbor's audit log through `HarborProvider` against the
/// emulator: names, levels and expiry classes of the seeded robots, a secret seen once and never
/// again (not in listings, descriptions or either audit log), quotas equal to the projects'
/// artifact sizes, and audit filters that return exactly the expected entries.
///
/// Every test starts from the emulator's startup model, which is why the suite runs serialized.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct HarborAdministrationTests {
    private static let ownEmulator = Task<HarborEmulator, any Error> {
        try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
    }

    private struct Setup {
        var provider: HarborProvider
        var emulator: HarborEmulator
        var project: String
        var home: TemporaryDirectory
        var audit: AuditLog { AuditLog(url: home.url.appendingPathComponent("audit.log")) }
    }

    private func setup(readOnly: Bool = false) async throws -> Setup {
        let emulator = try await Self.ownEmulator.value
        try await emulator.resetModel()
        let home = try TemporaryDirectory("harbor-admin")
        let config = try Config.parse(
            """
            [[instances]]
            name = "hb"
            kind = "harbor"
            url = "\(emulator.url)"
            username = "\(emulator.username)"
            password_env = "HB_PASSWORD"
            read_only = \(readOnly)
            """, file: "config.toml")
        let session = RegistrySession(
            config: config, http: CurlHTTPClient(),
            environment: ["HOME": home.url.path, "HB_PASSWORD": emulator.password],
            content: ContentStore(directory: nil))
        let provider = try #require(try await session.provider(for: "hb") as? HarborProvider)
        return Setup(provider: provider, emulator: emulator, project: try #require(emulator.projects.first), home: home)
    }

    @Test func seededRobotsHaveTheirNamesLevelsAndExpiryClasses() async throws {
        let setup = try await setup()
        let now = Date()
        let system = try await setup.provider.robots(project: nil).sorted { $0.name < $1.name }
        #expect(system.map(\.name) == ["robot$backup", "robot$ops"])
        #expect(system.map(\.level) == [.system, .system])
        #expect(system.map { $0.status(now: now) } == [.disabled, .enabled])
        #expect(system[1].expiresAt == nil && system[1].duration == -1)
        #expect(system[1].permissionSummary == "/: audit-log:list; *: repository:pull")

        let project = try await setup.provider.robots(project: setup.project).sorted { $0.name < $1.name }
        #expect(project.map(\.name) == ["robot$\(setup.project)+ci", "robot$\(setup.project)+old"])
        #expect(project.map(\.level) == [.project, .project])
        #expect(project.map(\.project) == [setup.project, setup.project])
        #expect(project.map { $0.status(now: now) } == [.enabled, .expired])
        #expect(project.map { $0.expires(within: 14 * 86_400, now: now) } == [true, false])
        #expect(project.map { $0.expires(within: 3 * 86_400, now: now) } == [false, false])
        #expect(project[0].permissionSummary == "repository:pull,push")
        #expect(project[0].duration == 30 && project[0].description == "CI pushes")
    }

    @Test func aCreatedRobotsSecretIsSeenOnceAndNeverAgain() async throws {
        let setup = try await setup()
        let changes = AuditedAdministration(audit: setup.audit)
        let draft = RobotDraft(
            name: "deploy", project: setup.project, duration: 7,
            access: [
                RobotPermission.Access(resource: "repository", action: "pull"), try #require(.init("artifact:read")),
            ])
        let secret = try await changes.createRobot(draft, on: setup.provider)
        let value = secret.reveal()
        #expect(secret.robotName == "robot$\(setup.project)+deploy")
        #expect(value.count >= 16)
        #expect(!String(describing: secret).contains(value))
        #expect(!String(reflecting: secret).contains(value))
        #expect(String(describing: secret).contains(RobotSecret.mask))
        let expiry = try #require(secret.expiresAt).timeIntervalSinceNow
        #expect(expiry > 6.9 * 86_400 && expiry <= 7 * 86_400)

        let listed = try await setup.provider.robots(project: setup.project)
        let robot = try #require(listed.first { $0.id == secret.robotID })
        #expect(robot.name == secret.robotName && robot.permissionSummary == "repository:pull artifact:read")
        #expect(!String(describing: listed).contains(value))
        let local = try String(contentsOf: setup.audit.url, encoding: .utf8)
        #expect(!local.contains(value))
        #expect(setup.audit.entries().map(\.action) == ["robot-create", "robot-create"])
        #expect(setup.audit.entries().last?.detail == "\(secret.robotName): repository:pull artifact:read, 7 days")

        let harbor = try await setup.provider.auditEvents(
            project: nil, filter: AuditEventFilter(resourceType: "robot", operation: "create"), maxPages: 1
        ).collect()
        #expect(harbor.first?.resource == secret.robotName)
        #expect(harbor.first?.username == setup.emulator.username)
        #expect(harbor.map(\.resource).filter { $0.contains(value) } == [])
    }

    @Test func refreshDisableAndDeleteChangeTheRobot() async throws {
        let setup = try await setup()
        let changes = AuditedAdministration(audit: setup.audit)
        let created = try await changes.createRobot(
            RobotDraft(
                name: "temp", project: nil, duration: -1, access: [.init(resource: "repository", action: "pull")]),
            on: setup.provider)
        #expect(created.robotName == "robot$temp" && created.expiresAt == nil)
        let refreshed = try await changes.refreshSecret(
            id: created.robotID, name: created.robotName, on: setup.provider)
        #expect(refreshed.reveal() != created.reveal() && refreshed.robotID == created.robotID)

        let robot = try await setup.provider.robot(id: created.robotID)
        try await changes.setRobot(robot, disabled: true, on: setup.provider)
        #expect(try await setup.provider.robot(id: created.robotID).disabled)
        try await changes.setRobot(robot, disabled: false, on: setup.provider)
        #expect(try await setup.provider.robot(id: created.robotID).status(now: Date()) == .enabled)

        try await changes.deleteRobot(id: created.robotID, name: created.robotName, on: setup.provider)
        #expect(try await setup.provider.robots(project: nil).map(\.name).sorted() == ["robot$backup", "robot$ops"])
        let error = await #expect(throws: RegistryError.self) { try await setup.provider.robot(id: created.robotID) }
        #expect(error?.code == .notFound)
        #expect(
            setup.audit.entries().filter { $0.phase == "done" }.map(\.action) == [
                "robot-create", "robot-refresh-secret", "robot-disable", "robot-enable", "robot-delete",
            ])
        let operations = try await setup.provider.auditEvents(
            project: nil, filter: AuditEventFilter(resource: "robot$temp"), maxPages: 1
        ).collect().map(\.operation)
        #expect(operations == ["delete", "update", "update", "update", "create"])
    }

    @Test func aReadOnlyInstanceRefusesRobotChanges() async throws {
        let setup = try await setup(readOnly: true)
        let draft = RobotDraft(
            name: "x", project: nil, duration: 1, access: [.init(resource: "repository", action: "pull")])
        let error = await #expect(throws: RegistryError.self) { try await setup.provider.createRobot(draft) }
        #expect(error?.code == .readOnly)
        await #expect(throws: RegistryError.self) { try await setup.provider.deleteRobot(id: 1) }
        #expect(try await setup.provider.robots(project: nil).count == 2)
    }

    @Test func quotasEqualTheProjectsArtifactSizes() async throws {
        let setup = try await setup()
        let quotas = try await setup.provider.projectQuotas()
        #expect(quotas.map(\.project) == setup.emulator.projects)
        for quota in quotas {
            var sizes: [Digest: Int64] = [:]
            for repository in try await setup.provider.repositories(namespace: quota.project).collect() {
                for tag in try await setup.provider.tags(repository: repository.name).collect() {
                    if let details = tag.details { sizes[details.digest] = details.size ?? 0 }
                }
            }
            #expect(quota.usedStorage == sizes.values.reduce(0, +), "\(quota.project)")
            #expect(quota.usedStorage > 0)
            #expect(quota.hardStorage == (quota.project == setup.project ? 1 << 30 : nil))
        }
        let usage = try await setup.provider.quotaUsage()
        #expect(usage.map(\.scope) == quotas.map(\.project))
        #expect(usage.map(\.resource) == Array(repeating: .storage, count: quotas.count))
        #expect(usage.map(\.used) == quotas.map { Int($0.usedStorage) })
    }

    @Test func auditFiltersReturnExactlyTheMatchingEntries() async throws {
        let setup = try await setup()
        let project = setup.project
        func entries(_ filter: AuditEventFilter, in scope: String? = nil) async throws -> [String] {
            try await setup.provider.auditEvents(project: scope, filter: filter, maxPages: 3).collect().map {
                "\($0.username) \($0.operation) \($0.resourceType) \($0.resource)"
            }
        }
        #expect(
            try await entries(AuditEventFilter()) == [
                "alice pull artifact \(project)/app:v1", "bob delete artifact \(project)/app:old",
                "alice create artifact \(project)/app:v1", "admin create robot robot$\(project)+ci",
                "admin create robot robot$backup", "admin create robot robot$ops",
            ])
        #expect(
            try await entries(AuditEventFilter(user: "alice")) == [
                "alice pull artifact \(project)/app:v1", "alice create artifact \(project)/app:v1",
            ])
        #expect(try await entries(AuditEventFilter(user: "ali")) == [])
        #expect(try await entries(AuditEventFilter(resource: "app:o")) == ["bob delete artifact \(project)/app:old"])
        #expect(
            try await entries(AuditEventFilter(resourceType: "artifact", operation: "create")) == [
                "alice create artifact \(project)/app:v1"
            ])
        let anchor = HarborEmulator.seedAnchor
        #expect(
            try await entries(AuditEventFilter(since: anchor.addingTimeInterval(-6 * 3600))) == [
                "alice pull artifact \(project)/app:v1", "bob delete artifact \(project)/app:old",
            ])
        #expect(
            try await entries(
                AuditEventFilter(
                    since: anchor.addingTimeInterval(-31 * 86_400), until: anchor.addingTimeInterval(-24 * 86_400)))
                == ["admin create robot robot$\(project)+ci", "admin create robot robot$backup"])
        #expect(try await entries(AuditEventFilter(operation: "create"), in: project).count == 2)
        #expect(try await entries(AuditEventFilter(), in: project).allSatisfy { !$0.contains("robot$ops") })
    }

    @Test func theAuditLogIsReadAPageAtATimeUpToTheCap() async throws {
        let setup = try await setup()
        let ops = try #require(try await setup.provider.robots(project: nil).first { $0.name == "robot$ops" })
        for index in 0..<105 { try await setup.provider.setRobot(id: ops.id, disabled: index % 2 == 0) }
        var pages: [Int] = []
        for try await page in setup.provider.auditEvents(project: nil, filter: AuditEventFilter(), maxPages: 1) {
            pages.append(page.count)
        }
        #expect(pages == [100])
        pages = []
        for try await page in setup.provider.auditEvents(project: nil, filter: AuditEventFilter(), maxPages: 5) {
            pages.append(page.count)
        }
        #expect(pages == [100, 11])
        let newest = try await setup.provider.auditEvents(project: nil, filter: AuditEventFilter(), maxPages: 1)
            .collect().prefix(2).map(\.operation)
        #expect(newest == ["update", "update"])
    }

    @Test(
        .enabled(
            if: HarborEmulator.isClientInstalled || ProcessInfo.processInfo.environment["CI"] == "true",
            "needs harbor-api-client in .venv-acr; run scripts/install-deps"))
    func harborClientDecodesRobotsQuotasAndTheAuditLog() async throws {
        #expect(HarborEmulator.isClientInstalled, "harbor-api-client is not installed in .venv-acr")
        let setup = try await setup()
        let report = try await setup.emulator.runAdministrationClientCheck()
        #expect(report.failures == [], "\(report.errorOutput)")
        #expect(report.exitCode == 0)
        #expect(
            report.checked == [
                "list_robot", "create_robot", "get_robot_by_id", "update_robot", "refresh_sec", "list_audit_log_exts",
                "get_log_exts", "delete_robot", "list_audit_log_event_types", "list_quotas", "get_quota",
                "update_quota",
            ])
        // The check restores the startup model; nothing any test of the suite read broke the swagger.
        #expect(try await setup.provider.robots(project: nil).count == 2)
        #expect(try await setup.emulator.schemaViolations() == [])
    }
}
