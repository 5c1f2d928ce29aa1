import Foundation
import RegistryClient
import TestSupport
import Testing

/// `regconsole subscriptions …` against the ACR emulator, which seeds one rule (Docker Hub
/// library/nginx, tags 1\.2[67]\..*, newest 3, linux/amd64) with one completed run and pretends
/// the upstream's tags.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct SubscriptionsCommandTests {
    private static let emulator = PrivateACREmulator()

    @Test func rulesAndTasksShowTheSeed() async throws {
        let acr = try await ACRCLI.make(try await Self.emulator.fresh())
        let rules = try await acr.jsonArray(["subscriptions", "rules", "acr.emulator-main"])
        #expect(rules.count == 1)
        let rule = try #require(rules.first)
        #expect((rule["id"] as? String)?.hasPrefix("crasr-seed") == true)
        #expect(rule["upstream"] as? String == "DOCKER_HUB")
        #expect(rule["from"] as? String == "docker.io/library/nginx")
        #expect((rule["to"] as? String)?.hasSuffix("/nginx") == true)
        #expect(rule["tags"] as? String == "1\\.2[67]\\..*")
        #expect(rule["count"] as? Int == 3)
        #expect(rule["platforms"] as? [String] == ["linux/amd64"])
        #expect(rule["overwrite"] as? Bool == false)

        let tasks = try await acr.jsonArray(["subscriptions", "tasks", "acr.emulator-main"])
        #expect(tasks.count == 1)
        let task = try #require(tasks.first)
        #expect((task["id"] as? String)?.hasPrefix("crast-") == true)
        #expect(task["status"] as? String == "COMPLETED" && task["result"] as? String == "SUCCESS")
        #expect(task["upstream"] as? String == "DOCKER_HUB" && task["from"] as? String == "library/nginx")
        #expect(task["to"] as? String == rule["to"] as? String)
        #expect(task["matchedTags"] is Int && task["pulledTags"] is Int)
        #expect(task["type"] as? String == "AUTO")
        let table = try await acr.succeed(["subscriptions", "tasks", "acr.emulator-main"]).stdout
        #expect(table.hasPrefix("ID") && table.contains("COMPLETED"))
    }

    @Test func createUpdateRunAndDeleteAreAudited() async throws {
        let emulator = try await Self.emulator.fresh()
        try await emulator.setSyncTiming(pendingMs: 100, msPerLayer: 50)
        let acr = try await ACRCLI.make(emulator)
        let seeded = try #require(try await acr.jsonArray(["subscriptions", "rules", "acr.emulator-main"]).first)
        let namespace = try #require((seeded["to"] as? String)?.split(separator: "/").first.map(String.init))

        let missing = try await acr.run(["subscriptions", "rule", "create", "acr.emulator-main", "--upstream", "GCR"])
        #expect(missing.status == 2 && missing.stderr.contains("needs --from, --to, --tags, --count"))
        let badUpstream = try await acr.run([
            "subscriptions", "rule", "create", "acr.emulator-main", "--upstream", "GHCR", "--from", "a/b", "--to",
            "\(namespace)/b", "--tags", ".*", "--count", "2",
        ])
        #expect(badUpstream.status == 2 && badUpstream.stderr.contains("'GHCR' is not an upstream ACR subscribes to"))

        let created = try await acr.succeed([
            "subscriptions", "rule", "create", "acr.emulator-main", "--upstream", "QUAY", "--from", "coreos/etcd",
            "--to", "\(namespace)/etcd", "--tags", "release-.*", "--count", "2", "--platform", "linux/amd64",
            "--platform", "linux/arm64",
        ])
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.hasPrefix("crasr-"))
        var rule = try #require(
            try await acr.jsonArray(["subscriptions", "rules", "acr.emulator-main"]).first { $0["id"] as? String == id }
        )
        #expect(rule["from"] as? String == "quay.io/coreos/etcd")
        #expect(rule["platforms"] as? [String] == ["linux/amd64", "linux/arm64"])

        let updated = try await acr.succeed([
            "subscriptions", "rule", "update", "acr.emulator-main", id, "--count", "5", "--overwrite",
        ])
        #expect(updated.stderr.contains("changing subscription rule \(id) of acr.emulator-main:"))
        #expect(updated.stderr.contains("  count: 2 → 5") && updated.stderr.contains("  overwrite: false → true"))
        #expect(!updated.stderr.contains("tags:"))
        rule = try #require(
            try await acr.jsonArray(["subscriptions", "rules", "acr.emulator-main"]).first { $0["id"] as? String == id }
        )
        #expect(
            rule["count"] as? Int == 5 && rule["overwrite"] as? Bool == true && rule["tags"] as? String == "release-.*")
        let same = try await acr.succeed(["subscriptions", "rule", "update", "acr.emulator-main", id, "--count", "5"])
        #expect(same.stdout.contains("already is so; nothing changed"))

        let run = try await acr.succeed([
            "subscriptions", "run", "acr.emulator-main", id, "--wait", "--poll-interval", "0.1",
        ])
        let taskID = try #require(run.stdout.split(separator: "\n").first.map(String.init))
        #expect(taskID.hasPrefix("crast-"))
        #expect(run.stderr.contains("COMPLETED SUCCESS; pulled 2 of 2 matching tags"))

        let refused = try await acr.run(["subscriptions", "rule", "delete", "acr.emulator-main", id])
        #expect(refused.status == 2 && refused.stderr.contains("--yes"))
        _ = try await acr.succeed(["subscriptions", "rule", "delete", "acr.emulator-main", id, "--yes"])
        #expect(try await acr.jsonArray(["subscriptions", "rules", "acr.emulator-main"]).count == 1)
        #expect(
            acr.auditEntries.map(\.action)
                == ["subscription-create", "subscription-update", "subscription-run", "subscription-delete"])

        let readOnly = try await ACRCLI.make(emulator, settings: "read_only = true")
        let refusedWrite = try await readOnly.run(["subscriptions", "run", "acr.emulator-main", id])
        #expect(refusedWrite.status == 1 && refusedWrite.stderr.contains("is read-only"))
    }
}
