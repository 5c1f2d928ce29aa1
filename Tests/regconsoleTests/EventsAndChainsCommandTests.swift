import Foundation
import RegistryClient
import TestSupport
import Testing

/// `regconsole events …` and `chains …` against the ACR emulator's seeded event center (rules
/// build-notify and scan-alert and their records) and delivery chain (with two runs).
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct EventsAndChainsCommandTests {
    private static let emulator = PrivateACREmulator()
    private static let instance = "acr.emulator-main"

    private func strings(_ rows: [[String: Any]], _ key: String) -> [String] {
        rows.compactMap { $0[key] as? String }
    }

    @Test func eventRulesAndRecordsAreListedNewestFirst() async throws {
        let acr = try await ACRCLI.make(try await Self.emulator.fresh())
        let repository = try await acr.deliveryRepository()
        let seededRepository = String(repository.dropFirst("acr.emulator-main/".count))
        let rules = try await acr.jsonArray(["events", "rules", Self.instance])
        #expect(strings(rules, "name").sorted() == ["build-notify", "scan-alert"])
        #expect(strings(rules, "id").allSatisfy { $0.hasPrefix("crecr-") })
        let buildRule = try #require(rules.first { $0["name"] as? String == "build-notify" })
        #expect(buildRule["type"] as? String == "cr:Artifact:BuildCompleted")
        #expect(buildRule["channel"] as? String == "EVENT_BRIDGE")
        // ACR does not list a rule's scope: left out, not null.
        #expect(rules.allSatisfy { Set($0.keys) == ["id", "name", "type", "channel"] })
        let table = try await acr.succeed(["events", "rules", Self.instance]).stdout
        #expect(table.hasPrefix("ID"))
        #expect(table.contains("build-notify"))

        let records = try await acr.jsonArray(["events", "records", Self.instance])
        #expect(records.count == 3)
        let times = strings(records, "time")
        #expect(times.count == 3 && times == times.sorted(by: >), "newest first")
        #expect(strings(records, "rule") == ["scan-alert", "build-notify", "build-notify"])
        #expect(strings(records, "type").last == "cr:Artifact:BuildCompleted")
        #expect(strings(records, "notifyMethod") == ["http", "https", "https"])
        #expect(Set(strings(records, "repository")) == [seededRepository])
        #expect(strings(records, "tag").suffix(2) == ["main-build", "main-build"])
        #expect(strings(records, "id").allSatisfy { $0.hasPrefix("crecrr-") })

        // --rule keeps one rule's records; --since keeps the recent ones.
        let buildNotify = try #require(rules.first { $0["name"] as? String == "build-notify" }?["id"] as? String)
        let ofRule = try await acr.jsonArray(["events", "records", Self.instance, "--rule", buildNotify])
        #expect(strings(ofRule, "rule") == ["build-notify", "build-notify"])
        #expect(strings(ofRule, "id") == Array(strings(records, "id").suffix(2)))
        let newest = try #require(times.first.flatMap(RFC3339.parse))
        let window = Int(Date().timeIntervalSince(newest) / 60) + 2
        let recent = try await acr.jsonArray(["events", "records", Self.instance, "--since", "\(window)m"])
        let cutoff = Date().addingTimeInterval(-Double(window * 60))
        #expect(strings(recent, "time") == times.filter { (RFC3339.parse($0) ?? .distantPast) >= cutoff })
        #expect(strings(recent, "rule") == ["scan-alert"], "the others are an hour and two older")

        let badSpan = try await acr.run(["events", "records", Self.instance, "--since", "7 days"])
        #expect(badSpan.status == 2 && badSpan.stderr.contains("--since"))
    }

    @Test func chainsAreListedShownAsAPipelineWithTheirRuns() async throws {
        let acr = try await ACRCLI.make(try await Self.emulator.fresh())
        let repository = try await acr.deliveryRepository()
        let namespace = String(repository.split(separator: "/")[1])
        let chains = try await acr.jsonArray(["chains", "list", Self.instance])
        #expect(chains.count == 1)
        let chain = try #require(chains.first)
        let id = try #require(chain["id"] as? String)
        let name = "default-delivery"
        #expect(id.hasPrefix("chi-") && chain["name"] as? String == name)
        #expect(chain["namespace"] as? String == namespace)
        #expect(chain["repository"] == nil, "a namespace's chain")
        let nodes = [
            "DOCKER_IMAGE_BUILD", "DOCKER_IMAGE_PUSH", "VULNERABILITY_SCANNING", "ACTIVATE_REPLICATION", "TRIGGER",
            "SNAPSHOT", "TRIGGER_SNAPSHOT",
        ]
        #expect(chain["nodes"] as? [String] == nodes)

        let shown = try await acr.succeed(["chains", "show", Self.instance, name]).stdout
        let lines = shown.split(separator: "\n")
        #expect(lines.first?.hasPrefix("chain ") == true && lines.first?.hasSuffix("  \(name) (\(id))") == true)
        #expect(lines.contains { $0.hasPrefix("scope ") && $0.hasSuffix("  NAMESPACE \(namespace)") })
        let pipeline = try #require(lines.first { $0.hasPrefix("pipeline") })
        #expect(pipeline.contains("[build] → [push] → [scan(MEDIUM≥1 BLOCK_DELETE_TAG)] → "))

        let object = try #require(
            try await acr.succeed(["chains", "show", Self.instance, id, "--output", "json"]).json() as? [String: Any])
        #expect(object["id"] as? String == id)
        let detailed = try #require(object["nodes"] as? [[String: Any]])
        #expect(strings(detailed, "name") == nodes)
        let scan = try #require(detailed.first { $0["name"] as? String == "VULNERABILITY_SCANNING" })
        let policy = try #require(scan["denyPolicy"] as? [String: Any])
        #expect(policy["action"] as? String == "BLOCK_DELETE_TAG")
        #expect(policy["issueLevel"] as? String == "MEDIUM")
        #expect(policy["issueCount"] as? Int == 1)

        let runs = try await acr.jsonArray(["chains", "runs", Self.instance])
        #expect(strings(runs, "chain") == [name, name])
        #expect(strings(runs, "status") == ["COMPLETE", "COMPLETE"])
        #expect(strings(runs, "result") == ["DENIED", "SUCCESS"], "newest first")
        let starts = strings(runs, "startTime")
        #expect(starts.count == 2 && starts == starts.sorted(by: >), "newest first")
        #expect(
            runs.allSatisfy {
                Set($0.keys).isSubset(of: ["id", "chain", "repository", "status", "result", "startTime", "endTime"])
            })
        #expect(try await acr.jsonArray(["chains", "runs", Self.instance, id]).count == 2)

        let unknown = try await acr.run(["chains", "show", Self.instance, "no-such-chain"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("\(Self.instance) has no delivery chain 'no-such-chain'"))
        #expect(unknown.stderr.contains("regconsole chains list \(Self.instance)"))
        #expect(try await acr.run(["chains", "runs", Self.instance, "no-such-chain"]).status == 1)
    }

    @Test func refusalsAndFaultsSayWhatFailed() async throws {
        let emulator = try await Self.emulator.fresh()
        let acr = try await ACRCLI.make(emulator)
        try await emulator.denyPrivilege(action: "ListChain")
        let denied = try await acr.run(["chains", "list", Self.instance])
        #expect(denied.status == 1)
        #expect(denied.stderr.contains("lacks the RAM permission cr:ListChain"))
        #expect(denied.stderr.contains("grant cr:ListChain"))

        try await emulator.denyPrivilege(action: "ListEventCenterRuleName")
        let deniedRules = try await acr.run(["events", "rules", Self.instance])
        #expect(deniedRules.status == 1 && deniedRules.stderr.contains("cr:ListEventCenterRuleName"))

        try await emulator.clearRequests()
        try await emulator.throttle(action: "ListEventCenterRecord", retryAfterMs: 100)
        #expect(!(try await acr.jsonArray(["events", "records", Self.instance])).isEmpty)
        #expect(
            try await emulator.requests(action: "ListEventCenterRecord").prefix(2).map(\.code) == [
                "Throttling.User", "success",
            ])

        for command in [["events", "rules", "local"], ["chains", "list", "local"], ["chains", "runs", "local"]] {
            let plain = try await acr.run(command)
            #expect(plain.status == 2, "\(command)")
            #expect(plain.stderr.contains("\(command[0]) need an ACR Enterprise instance: local is not one"))
        }
    }
}
