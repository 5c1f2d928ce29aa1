import Foundation
import RegistryClient
import TestSupport
import Testing

/// `regconsole sync …` against the ACR emulator, whose rule "replicate-first" copies the first
/// repository of emulator-main to the same names on emulator-empty, with a SUCCESS and an
/// ERROR/TAG_CONFLICT task seeded. Tasks the emulator runs are made quick with `setSyncTiming`.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct SyncCommandTests {
    private static let emulator = PrivateACREmulator()

    /// A fresh emulator whose sync tasks end within a second.
    private func fastEmulator() async throws -> ACREmulator {
        let emulator = try await Self.emulator.fresh()
        try await emulator.setSyncTiming(pendingMs: 50, msPerLayer: 50)
        return emulator
    }

    /// The seeded rule's repository (`NAMESPACE/NAME`) and one of its tags.
    private func seededRepositoryAndTag(_ acr: ACRCLI) async throws -> (String, String) {
        let reference = try await acr.deliveryRepository()
        let tags = try await acr.jsonArray(["tags", reference])
        let tag = try #require(tags.compactMap { $0["name"] as? String }.filter { !$0.hasPrefix("sha256-") }.min())
        return (String(reference.dropFirst("acr.emulator-main/".count)), tag)
    }

    @Test func rulesShowTheSeededRuleForItsScope() async throws {
        let acr = try await ACRCLI.make(try await Self.emulator.fresh())
        let (repository, _) = try await seededRepositoryAndTag(acr)
        let rules = try await acr.jsonArray(["sync", "rules", "acr.emulator-main"])
        #expect(rules.count == 1)
        let rule = try #require(rules.first)
        #expect(
            Set(rule.keys) == ["id", "name", "scope", "repositoryFilter", "tagFilter", "trigger", "target", "priority"])
        #expect((rule["id"] as? String)?.hasPrefix("crsr-") == true)
        #expect(rule["name"] as? String == "replicate-first")
        #expect(rule["scope"] as? String == "repo")
        #expect(rule["repositoryFilter"] as? String == repository)
        #expect(rule["tagFilter"] as? String == ".*")
        #expect(rule["trigger"] as? String == "automatic")
        #expect(rule["target"] as? String == "cn-hangzhou/cri-emulated0002/\(repository)")

        let namespace = String(repository.split(separator: "/")[0])
        #expect(try await acr.jsonArray(["sync", "rules", "acr.emulator-main/\(namespace)"]).count == 1)
        #expect(try await acr.jsonArray(["sync", "rules", "acr.emulator-main/\(repository)"]).count == 1)
        #expect(try await acr.jsonArray(["sync", "rules", "acr.emulator-main/\(namespace)/no-such-repo"]).isEmpty)
        let table = try await acr.succeed(["sync", "rules", "acr.emulator-main"]).stdout
        #expect(table.hasPrefix("ID") && table.contains("replicate-first"))

        let plain = try await acr.run(["sync", "rules", "local"])
        #expect(plain.status == 2 && plain.stderr.contains("sync rules and tasks need an ACR Enterprise instance"))
    }

    @Test func tasksShowTheSeededOutcomesWithTheIssueSentence() async throws {
        let acr = try await ACRCLI.make(try await Self.emulator.fresh())
        let tasks = try await acr.jsonArray(["sync", "tasks", "acr.emulator-main"])
        #expect(tasks.count == 2)
        #expect(Set(tasks.compactMap { $0["status"] as? String }) == ["SUCCESS", "ERROR"])
        let failed = try #require(tasks.first { $0["status"] as? String == "ERROR" })
        #expect(
            failed["issue"] as? String
                == "the target tag exists and is immutable: delete it on the target, or turn off tag immutability there"
        )
        #expect((failed["target"] as? String)?.hasPrefix("cn-hangzhou/cri-emulated0002/") == true)
        #expect(tasks.allSatisfy { ($0["rule"] as? String)?.hasPrefix("crsr-") == true && $0["progress"] == nil })
        #expect(try await acr.jsonArray(["sync", "tasks", "acr.emulator-main", "--limit", "1"]).count == 1)
        #expect(try await acr.jsonArray(["sync", "tasks", "acr.emulator-main", "--tag", "no-such-tag"]).isEmpty)
    }

    @Test func ruleCreateThenDeleteIsAudited() async throws {
        let emulator = try await Self.emulator.fresh()
        let acr = try await ACRCLI.make(emulator)
        let (repository, _) = try await seededRepositoryAndTag(acr)
        let namespace = String(repository.split(separator: "/")[0])
        let created = try await acr.succeed([
            "sync", "rule", "create", "acr.emulator-main", "--name", "ns-to-empty", "--scope", "namespace",
            "--source", namespace, "--target", "acr.emulator-empty/mirror", "--tag-filter", "^v.*", "--manual",
            "--priority", "4",
        ])
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.hasPrefix("crsr-"))
        let sent = try #require(try await emulator.requests(action: "CreateRepoSyncRule").first)
        #expect(sent.status == 200)
        var rules = try await acr.jsonArray(["sync", "rules", "acr.emulator-main"])
        let rule = try #require(rules.first { $0["id"] as? String == id })
        #expect(rule["scope"] as? String == "namespace" && rule["trigger"] as? String == "manual")
        #expect(rule["repositoryFilter"] as? String == "\(namespace)/*" && rule["tagFilter"] as? String == "^v.*")
        #expect(rule["target"] as? String == "cn-hangzhou/cri-emulated0002/mirror/*")
        #expect(rule["priority"] as? Int == 4)

        let unknownTarget = try await acr.run([
            "sync", "rule", "create", "acr.emulator-main", "--name", "x", "--scope", "instance", "--target", "nowhere",
        ])
        #expect(
            unknownTarget.status == 2 && unknownTarget.stderr.contains("'nowhere' is not an instance of the config"))

        let refused = try await acr.run(["sync", "rule", "delete", "acr.emulator-main", id])
        #expect(refused.status == 2 && refused.stderr.contains("--yes"))
        let deleted = try await acr.succeed(["sync", "rule", "delete", "acr.emulator-main", id, "--yes"])
        #expect(deleted.stdout.contains("deleted sync rule \(id) of acr.emulator-main"))
        rules = try await acr.jsonArray(["sync", "rules", "acr.emulator-main"])
        #expect(rules.compactMap { $0["name"] as? String } == ["replicate-first"])

        let audit = acr.auditEntries
        #expect(audit.map(\.action) == ["sync-rule-create", "sync-rule-delete"])
        #expect(audit.allSatisfy { $0.phase == "done" && $0.instance == "acr.emulator-main" })
        #expect(audit.first?.detail?.contains("ns-to-empty: NAMESPACE \(namespace)/* tags ^v.*") == true)
        #expect(audit.last?.detail == "\(id) ns-to-empty")
    }

    @Test func runWithWaitSucceedsThenFailsOnAnImmutableTarget() async throws {
        let emulator = try await fastEmulator()
        let acr = try await ACRCLI.make(emulator)
        let (repository, tag) = try await seededRepositoryAndTag(acr)
        let run = try await acr.succeed([
            "sync", "run", "acr.emulator-main", "replicate-first", "--tag", tag, "--wait", "--poll-interval", "0.1",
        ])
        let ids = run.stdout.split(separator: "\n").map(String.init)
        #expect(ids.count == 1 && ids.allSatisfy { $0.hasPrefix("rst-") })
        #expect(run.stderr.contains("1 of 1 sync tasks succeeded"))
        let copied = try await acr.jsonArray(["tags", "acr.emulator-empty/\(repository)"])
        #expect(copied.contains { $0["name"] as? String == tag })

        // The target's tags made immutable, the same copy again is a TAG_CONFLICT.
        _ = try await acr.succeed([
            "repos", "update", "acr.emulator-empty/\(repository)", "--immutable", "--summary", "replica",
        ])
        let conflict = try await acr.run([
            "sync", "run", "acr.emulator-main", "replicate-first", "--tag", tag, "--wait", "--poll-interval", "0.1",
        ])
        #expect(conflict.status == 1)
        #expect(conflict.stderr.contains(": ERROR: the target tag exists and is immutable: delete it on the target"))
        #expect(conflict.stderr.contains("1 of 1 sync tasks did not succeed"))
        #expect(conflict.stderr.contains("turn off tag immutability there\n"), "one line per failed task")
        let failedID = try #require(conflict.stdout.split(separator: "\n").first.map(String.init))
        let tasks = try await acr.jsonArray(["sync", "tasks", "acr.emulator-main", "--repository", repository])
        #expect(tasks.first?["id"] as? String == failedID, "newest first")
        #expect(acr.auditEntries.map(\.action) == ["sync-run", "repository-update", "sync-run"])
        #expect(acr.auditEntries.first?.detail?.hasPrefix("\(tag) by rule crsr-") == true)
    }

    @Test func runRefusesUnknownRulesMissingTagsAndTruncatedPlans() async throws {
        let emulator = try await fastEmulator()
        let acr = try await ACRCLI.make(emulator)
        let (repository, _) = try await seededRepositoryAndTag(acr)
        let missing = try await acr.run(["sync", "run", "acr.emulator-main", "replicate-first", "--tag", "no-such"])
        #expect(missing.status == 2 && missing.stderr.contains("matches no tag 'no-such'"))
        let unknown = try await acr.run(["sync", "run", "acr.emulator-main", "crsr-nonexistent"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("acr.emulator-main has no sync rule 'crsr-nonexistent'"))

        // The first repository has more tags than a run starts at once: nothing is started.
        let tags = try await acr.jsonArray(["tags", "acr.emulator-main/\(repository)"])
        #expect(tags.count > 500)
        let everything = try await acr.run(["sync", "run", "acr.emulator-main", "replicate-first"])
        #expect(everything.status == 2)
        #expect(everything.stderr.contains("rule replicate-first matches more than 500 tags; nothing was started"))
        #expect(everything.stderr.contains("copy one tag at a time with --tag TAG"))
        #expect(everything.stdout.isEmpty)
        #expect(try await emulator.requests(action: "CreateRepoSyncTaskByRule").isEmpty)
        #expect(acr.auditEntries.isEmpty)
    }

    @Test func cancelAsksAndStopsARunningTask() async throws {
        let emulator = try await Self.emulator.fresh()
        try await emulator.setSyncTiming(pendingMs: 60_000, msPerLayer: 1000)
        let acr = try await ACRCLI.make(emulator)
        let (_, tag) = try await seededRepositoryAndTag(acr)
        let run = try await acr.succeed(["sync", "run", "acr.emulator-main", "replicate-first", "--tag", tag])
        let id = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let running = try #require(try await acr.jsonArray(["sync", "tasks", "acr.emulator-main"]).first)
        #expect(running["id"] as? String == id && running["status"] as? String == "PENDING")
        #expect(running["progress"] as? Int == 0, "a running task is read again for its layers' progress")
        let refused = try await acr.run(["sync", "cancel", "acr.emulator-main", id])
        #expect(refused.status == 2 && refused.stderr.contains("refusing to change without confirmation"))
        let canceled = try await acr.succeed(["sync", "cancel", "acr.emulator-main", id, "--yes"])
        #expect(canceled.stdout.contains("canceled sync task \(id) of acr.emulator-main"))
        let task = try #require(try await acr.jsonArray(["sync", "tasks", "acr.emulator-main"]).first)
        #expect(task["id"] as? String == id && task["status"] as? String == "CANCELED")
        #expect(acr.auditEntries.map(\.action) == ["sync-run", "sync-cancel"])

        let readOnly = try await ACRCLI.make(emulator, settings: "read_only = true")
        let refusedWrite = try await readOnly.run(["sync", "cancel", "acr.emulator-main", id, "--yes"])
        #expect(refusedWrite.status == 1 && refusedWrite.stderr.contains("instance 'acr.emulator-main' is read-only"))
        #expect(readOnly.auditEntries.isEmpty)
    }
}
