import Foundation
import TestSupport
import Testing

/// `replication` and `webhooks` against the Harbor emulator's seed (harbor_replication.py), as a
/// `harbor` entry `hb`: values, exit codes (a failed `run --wait` exits 1), read-only refusals
/// before any request, other registries refused with a usage error, and secrets never printed.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct HarborAutomationCommandTests {
    /// The CLI with `hb` over a fresh emulator (read-only when asked).
    private func harbor(readOnly: Bool = false) async throws -> (Fixture, HarborEmulator) {
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
        return (try await Fixture.harbor(emulator, settings: "read_only = \(readOnly)"), emulator)
    }

    private func ids(_ rows: [[String: Any]]) -> [Int] { rows.compactMap { $0["id"] as? Int } }

    @Test func policiesExecutionsTasksAndLogsAreListed() async throws {
        let (cli, emulator) = try await harbor()
        defer { emulator.stop() }
        let policies = try await cli.jsonArray(["replication", "policies", "hb"])
        #expect(
            policies.compactMap { $0["name"] as? String } == ["push-ns-to-dr", "pull-mirror-from-dr", "offsite-copy"])
        let push = try #require(policies.first)
        #expect(push["direction"] as? String == "push" && push["source"] as? String == "Local")
        #expect(push["destination"] as? String == "dr-harbor" && push["destinationNamespace"] as? String == "ns-backup")
        #expect(push["trigger"] as? String == "event_based" && push["enabled"] as? Bool == true)
        #expect(push["filters"] as? [String] == ["name=ns/{app,web}", "tag=**"])
        #expect(policies[1]["cron"] as? String == "0 0 3 * * *" && policies[1]["destinationNamespace"] == nil)
        let table = try await cli.succeed(["replication", "policies", "hb"]).stdout
        #expect(table.contains("Local → dr-harbor/ns-backup"), "\(table)")

        let executions = try await cli.jsonArray(["replication", "executions", "hb"])
        #expect(ids(executions) == [3, 2, 1])
        #expect(executions.compactMap { $0["status"] as? String } == ["Succeed", "Failed", "Succeed"])
        let failed = executions[1]
        #expect(failed["total"] as? Int == 2 && failed["failed"] as? Int == 1 && failed["succeeded"] as? Int == 1)
        #expect(failed["policy"] as? Int == 1 && failed["trigger"] as? String == "manual")
        #expect(
            ids(try await cli.jsonArray(["replication", "executions", "hb", "--policy", "push-ns-to-dr"])) == [2, 1])
        #expect(ids(try await cli.jsonArray(["replication", "executions", "hb", "--status", "Failed"])) == [2])

        let tasks = try await cli.jsonArray(["replication", "tasks", "hb", "2"])
        #expect(tasks.compactMap { $0["status"] as? String } == ["Failed", "Succeed"], "failed first")
        let failedTasks = try await cli.jsonArray(["replication", "tasks", "hb", "2", "--failed"])
        let task = try #require(failedTasks.first)
        #expect(failedTasks.count == 1 && (task["destination"] as? String)?.hasPrefix("ns-backup/app:[") == true)
        let log = try await cli.succeed(["replication", "log", "hb", "2", String(try #require(task["id"] as? Int))])
        #expect(
            log.stdout.contains("[ERROR]") && log.stdout.contains("failed to push manifest of artifact ns-backup/app:"))
        let missing = try await cli.cli.run(["replication", "tasks", "hb", "99"])
        #expect(missing.status == 1 && missing.stderr.contains("replication executions"), "\(missing.stderr)")
    }

    @Test func runWaitsForTheEndAndExitsOneOnFailure() async throws {
        let (cli, emulator) = try await harbor()
        defer { emulator.stop() }
        let succeeded = try await cli.succeed(["replication", "run", "hb", "1", "--wait", "--poll-interval", "0.05"])
        #expect(succeeded.stdout == "4\n")
        #expect(succeeded.stderr.contains("replication execution 4 succeeded: 2 of 2 tasks"), "\(succeeded.stderr)")

        let disabled = try await cli.cli.run(["replication", "run", "hb", "offsite-copy"])
        #expect(disabled.status == 1 && disabled.stderr.contains("is disabled"), "\(disabled.stderr)")
        #expect(disabled.stderr.contains("regconsole replication enable hb 3"), "\(disabled.stderr)")
        try await cli.succeed(["replication", "enable", "hb", "offsite-copy"])
        let enabled = try await cli.jsonArray(["replication", "policies", "hb"]).first { $0["id"] as? Int == 3 }
        #expect(enabled?["enabled"] as? Bool == true)

        let failed = try await cli.cli.run(["replication", "run", "hb", "3", "--wait", "--poll-interval", "0.05"])
        #expect(failed.status == 1, "\(failed.stderr)")
        #expect(failed.stdout == "5\n")
        #expect(failed.stderr.contains("ended Failed: 1 of 1 tasks failed"), "\(failed.stderr)")
        #expect(failed.stderr.contains("ns/app:[") && failed.stderr.contains("failover/app:["), "\(failed.stderr)")
        try await cli.succeed(["replication", "disable", "hb", "3"])

        let started = try await cli.succeed(["replication", "run", "hb", "2"]).stdout
        #expect(started == "6\n")
        let stopped = try await cli.succeed(["replication", "stop", "hb", "6", "--yes"])
        #expect(stopped.stdout == "stopped replication execution 6 of hb\n")
        let execution = try await cli.jsonArray(["replication", "executions", "hb", "--status", "Stopped"])
        #expect(ids(execution) == [6])
    }

    @Test func readOnlyAndOtherRegistriesAreRefused() async throws {
        let (cli, emulator) = try await harbor(readOnly: true)
        defer { emulator.stop() }
        for arguments in [
            ["replication", "run", "hb", "1"], ["replication", "stop", "hb", "1", "--yes"],
            ["replication", "disable", "hb", "1"], ["webhooks", "delete", "hb/ns", "1", "--yes"],
        ] {
            let result = try await cli.cli.run(arguments)
            #expect(result.status != 0 && result.stderr.contains("read-only"), "\(arguments): \(result.stderr)")
        }
        #expect(ids(try await cli.jsonArray(["replication", "executions", "hb"])) == [3, 2, 1], "nothing started")
        let other = try await cli.cli.run(["replication", "policies", "basic"])
        #expect(other.status == 2 && other.stderr.contains("need a Harbor instance"), "\(other.stderr)")
        let hooks = try await cli.cli.run(["webhooks", "list", "basic/ns"])
        #expect(hooks.status == 2 && hooks.stderr.contains("need a Harbor instance"), "\(hooks.stderr)")
    }

    @Test func webhooksListJobsLogsAndChangesWithoutSecrets() async throws {
        let (cli, emulator) = try await harbor()
        defer { emulator.stop() }
        let policies = try await cli.jsonArray(["webhooks", "list", "hb/ns"])
        #expect(policies.compactMap { $0["name"] as? String } == ["deploy-hook", "chat-alerts"])
        let hook = try #require(policies.first)
        #expect(hook["targets"] as? [String] == ["https://deploy:***@hooks.example.com/harbor?token=***"])
        #expect(hook["hasAuthHeader"] as? Bool == true && hook["project"] as? String == "ns")
        #expect(hook["eventTypes"] as? [String] == ["PUSH_ARTIFACT", "DELETE_ARTIFACT", "SCANNING_COMPLETED"])
        for format in ["table", "json", "csv"] {
            let printed = try await cli.succeed(["webhooks", "list", "hb", "--output", format]).stdout
            #expect(printed.contains("deploy-hook"), "every project is listed: \(printed)")
            for secret in ["s3cr3t", "hook-secret-123", "abc123"] { #expect(!printed.contains(secret), "\(format)") }
        }

        let jobs = try await cli.jsonArray(["webhooks", "jobs", "hb/ns", "deploy-hook"])
        #expect(
            ids(jobs) == [3, 2, 1] && jobs.compactMap { $0["status"] as? String } == ["Error", "Success", "Success"])
        #expect(jobs.first?["eventType"] as? String == "PUSH_ARTIFACT")
        let log = try await cli.succeed(["webhooks", "log", "hb/ns", "1", "3", "3"]).stdout
        #expect(log.contains("failed to exec webhook request"), "\(log)")

        try await cli.succeed(["webhooks", "disable", "hb/ns", "deploy-hook"])
        #expect(try await cli.jsonArray(["webhooks", "list", "hb/ns"]).first?["enabled"] as? Bool == false)
        let refused = try await cli.cli.run(["webhooks", "delete", "hb/ns", "chat-alerts"])
        #expect(refused.status != 0, "a delete without a terminal needs --yes")
        let deleted = try await cli.succeed(["webhooks", "delete", "hb/ns", "chat-alerts", "--yes"])
        #expect(deleted.stdout == "deleted webhook policy 2 (chat-alerts) of hb/ns\n")
        #expect(try await cli.jsonArray(["webhooks", "list", "hb/ns"]).compactMap { $0["id"] as? Int } == [1])
    }
}
