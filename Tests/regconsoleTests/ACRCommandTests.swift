import Foundation
import RegistryClient
import TestSupport
import Testing

/// The CLI against the ACR OpenAPI emulator, configured as `[[instances]] kind = "acr"` without an
/// instance id (so its instances are `acr.emulator-main` and `acr.emulator-empty`) and with the
/// AccessKey in `ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET`. No output may ever contain a secret.
///
/// Read-only commands use the shared emulator; scans, rules and injected faults use this suite's
/// own emulator, which is why the suite runs serialized.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct ACRCommandTests {
    /// Started once: an emulator reads every manifest of the registry at startup, which takes a while.
    private static let ownEmulator = Task<ACREmulator, any Error> {
        try await ACREmulator.start(registry: RegistryHarness.shared().basic)
    }

    /// This suite's emulator, back to its startup model, without faults and with an empty request log.
    private static func privateEmulator() async throws -> ACREmulator {
        let emulator = try await ownEmulator.value
        try await emulator.restoreStartupState()
        return emulator
    }

    /// Values of one key of every row.
    private func column(_ rows: [[String: Any]], _ key: String) -> [String] {
        rows.compactMap { $0[key] as? String }
    }

    // MARK: Tests

    @Test func instancesShowsEveryEmulatedInstanceWithItsFacts() async throws {
        let emulator = try await ACREmulator.shared()
        let acr = try await ACRCLI.make(emulator)
        let rows = try await acr.jsonArray(["instances"]).filter { $0["kind"] as? String == "acr" }
        #expect(Set(column(rows, "name")) == Set(emulator.instances.map { "acr.\($0.name)" }))
        #expect(rows.count == 2)
        for instance in emulator.instances {
            let row = try #require(rows.first { $0["name"] as? String == "acr.\(instance.name)" })
            #expect(row["instanceId"] as? String == instance.id)
            #expect((row["specification"] as? String)?.hasPrefix("Enterprise_") == true)
            #expect(row["instanceStatus"] as? String == "RUNNING")
            #expect(row["status"] as? String == "ok")
            #expect(row["region"] as? String == "cn-hangzhou")
            #expect((row["credentialSource"] as? String)?.contains("ALIBABA_CLOUD_ACCESS_KEY_ID") == true)
        }
        let table = try await acr.succeed(["instances"]).stdout
        #expect(table.contains("cri-emulated0001"))
        #expect(table.contains("Enterprise_Advanced"))
        // The request log names the signed calls (never the key's secret: checked by `run`).
        let verbose = try await acr.succeed(["namespaces", "acr.emulator-main", "--verbose"])
        #expect(verbose.stderr.contains("InstanceId=cri-emulated0001&PageNo=1&PageSize=100"))
    }

    @Test func browsingCommandsShowTheSeededRegistry() async throws {
        let emulator = try await ACREmulator.shared()
        let acr = try await ACRCLI.make(emulator)
        let seed = acr.fixture.state.seed
        let served = Set(seed.repositories.keys.filter { $0.contains("/") })

        // Other tests may push repositories under scratch/ before the emulator reads the registry.
        let namespaces = Set(column(try await acr.jsonArray(["namespaces", "acr.emulator-main"]), "name"))
        #expect(namespaces.subtracting(["scratch"]) == Set(served.map { Namespace.of(repository: $0) }))
        let table = try await acr.succeed(["namespaces", "acr.emulator-main"]).stdout
        #expect(table.hasPrefix("NAMESPACE"))
        #expect(table.contains("mirror"))

        let repos = try await acr.jsonArray(["repos", "acr.emulator-main/ns"])
        #expect(column(repos, "name") == served.filter { $0.hasPrefix("ns/") }.sorted())
        #expect(Set(column(repos, "namespace")) == ["ns"])

        let bulk = try #require(seed.repositories["bulk/many"])
        let names = column(try await acr.jsonArray(["tags", "acr.emulator-main/bulk/many"]), "name")
        #expect(names.count == bulk.count)
        #expect(Set(names) == Set(bulk.keys))
        let long = try await acr.jsonArray(["tags", "acr.emulator-main/bulk/many", "--long"])
        #expect(long.count == bulk.count)
        let digests = Dictionary(long.map { ($0["name"] as? String ?? "", $0["digest"] as? String ?? "") }) {
            first, _ in first
        }
        #expect(digests == bulk.mapValues { $0.digest ?? "" })
    }

    @Test func longTagsAndInspectReadTheManifestsFromTheRegistry() async throws {
        let emulator = try await ACREmulator.shared()
        let acr = try await ACRCLI.make(emulator)
        let web = try acr.fixture.seededImages("ns/web")

        let rows = try await acr.jsonArray(["tags", "acr.emulator-main/ns/web", "--long"])
        #expect(Set(column(rows, "name")) == Set(web.keys))
        for row in rows {
            let name = try #require(row["name"] as? String)
            let seeded = try #require(web[name])
            #expect(row["digest"] as? String == seeded.digest, "\(name)")
            #expect(row["mediaType"] as? String == seeded.mediaType, "\(name)")
            #expect(row["platforms"] as? [String] == seeded.platforms, "\(name)")
            #expect((row["size"] as? NSNumber)?.int64Value == seeded.size, "\(name)")
        }
        let table = try await acr.succeed(["tags", "acr.emulator-main/ns/web", "--long"]).stdout
        #expect(table.contains("linux/amd64,linux/arm/v7"))

        let v2 = try #require(web["v2"])
        let inspected = try #require(
            try await acr.succeed(["inspect", "acr.emulator-main/ns/web:v2", "--output", "json"]).json()
                as? [String: Any])
        #expect(inspected["digest"] as? String == v2.digest)
        #expect(inspected["mediaType"] as? String == v2.mediaType)
        #expect(inspected["platforms"] as? [String] == v2.platforms)
    }

    @Test func scanStartWaitsForTheServerScanAndShowListsItsFindings() async throws {
        let emulator = try await Self.privateEmulator()
        let acr = try await ACRCLI.make(emulator)
        let image = "acr.emulator-main/ns/web:v2"

        let before = try await acr.run(["scan", "show", image])
        #expect(before.status == 1)
        #expect(before.stderr.contains("no finished scan"))
        #expect(before.stderr.contains("regconsole scan start \(image)"))

        let started = try await acr.succeed(["scan", "start", image, "--wait", "--poll-interval", "0.1"])
        #expect(started.stdout.contains("\(image) scanned by acr.emulator-main:"))
        var printed: [String: Int] = [:]
        for match in started.stdout.matches(of: /(\d+) (critical|high|medium|low|negligible|unknown)/) {
            printed[String(match.2)] = Int(match.1)
        }
        let total = try #require(started.stdout.firstMatch(of: /\((\d+) total\)/).flatMap { Int($0.1) })
        // The emulator picks an image's findings by hashing its digest, which the seed fixes.
        #expect(printed == ["high": 3, "medium": 0, "low": 0, "unknown": 1])
        #expect(total == 4)
        // One from `scan show` above, then polled until COMPLETE: SCANNING twice, then COMPLETE.
        #expect(try await emulator.requests(action: "GetRepoTagScanStatus").count == 4)

        let findings = try await acr.jsonArray(["scan", "show", image])
        #expect(findings.count == total)
        let shown = column(findings, "severity").reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        #expect(shown == ["high": 3, "unknown": 1])
        #expect(column(findings, "id") == ["CVE-2023-38545", "CVE-2023-4911", "CVE-2023-5363", "CVE-2024-0727"])
        #expect(column(findings, "sourceSeverity") == ["High", "High", "High", "Unknown"])
        #expect(column(findings, "package") == ["curl", "libc6", "openssl", "libcrypto3"])
    }

    /// The overview of an ACR instance comes from the API alone: one ListRepoTag page per
    /// repository (newest push first, with digests and times) and ACR's own scan of the newest tag.
    @Test func vulnsReadsTheFirstTagPageAndTheServerScan() async throws {
        let emulator = try await Self.privateEmulator()
        let acr = try await ACRCLI.make(emulator)
        let web = "acr.emulator-main/ns/web"
        let newest = try await acr.jsonArray(["vulns", "acr.emulator-main/ns"]).first {
            $0["repository"] as? String == "ns/web"
        }
        let tag = try #require(newest?["tag"] as? String)
        #expect(newest?["counts"] is NSNull, "not scanned yet")
        #expect(newest?["digest"] as? String == (try acr.fixture.seededImages("ns/web"))[tag]?.digest)
        _ = try await acr.succeed(["scan", "start", "\(web):\(tag)", "--wait", "--poll-interval", "0.1"])
        let findings = try await acr.jsonArray(["scan", "show", "\(web):\(tag)"])

        try await emulator.clearRequests()
        let rows = try await acr.jsonArray(["vulns", "acr.emulator-main/ns"])
        let row = try #require(rows.first { $0["repository"] as? String == "ns/web" })
        #expect(row["tag"] as? String == tag)
        #expect(row["source"] as? String == "acr")
        #expect(row["olderMatching"] is NSNull, "older tags are not scanned on request, so their matches are unknown")
        let counts = try #require(row["counts"] as? [String: Int])
        let expected = column(findings, "severity").reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        #expect(counts.filter { $0.value > 0 } == expected)
        #expect(try await emulator.requests(action: "ListRepoTag").count == rows.count, "one page per repository")
        #expect(try await emulator.requests(action: "GetRepoTag").isEmpty, "no tag is looked up on its own")
    }

    @Test func lifecycleRulesAreCreatedListedPlannedAndDeletedOnTheRegistry() async throws {
        let emulator = try await Self.privateEmulator()
        let acr = try await ACRCLI.make(emulator)
        let app = try acr.fixture.seededImages("ns/app")

        let created = try await acr.succeed([
            "lifecycle", "create", "acr.emulator-main/ns/app", "--keep", "2", "--schedule", "month", "--auto",
        ])
        let announced = created.stdout.firstMatch(
            of: /created rule (cralr-[0-9a-z]+) on acr\.emulator-main: repository ns\/app, keep 2 newest/)
        let id = try #require(announced.map { String($0.1) })
        #expect(try await emulator.requests(action: "CreateArtifactLifecycleRule").count == 1)

        let table = try await acr.succeed(["lifecycle", "list", "acr.emulator-main"]).stdout
        #expect(table.contains("RUNS ON"))
        let line = try #require(table.split(separator: "\n").first { $0.hasPrefix(id) })
        #expect(line.contains("registry"))
        #expect(line.contains("MONTH"))
        let listed = try await acr.jsonArray(["lifecycle", "list", "acr.emulator-main/ns/app"])
        #expect(listed.count == 1)
        #expect(listed.first?["id"] as? String == id)
        #expect(listed.first?["runsOn"] as? String == "registry")
        #expect(listed.first?["retentionTagCount"] as? Int == 2)
        #expect(listed.first?["schedule"] as? String == "MONTH")
        #expect(listed.first?["auto"] as? Bool == true)

        // The two newest by created time (the name breaks ties), plus tags sharing their digests.
        let newest = app.sorted { ($0.value.created ?? "", $1.key) > ($1.value.created ?? "", $0.key) }.prefix(2)
        let keptDigests = Set(newest.compactMap(\.value.digest))
        let kept = Set(app.filter { keptDigests.contains($0.value.digest ?? "") }.keys)
        let plan = try await acr.jsonArray(["lifecycle", "plan", "acr.emulator-main/ns/app"])
        #expect(Set(column(plan, "tag")) == Set(app.keys))
        #expect(Set(plan.filter { $0["decision"] as? String == "keep" }.compactMap { $0["tag"] as? String }) == kept)
        #expect(Set(column(plan, "rule")) == [id])
        let planned = try await acr.succeed(["lifecycle", "plan", "acr.emulator-main/ns/app"])
        #expect(planned.stderr.contains("delete \(app.count - kept.count) tags"))
        #expect(try await emulator.requests(action: "DeleteRepoTag").isEmpty, "plan changes nothing")

        let deleted = try await acr.succeed(["lifecycle", "delete", "acr.emulator-main", id])
        #expect(deleted.stdout.contains("deleted rule \(id)"))
        #expect(try await acr.jsonArray(["lifecycle", "list", "acr.emulator-main"]).isEmpty)
    }

    @Test func namespacesAndRepositoriesAreCreatedUpdatedAndDeleted() async throws {
        let acr = try await ACRCLI.make(try await Self.privateEmulator())
        try await acr.succeed([
            "namespaces", "create", "acr.emulator-main/team-a", "--visibility", "public", "--no-auto-create",
        ])
        var team = try #require(
            try await acr.jsonArray(["namespaces", "acr.emulator-main"]).first { $0["name"] as? String == "team-a" })
        #expect(team["visibility"] as? String == "PUBLIC" && team["autoCreate"] as? String == "false")
        try await acr.succeed(["namespaces", "update", "acr.emulator-main/team-a", "--auto-create"])
        team = try #require(
            try await acr.jsonArray(["namespaces", "list", "acr.emulator-main"]).first {
                $0["name"] as? String == "team-a"
            })
        #expect(
            team["visibility"] as? String == "PUBLIC" && team["autoCreate"] as? String == "true",
            "update keeps what it was not told")

        // ACR requires a summary; an unknown visibility is a usage error.
        #expect(try await acr.run(["repos", "create", "acr.emulator-main/team-a/api"]).status == 2)
        #expect(
            try await acr.run([
                "repos", "create", "acr.emulator-main/team-a/api", "--summary", "x", "--visibility", "secret",
            ]).status == 2)
        try await acr.succeed(["repos", "create", "acr.emulator-main/team-a/api", "--summary", "支付服务"])
        try await acr.succeed([
            "repos", "update", "acr.emulator-main/team-a/api", "--visibility", "public", "--immutable",
        ])
        let repository = try #require(try await acr.jsonArray(["repos", "acr.emulator-main/team-a"]).first)
        #expect(
            repository["name"] as? String == "team-a/api" && repository["summary"] as? String == "支付服务"
                && repository["visibility"] as? String == "PUBLIC")

        // Without a terminal a delete needs --yes, and nothing goes without it.
        let refused = try await acr.run(["repos", "delete", "acr.emulator-main/team-a/api"])
        #expect(refused.status == 2 && refused.stderr.contains("--yes"))
        #expect(try await acr.jsonArray(["repos", "acr.emulator-main/team-a"]).count == 1)
        try await acr.succeed(["repos", "delete", "acr.emulator-main/team-a/api", "--yes"])
        try await acr.succeed(["namespaces", "delete", "acr.emulator-main/team-a", "--yes"])
        #expect(
            try await acr.jsonArray(["namespaces", "acr.emulator-main"]).compactMap { $0["name"] as? String }.contains(
                "team-a") == false)
        let actions = AuditLog(directories: XDGDirectories(environment: acr.cli.environment)).entries()
            .filter { $0.phase == "done" }.map(\.action)
        #expect(
            actions == [
                "namespace-create", "namespace-update", "repository-create", "repository-update", "repository-delete",
                "namespace-delete",
            ])

        // A distribution registry's namespaces appear with the first push.
        let plain = try await acr.run(["namespaces", "create", "local/team-b"])
        #expect(plain.status == 2 && plain.stderr.contains("first push"))
    }

    @Test func aWrongSecretNamesTheSignatureWithoutShowingTheSecret() async throws {
        let emulator = try await ACREmulator.shared()
        var wrong = emulator.key
        wrong.secret = "Wr0ng" + String(wrong.secret.dropFirst(5).reversed())
        let acr = try await ACRCLI.make(emulator, key: wrong)
        let result = try await acr.run(["namespaces", "acr.emulator-main", "--verbose"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("signature"))
        #expect(result.stderr.contains("AccessKey"))
        #expect(result.stderr.contains("$ALIBABA_CLOUD_ACCESS_KEY_ID"))
        #expect(result.stdout.isEmpty)
        let rows = try await acr.jsonArray(["instances"]).filter { $0["kind"] as? String == "acr" }
        #expect(column(rows, "name") == ["acr"])
        #expect(rows.first?["status"] as? String == "unauthorized")
    }

    @Test func aMissingPermissionIsNamed() async throws {
        let emulator = try await Self.privateEmulator()
        let acr = try await ACRCLI.make(emulator)
        try await emulator.denyPrivilege(action: "ListRepository")
        let result = try await acr.run(["repos", "acr.emulator-main/ns"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cr:ListRepository"))
        #expect(result.stderr.contains("grant cr:ListRepository"))
        let again = try await acr.jsonArray(["repos", "acr.emulator-main/ns"])
        let seeded = acr.fixture.state.seed.repositories.keys.filter { $0.hasPrefix("ns/") }.sorted()
        #expect(column(again, "name") == seeded, "the fault was used up")
    }
}
