import Foundation
import RegistryClient
import TestSupport
import Testing

/// `regconsole robots …`, `audit` and `usage` against the Harbor emulator as instance `hb`: table and
/// JSON values, a secret printed once and nowhere else, confirmations off a terminal, read-only
/// refusals before any request, and exit 2 on registries without these features.
///
/// The suite changes the model, so it runs serialized on its own emulator, reset before each test.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct HarborAdministrationCommandTests {
    private static let ownEmulator = Task<HarborEmulator, any Error> {
        try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
    }

    private struct Harbor {
        var fixture: Fixture
        var emulator: HarborEmulator
        var project: String

        var cli: CLIRunner { fixture.cli }

        func run(_ arguments: [String]) async throws -> CLIRunner.Result { try await cli.run(arguments) }

        @discardableResult
        func succeed(
            _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
        ) async throws
            -> CLIRunner.Result
        {
            try await fixture.succeed(arguments, sourceLocation: sourceLocation)
        }

        func jsonArray(
            _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
        ) async throws
            -> [[String: Any]]
        {
            try await fixture.jsonArray(arguments, sourceLocation: sourceLocation)
        }

        /// The id of the robot named `name` among `robots list SCOPE`.
        func robotID(_ name: String, in scope: String) async throws -> Int {
            let rows = try await jsonArray(["robots", "list", scope])
            return try #require(rows.first { $0["name"] as? String == name }?["id"] as? Int)
        }

        /// The text of this CLI's own audit log.
        var localAudit: String {
            let log = AuditLog(directories: XDGDirectories(environment: cli.environment))
            return (try? String(contentsOf: log.url, encoding: .utf8)) ?? ""
        }
    }

    private func harbor(readOnly: Bool = false) async throws -> Harbor {
        let emulator = try await Self.ownEmulator.value
        try await emulator.resetModel()
        let fixture = try await Fixture.harbor(emulator, settings: "read_only = \(readOnly)")
        return Harbor(fixture: fixture, emulator: emulator, project: try #require(emulator.projects.first))
    }

    private static func day(_ date: Date) -> String { String(RFC3339.format(date).prefix(10)) }

    // MARK: robots list

    @Test func robotsListShowsNamesLevelsPermissionsExpiryAndStatus() async throws {
        let hb = try await harbor()
        let p = hb.project
        let system = try await hb.jsonArray(["robots", "list", "hb"])
        #expect(system.compactMap { $0["name"] as? String }.sorted() == ["robot$backup", "robot$ops"])
        let ops = try #require(system.first { $0["name"] as? String == "robot$ops" })
        #expect(Set(ops.keys) == ["id", "name", "level", "permissions", "status", "description"])
        #expect(ops["level"] as? String == "system" && ops["status"] as? String == "enabled")
        #expect(ops["permissions"] as? String == "/: audit-log:list; *: repository:pull")
        let backup = try #require(system.first { $0["name"] as? String == "robot$backup" })
        #expect(backup["status"] as? String == "disabled")
        #expect(
            backup["expiresAt"] as? String == RFC3339.format(HarborEmulator.seedAnchor.addingTimeInterval(60 * 86_400)))

        let project = try await hb.jsonArray(["robots", "hb/\(p)"])
        #expect(project.compactMap { $0["name"] as? String } == ["robot$\(p)+ci", "robot$\(p)+old"])
        #expect(project.compactMap { $0["status"] as? String } == ["enabled", "expired"])
        #expect(project.compactMap { $0["permissions"] as? String } == ["repository:pull,push", "repository:pull"])

        let expiring = try await hb.jsonArray(["robots", "list", "hb/\(p)", "--expiring", "14"])
        #expect(expiring.compactMap { $0["name"] as? String } == ["robot$\(p)+ci"])
        #expect(try await hb.jsonArray(["robots", "list", "hb/\(p)", "--expiring", "3"]).isEmpty)

        let table = try await hb.succeed(["robots", "list", "hb/\(p)"]).stdout.split(separator: "\n").map(String.init)
        #expect(table.count == 3)
        #expect(table[0].split(separator: " ") == ["ID", "NAME", "LEVEL", "PERMISSIONS", "EXPIRES", "STATUS"])
        let anchor = HarborEmulator.seedAnchor
        #expect(table[1].contains("in 4d (\(Self.day(anchor.addingTimeInterval(5 * 86_400))))"), "\(table[1])")
        #expect(table[1].hasSuffix("  enabled"))
        #expect(
            table[2].hasSuffix("2d ago (\(Self.day(anchor.addingTimeInterval(-2 * 86_400))))  expired"), "\(table[2])")
        #expect(table[1].contains("robot$\(p)+ci") && table[1].contains(" project "))
    }

    // MARK: robots create, refresh-secret

    @Test func createPrintsTheSecretOnceAndNothingElseShowsIt() async throws {
        let hb = try await harbor()
        let p = hb.project
        let created = try await hb.succeed([
            "robots", "create", "hb/\(p)", "--name", "deploy", "--duration", "7",
            "--permission", "repository:pull,artifact:read",
        ])
        let secret = created.stdout.trimmingCharacters(in: .newlines)
        #expect(secret.count >= 16 && !secret.contains(" ") && !secret.contains("\n"))
        #expect(created.stderr.contains("created robot$\(p)+deploy"))
        #expect(created.stderr.contains("will not be shown again") && !created.stderr.contains(secret))

        let listed = try await hb.succeed(["robots", "list", "hb/\(p)", "--output", "json"])
        #expect(!listed.stdout.contains(secret))
        let row = try #require(try listed.json() as? [[String: Any]]).first {
            $0["name"] as? String == "robot$\(p)+deploy"
        }
        #expect(row?["permissions"] as? String == "repository:pull artifact:read")
        #expect(
            !hb.localAudit.contains(secret)
                && hb.localAudit.contains("robot$\(p)+deploy: repository:pull artifact:read"))
        let harborAudit = try await hb.succeed(["audit", "hb", "--resource", "deploy", "--output", "json"])
        #expect(!harborAudit.stdout.contains(secret))
        let entries = try #require(try harborAudit.json() as? [[String: Any]])
        #expect(entries.compactMap { $0["operation"] as? String } == ["create"])
        #expect(entries.first?["resource"] as? String == "robot$\(p)+deploy")

        let json = try await hb.succeed([
            "robots", "create", "hb", "--name", "scanner", "--duration=-1", "--permission", "scan:create",
            "--output", "json",
        ])
        let object = try #require(try json.json() as? [String: Any])
        #expect(object["name"] as? String == "robot$scanner")
        #expect((object["secret"] as? String)?.count ?? 0 >= 16)
        #expect(object["expiresAt"] is NSNull)
        #expect(Set(object.keys) == ["id", "name", "expiresAt", "secret"])

        let bad = try await hb.run(["robots", "create", "hb", "--name", "x", "--permission", "pull"])
        #expect(bad.status == 2 && bad.stderr.contains("'pull' is not resource:action"))
    }

    @Test func refreshSecretConfirmsAndPrintsTheNewSecretOnce() async throws {
        let hb = try await harbor()
        let id = try await hb.robotID("robot$ops", in: "hb")
        let refused = try await hb.run(["robots", "refresh-secret", "hb", String(id)])
        #expect(refused.status == 2 && refused.stderr.contains("refusing to change without confirmation"))
        let first = try await hb.succeed(["robots", "refresh-secret", "hb", String(id), "--yes"])
        let second = try await hb.succeed(["robots", "refresh-secret", "hb", String(id), "--yes"])
        #expect(first.stdout.count > 16 && first.stdout != second.stdout)
        #expect(first.stderr.contains("refreshed robot$ops (id \(id), never expires)"))
        #expect(!hb.localAudit.contains(first.stdout.trimmingCharacters(in: .newlines)))
    }

    // MARK: robots delete, enable, disable

    @Test func deleteAsksOffATerminalAndDeletesWithYes() async throws {
        let hb = try await harbor()
        let id = try await hb.robotID("robot$backup", in: "hb")
        let refused = try await hb.run(["robots", "delete", "hb", String(id)])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refusing to delete without confirmation: standard input is not a terminal"))
        #expect(try await hb.jsonArray(["robots", "hb"]).count == 2)

        let deleted = try await hb.succeed(["robots", "delete", "hb", String(id), "--yes"])
        #expect(deleted.stdout == "deleted robot account robot$backup (id \(id))\n")
        #expect(try await hb.jsonArray(["robots", "hb"]).compactMap { $0["name"] as? String } == ["robot$ops"])
        let again = try await hb.run(["robots", "delete", "hb", String(id), "--yes"])
        #expect(again.status == 1 && again.stderr.contains("hb has no robot account \(id)"))
    }

    @Test func disableAndEnableSwitchTheStatus() async throws {
        let hb = try await harbor()
        let id = try await hb.robotID("robot$ops", in: "hb")
        #expect(
            try await hb.succeed(["robots", "disable", "hb", String(id)]).stdout.contains(
                "disabled robot account robot$ops"))
        let ops = { (rows: [[String: Any]]) in rows.first { $0["name"] as? String == "robot$ops" }?["status"] as? String
        }
        #expect(ops(try await hb.jsonArray(["robots", "hb"])) == "disabled")
        try await hb.succeed(["robots", "enable", "hb", String(id)])
        #expect(ops(try await hb.jsonArray(["robots", "hb"])) == "enabled")
    }

    @Test func aReadOnlyInstanceRefusesEveryRobotChangeBeforeAnyRequest() async throws {
        let hb = try await harbor(readOnly: true)
        let before = try await hb.emulator.requestCount()
        for arguments in [
            ["robots", "create", "hb", "--name", "x", "--permission", "repository:pull"],
            ["robots", "delete", "hb", "1", "--yes"], ["robots", "refresh-secret", "hb", "1", "--yes"],
            ["robots", "disable", "hb", "1"], ["robots", "enable", "hb", "1"],
        ] {
            let result = try await hb.run(arguments)
            #expect(result.status == 1 && result.stderr.contains("instance 'hb' is read-only"), "\(arguments)")
        }
        #expect(try await hb.emulator.requestCount() == before)
    }

    // MARK: audit, usage, other registries

    @Test func auditShowsHarborsLogFilteredNewestFirst() async throws {
        let hb = try await harbor()
        let p = hb.project
        let alice = try await hb.jsonArray(["audit", "hb", "--user", "alice"])
        #expect(alice.compactMap { $0["operation"] as? String } == ["pull", "create"])
        #expect(
            Set(try #require(alice.first).keys) == [
                "id", "time", "user", "operation", "resourceType", "resource", "result",
            ])
        #expect(
            alice.first?["time"] as? String == RFC3339.format(HarborEmulator.seedAnchor.addingTimeInterval(-2 * 3600)))
        #expect(alice.first?["resource"] as? String == "\(p)/app:v1" && alice.first?["result"] as? String == "success")
        // Back to between 6 and 5 hours before the seed anchor: the two newest seeded entries.
        let hours = Int(Date().timeIntervalSince(HarborEmulator.seedAnchor) / 3600) + 6
        #expect(try await hb.jsonArray(["audit", "hb", "--since", "\(hours)h"]).count == 2)
        #expect(try await hb.jsonArray(["audit", "hb/\(p)", "--operation", "create"]).count == 2)
        #expect(try await hb.jsonArray(["audit", "hb", "--resource-type", "robot"]).count == 3)

        let table = try await hb.succeed(["audit", "hb", "--operation", "delete"]).stdout.split(separator: "\n")
        #expect(
            table.first?.split(separator: " ") == ["TIME", "USER", "OPERATION", "RESOURCE_TYPE", "RESOURCE", "RESULT"])
        #expect(table.count == 2 && table[1].contains("bob") && table[1].hasSuffix("\(p)/app:old  success"))

        let local = try await hb.run(["audit", "local"])
        #expect(local.status == 2 && local.stderr.contains("keeps no audit log regconsole can read (Harbor does)"))
        let robots = try await hb.run(["robots", "list", "local"])
        #expect(robots.status == 2 && robots.stderr.contains("robots need a Harbor instance"))
    }

    @Test func usageShowsEveryProjectsStorageQuota() async throws {
        let hb = try await harbor()
        let rows = try await hb.jsonArray(["usage", "hb"])
        #expect(rows.compactMap { $0["namespace"] as? String } == hb.emulator.projects)
        #expect(rows.allSatisfy { $0["resource"] as? String == "storage" && ($0["used"] as? Int ?? 0) > 0 })
        #expect(rows.first?["quota"] as? Int == 1 << 30)
        #expect(rows.dropFirst().allSatisfy { $0["quota"] == nil })
        let table = try await hb.succeed(["usage", "hb"]).stdout
        #expect(table.hasPrefix("RESOURCE  NAMESPACE"))
    }
}
