import Foundation
import RegistryClient
import TestSupport
import Testing

/// The CLI against the emulator's ACR Personal Edition API, configured as one `acr` entry named
/// `acr` with `edition = "personal"`: its model is the shared registry's two-segment repositories
/// (namespaces `ns` and `bulk`), the first repository by name has a build rule and two finished
/// builds, and lifecycle rules are regconsole's own, applied through compare-and-delete.
///
/// The suite changes the model, so it runs serialized on its own emulator, restored before each test.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct ACRPersonalCommandTests {
    private static let emulator = PrivateACREmulator()
    /// What makes the `acr` entry Personal Edition.
    private static let edition = "edition = \"personal\""

    /// The CLI with the Personal Edition entry over this suite's fresh emulator.
    private func personal() async throws -> ACRCLI {
        try await ACRCLI.make(try await Self.emulator.fresh(), settings: Self.edition)
    }

    /// Values of one key of every row.
    private func column(_ rows: [[String: Any]], _ key: String) -> [String] {
        rows.compactMap { $0[key] as? String }
    }

    /// Tag name → digest of `acr/REPOSITORY`, as `tags --long` lists them.
    private func tagDigests(_ acr: ACRCLI, _ repository: String) async throws -> [String: String] {
        let rows = try await acr.jsonArray(["tags", "acr/\(repository)", "--long"])
        let pairs = rows.map { ($0["name"] as? String ?? "", $0["digest"] as? String ?? "") }
        return Dictionary(pairs) { first, _ in first }
    }

    // MARK: Browsing

    @Test func instancesNamespacesReposTagsAndInspectShowTheRegistry() async throws {
        let acr = try await personal()
        let seed = acr.fixture.state.seed
        let rows = try await acr.jsonArray(["instances"]).filter { $0["kind"] as? String == "acr" }
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["name"] as? String == "acr")
        #expect(row["specification"] as? String == "Personal")
        #expect(row["status"] as? String == "ok")
        #expect(row["region"] as? String == "cn-hangzhou")
        #expect(row["instanceId"] is NSNull, "Personal Edition has no instance id")

        // Personal Edition holds the two-segment repositories; other tests may add scratch/ ones.
        let served = Set(seed.repositories.keys.filter { $0.split(separator: "/").count == 2 })
        let namespaces = Set(column(try await acr.jsonArray(["namespaces", "acr"]), "name"))
        #expect(namespaces.subtracting(["scratch"]) == Set(served.map { Namespace.of(repository: $0) }))
        #expect(namespaces.isSuperset(of: ["ns", "bulk"]))
        let repos = try await acr.jsonArray(["repos", "acr/ns"])
        #expect(column(repos, "name") == ["ns/app", "ns/web"])

        let app = try acr.fixture.seededImages("ns/app")
        #expect(try await tagDigests(acr, "ns/app") == app.mapValues { $0.digest ?? "" })
        let bulk = try #require(seed.repositories["bulk/many"])
        let many = column(try await acr.jsonArray(["tags", "acr/bulk/many"]), "name")
        #expect(many.count == bulk.count && Set(many) == Set(bulk.keys), "every page of 1500 tags")

        // The manifest is read from the registry with the API's temporary login.
        let multi = try #require(app["multi"])
        try await acr.emulator.clearRequests()
        let inspected = try #require(
            try await acr.succeed(["inspect", "acr/ns/app:multi", "--output", "json"]).json() as? [String: Any])
        #expect(inspected["digest"] as? String == multi.digest)
        #expect(inspected["mediaType"] as? String == multi.mediaType)
        #expect(inspected["platforms"] as? [String] == multi.platforms)
        #expect(try await acr.emulator.requests(action: "GetAuthorizationToken").count == 1)
    }

    // MARK: Changes

    @Test func namespacesAndRepositoriesAreCreatedUpdatedAndDeleted() async throws {
        let acr = try await personal()
        try await acr.succeed(["namespaces", "create", "acr/team-a", "--visibility", "public", "--no-auto-create"])
        var team = try #require(
            try await acr.jsonArray(["namespaces", "acr"]).first { $0["name"] as? String == "team-a" })
        #expect(team["visibility"] as? String == "PUBLIC" && team["autoCreate"] as? String == "false")
        try await acr.succeed(["namespaces", "update", "acr/team-a", "--auto-create"])
        team = try #require(try await acr.jsonArray(["namespaces", "acr"]).first { $0["name"] as? String == "team-a" })
        #expect(
            team["visibility"] as? String == "PUBLIC" && team["autoCreate"] as? String == "true",
            "update keeps what it was not told")
        try await acr.succeed(["namespaces", "update", "acr/team-a", "--visibility", "private"])
        team = try #require(try await acr.jsonArray(["namespaces", "acr"]).first { $0["name"] as? String == "team-a" })
        #expect(team["visibility"] as? String == "PRIVATE" && team["autoCreate"] as? String == "true")

        try await acr.succeed(["repos", "create", "acr/team-a/api", "--summary", "接口服务", "--visibility", "public"])
        try await acr.succeed(["repos", "update", "acr/team-a/api", "--summary", "API"])
        let repository = try #require(try await acr.jsonArray(["repos", "acr/team-a"]).first)
        #expect(repository["name"] as? String == "team-a/api" && repository["summary"] as? String == "API")

        // Personal Edition has no tag immutability: refused before any request.
        try await acr.emulator.clearRequests()
        let immutable = try await acr.run(["repos", "update", "acr/team-a/api", "--immutable"])
        #expect(immutable.status == 1)
        #expect(immutable.stderr.contains("Personal Edition has no tag immutability"), "\(immutable.stderr)")
        #expect(try await acr.emulator.requests(action: "UpdateRepo").isEmpty)

        let refused = try await acr.run(["repos", "delete", "acr/team-a/api"])
        #expect(refused.status == 2 && refused.stderr.contains("--yes"))
        try await acr.succeed(["repos", "delete", "acr/team-a/api", "--yes"])
        #expect(try await acr.jsonArray(["repos", "acr/team-a"]).isEmpty)
        try await acr.succeed(["namespaces", "delete", "acr/team-a", "--yes"])
        #expect(!column(try await acr.jsonArray(["namespaces", "acr"]), "name").contains("team-a"))
        #expect(
            acr.auditEntries.filter { $0.phase == "done" }.map(\.action) == [
                "namespace-create", "namespace-update", "namespace-update", "repository-create", "repository-update",
                "repository-delete",
                "namespace-delete",
            ])
    }

    @Test func deletingATagTakesItsDigestWithEveryTagOnIt() async throws {
        let acr = try await personal()
        let before = try await tagDigests(acr, "ns/app")
        let digest = try #require(before["latest"])
        let siblings = Set(before.filter { $0.value == digest }.keys)
        #expect(siblings == ["latest", "1.10.0"])

        // ACR deletes by digest: a tag whose digest another tag shares is refused alone.
        let alone = try await acr.run(["delete", "acr/ns/app:latest", "--yes"])
        #expect(alone.status == 4)
        #expect(alone.stdout.contains("latest shares digest \(digest.dropFirst(7).prefix(12)) with 1.10.0"))
        #expect(try await tagDigests(acr, "ns/app") == before)

        let deleted = try await acr.succeed(["delete", "acr/ns/app:latest", "acr/ns/app:1.10.0", "--yes"])
        #expect(deleted.stdout.contains("deleted  acr/ns/app@\(digest.dropFirst(7).prefix(12))"))
        #expect(try await tagDigests(acr, "ns/app") == before.filter { $0.value != digest })
        #expect(try await acr.emulator.requests(action: "DeleteImage").count == 2, "one call per tag on the digest")
    }

    // MARK: Scans

    @Test func scanStartWaitsAndShowListsTheFindingsAndGates() async throws {
        let acr = try await personal()
        let image = "acr/ns/web:v2"
        let before = try await acr.run(["scan", "show", image])
        #expect(before.status == 1 && before.stderr.contains("no finished scan"))

        try await acr.emulator.clearRequests()
        let started = try await acr.succeed(["scan", "start", image, "--wait", "--poll-interval", "0.1"])
        #expect(started.stdout.contains("\(image) scanned by acr:"))
        var printed: [String: Int] = [:]
        for match in started.stdout.matches(of: /(\d+) (critical|high|medium|low|negligible|unknown)/) {
            printed[String(match.2)] = Int(match.1)
        }
        // The emulator picks findings by hashing the digest, which the seed fixes.
        #expect(printed == ["high": 3, "medium": 0, "low": 0, "unknown": 1])
        #expect(started.stdout.contains("(4 total)"))
        // SCANNING twice, then COMPLETE.
        #expect(try await acr.emulator.requests(action: "GetRepoTagScanStatus").count == 3)

        let findings = try await acr.jsonArray(["scan", "show", image])
        #expect(column(findings, "id") == ["CVE-2023-38545", "CVE-2023-4911", "CVE-2023-5363", "CVE-2024-0727"])
        #expect(column(findings, "severity") == ["high", "high", "high", "unknown"])
        #expect(column(findings, "package") == ["curl", "libc6", "openssl", "libcrypto3"])

        let gate = try await acr.run(["scan", "show", image, "--fail-on", "high"])
        #expect(gate.status == 3)
        #expect(gate.stderr.contains("has high findings (--fail-on high)"))
        #expect(try await acr.run(["scan", "show", image, "--fail-on", "critical"]).status == 0)
    }

    // MARK: Webhooks and builds

    @Test func webhooksAreListedCreatedUpdatedAndDeletedAsTriggers() async throws {
        let acr = try await personal()
        #expect(try await acr.jsonArray(["triggers", "list", "acr/ns/app"]).isEmpty, "none seeded")
        let created = try await acr.succeed([
            "triggers", "create", "acr/ns/app", "--name", "deploy", "--url", "https://bot:hunter2@hooks.example.com/d",
            "--type", "tags", "--tags", "1.0.0,latest",
        ])
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(id) != nil, "Personal Edition's webhook ids are numbers: \(id)")
        var rows = try await acr.jsonArray(["triggers", "list", "acr/ns/app"])
        #expect(rows.count == 1)
        #expect(rows.first?["id"] as? String == id && rows.first?["name"] as? String == "deploy")
        #expect(rows.first?["type"] as? String == "tags" && rows.first?["tags"] as? String == "1.0.0,latest")
        #expect(rows.first?["url"] as? String == "https://bot:***@hooks.example.com/d")
        #expect(!created.stdout.contains("hunter2"))

        let updated = try await acr.succeed([
            "triggers", "update", "acr/ns/app", id, "--name", "deploy-rc", "--type", "regexp", "--tags", "^rc-",
        ])
        #expect(updated.stderr.contains("  type: tags → regexp"))
        rows = try await acr.jsonArray(["triggers", "list", "acr/ns/app"])
        #expect(rows.first?["name"] as? String == "deploy-rc" && rows.first?["tags"] as? String == "^rc-")
        #expect(rows.first?["url"] as? String == "https://bot:***@hooks.example.com/d", "kept")

        #expect(try await acr.run(["triggers", "delete", "acr/ns/app", id]).status == 2, "needs --yes")
        try await acr.succeed(["triggers", "delete", "acr/ns/app", id, "--yes"])
        #expect(try await acr.jsonArray(["triggers", "list", "acr/ns/app"]).isEmpty)
        #expect(acr.auditEntries.map(\.action) == ["trigger-create", "trigger-update", "trigger-delete"])
    }

    @Test func buildRulesRunToSuccessAndLogsAreNotServed() async throws {
        let acr = try await personal()
        try await acr.emulator.setBuildTiming(pendingMs: 100, lineIntervalMs: 20, lines: 5)
        let names = column(try await acr.jsonArray(["repos", "acr"]), "name")
        let repository = "acr/\(try #require(names.min()))"

        let rules = try await acr.jsonArray(["builds", "rules", repository])
        #expect(rules.count == 1)
        let rule = try #require(rules.first)
        #expect(rule["pushType"] as? String == "branch" && rule["pushName"] as? String == "master")
        #expect(rule["tag"] as? String == "latest" && rule["dockerfileLocation"] as? String == "/")
        let builds = try await acr.jsonArray(["builds", "list", repository])
        #expect(column(builds, "status") == ["FAILED", "SUCCESS"], "newest first")

        let ruleID = try #require(rule["id"] as? String)
        let run = try await acr.run(["builds", "run", repository, "--rule", ruleID, "--wait", "--poll-interval", "0.1"])
        #expect(run.status == 0, "\(run.stderr)")
        let id = try #require(run.stdout.split(separator: "\n").first.map(String.init))
        #expect(run.stderr.contains("build \(id) of \(repository): SUCCESS"))
        let listed = try await acr.jsonArray(["builds", "list", repository])
        #expect(listed.first?["id"] as? String == id && listed.first?["status"] as? String == "SUCCESS")
        #expect(listed.count == 3)

        let log = try await acr.run(["builds", "log", repository, id])
        #expect(log.status == 1)
        #expect(log.stderr.contains("ACR Personal Edition's API does not serve build logs"))
        let source = try await acr.run(["builds", "source", repository])
        #expect(source.status == 1 && source.stdout.isEmpty)
        #expect(source.stderr.contains("ACR Personal Edition's API does not show a repository's source binding"))
        let rebuild = try await acr.run(["builds", "rebuild", repository, id])
        #expect(rebuild.status == 1 && rebuild.stderr.contains("ACR Personal Edition's API cannot run a build again"))
        #expect(acr.auditEntries.filter { $0.phase == "done" }.map(\.action) == ["build-start"])
    }

    // MARK: Lifecycle

    @Test func aLocalRuleIsPlannedAndAppliedToTheExactSurvivingSet() async throws {
        let acr = try await personal()
        let before = try await tagDigests(acr, "ns/app")
        let created = try await acr.succeed([
            "lifecycle", "create", "acr/ns/app", "--id", "app-keep", "--keep", "1", "--keep-regexp", #"^1\.0\."#,
        ])
        #expect(
            created.stdout.contains(
                #"created rule app-keep on acr: repository ns/app, keep 1 newest · matches ^1\.0\."#))
        let listed = try await acr.jsonArray(["lifecycle", "list", "acr"])
        #expect(column(listed, "id") == ["app-keep"])
        #expect(listed.first?["runsOn"] as? String == "regconsole")

        // multi is the newest image; 1.0.0 matches; nothing else shares their digests.
        let plan = try await acr.jsonArray(["lifecycle", "plan", "acr/ns/app"])
        #expect(Set(column(plan, "tag")) == Set(before.keys))
        let kept = Set(plan.filter { $0["decision"] as? String == "keep" }.compactMap { $0["tag"] as? String })
        #expect(kept == ["multi", "1.0.0"])
        #expect(Set(column(plan, "rule")) == ["app-keep"])
        #expect(try await acr.emulator.requests(action: "DeleteImage").isEmpty, "plan changes nothing")

        let deletedDigests = Set(before.filter { !kept.contains($0.key) }.values)
        let applied = try await acr.succeed(["lifecycle", "apply", "acr/ns/app", "--yes"])
        #expect(applied.stdout.contains("deleted \(deletedDigests.count), skipped 0, failed 0"), "\(applied.stdout)")
        #expect(try await tagDigests(acr, "ns/app") == before.filter { kept.contains($0.key) })
        let again = try await acr.succeed(["lifecycle", "apply", "acr/ns/app", "--yes"])
        #expect(again.stderr.contains("delete 0 tags"), "a second run deletes nothing")
    }

    // MARK: Enterprise-only commands, login, usage

    @Test func enterpriseOnlyCommandsSayPersonalEditionHasNone() async throws {
        let emulator = try await Self.emulator.fresh()
        let enterprise = """

            [[instances]]
            name = "ent"
            kind = "acr"
            region = "cn-hangzhou"
            endpoint = "\(emulator.url)"
            """
        let acr = try await ACRCLI.make(emulator, settings: Self.edition, extraConfig: enterprise)
        let commands: [(String, [String])] = [
            ("sync rules and tasks", ["sync", "rules", "acr"]), ("sync rules and tasks", ["sync", "tasks", "acr"]),
            (
                "sync rules and tasks",
                [
                    "sync", "rule", "create", "acr", "--name", "x", "--scope", "instance", "--target",
                    "ent.emulator-main",
                ]
            ),
            ("subscriptions", ["subscriptions", "rules", "acr"]), ("events", ["events", "rules", "acr"]),
            ("chains", ["chains", "list", "acr"]), ("endpoints", ["endpoints", "acr"]),
            ("endpoints", ["endpoints", "acl", "add", "acr", "10.0.0.0/8", "--yes"]),
        ]
        try await acr.emulator.clearRequests()
        for (what, command) in commands {
            let result = try await acr.run(command)
            #expect(result.status == 2, "\(command)")
            #expect(
                result.stderr.contains(
                    "\(what) need an ACR Enterprise instance: acr is ACR Personal Edition, whose API has none"),
                "\(command): \(result.stderr)")
        }
        #expect(try await acr.emulator.requests().isEmpty, "nothing was asked of the API")

        // Nor can a Personal Edition instance be a sync rule's target.
        let target = try await acr.run([
            "sync", "rule", "create", "ent.emulator-main", "--name", "x", "--scope", "instance", "--target", "acr",
        ])
        #expect(target.status == 2)
        #expect(
            target.stderr.contains("the target 'acr' is not an ACR Enterprise instance (it is ACR Personal Edition)"),
            "\(target.stderr)")
        #expect(try await emulator.requests(action: "CreateRepoSyncRule").isEmpty)
    }

    @Test func loginWritesTheRegistryHostsCredentialsAndUsageReadsStorage() async throws {
        let acr = try await personal()
        let registry = try await RegistryHarness.shared().basic
        let login = try await acr.succeed(["login", "acr"])
        #expect(login.stdout.contains("Logged in to \(registry.host) as \(registry.username ?? "?");"))
        let config = acr.cli.home.appendingPathComponent(".docker/config.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: config)) as? [String: Any])
        let auths = try #require(document["auths"] as? [String: [String: String]])
        #expect(Set(auths.keys) == [registry.host])
        let written = try #require(auths[registry.host]?["auth"].flatMap { Data(base64Encoded: $0) })
        #expect(String(decoding: written, as: UTF8.self) == "\(registry.username ?? "?"):\(registry.password ?? "?")")
        #expect(acr.auditEntries.map(\.action) == ["login"])

        let storage = try await acr.jsonArray(["usage", "acr/ns", "--storage"])
        let app = try #require(storage.first { $0["repository"] as? String == "ns/app" })
        #expect(app["namespace"] as? String == "ns")
        #expect((app["tags"] as? NSNumber)?.intValue == (try acr.fixture.seededImages("ns/app")).count)
        #expect(((app["bytes"] as? NSNumber)?.int64Value ?? 0) > 0)
        #expect(Set(column(storage, "repository")) == ["ns/app", "ns/web"])
    }
}
