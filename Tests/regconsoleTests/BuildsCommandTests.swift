import Foundation
import RegistryClient
import TestSupport
import Testing

/// `regconsole builds …` against the ACR emulator, whose first repository has a build rule, two
/// finished builds and a GitHub source binding. Builds the emulator runs are made fast with
/// `setBuildTiming`; a build argument `EMULATOR_FAIL=1` makes one fail.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct BuildsCommandTests {
    private static let emulator = PrivateACREmulator()

    /// A fresh emulator whose builds take a moment and log `lines` lines.
    private func fastEmulator(lines: Int = 5) async throws -> ACREmulator {
        let emulator = try await Self.emulator.fresh()
        try await emulator.setBuildTiming(pendingMs: 100, lineIntervalMs: 50, lines: lines)
        return emulator
    }

    /// The numbers of the `  LINE STAGE  message` lines of a printed log, in order.
    private func lineNumbers(_ log: String) -> [Int] {
        log.split(separator: "\n").compactMap { line in
            line.firstMatch(of: /^ {2}(\d+) \S+ {2}/).flatMap { Int($0.1) }
        }
    }

    @Test func rulesBuildsAndSourceShowTheSeededRepository() async throws {
        let acr = try await ACRCLI.make(try await Self.emulator.fresh())
        let repository = try await acr.deliveryRepository()
        let rules = try await acr.jsonArray(["builds", "rules", repository])
        #expect(rules.count == 1)
        let rule = try #require(rules.first)
        #expect((rule["id"] as? String)?.hasPrefix("crbr-seed") == true)
        #expect(rule["pushType"] as? String == "branch" && rule["pushName"] as? String == "main")
        #expect(rule["tag"] as? String == "main-build")
        #expect(rule["dockerfileLocation"] as? String == "/" && rule["dockerfileName"] as? String == "Dockerfile")
        #expect(rule["platforms"] as? [String] == ["linux/amd64", "linux/arm64"])
        #expect(rule["buildArgs"] as? [String] == ["GO_VERSION=1.22"])

        // The seeded builds ran a day ago, the failed one an hour after the successful one.
        let builds = try await acr.jsonArray(["builds", "list", repository])
        #expect(builds.compactMap { $0["status"] as? String } == ["FAILED", "SUCCESS"], "newest first")
        #expect(builds.allSatisfy { $0["tag"] as? String == "main-build" && $0["endTime"] is String })
        let starts = builds.compactMap { $0["startTime"] as? String }
        #expect(starts.count == 2 && starts == starts.sorted(by: >))
        #expect(
            builds.allSatisfy { Set($0.keys) == ["id", "status", "tag", "startTime", "endTime"] },
            "no rule or platforms: ACR's records do not say them")
        let table = try await acr.succeed(["builds", "list", repository]).stdout
        #expect(table.hasPrefix("ID"))
        #expect(table.contains("DURATION"))
        let rows = table.split(separator: "\n").dropFirst()
        #expect(rows.count == 2 && rows.allSatisfy { $0.contains(/\ \d+s$/) }, "seconds-long builds: \(rows)")
        let csv = try await acr.succeed(["builds", "list", repository, "--output", "csv"]).stdout
        #expect(csv.hasPrefix("id,status,tag,startTime,endTime\r\n"))

        let source = try #require(try await acr.jsonArray(["builds", "source", repository]).first)
        #expect(source["provider"] as? String == "GITHUB" && source["domain"] as? String == "https://github.com")
        #expect(source["namespace"] as? String == "regconsole" && source["name"] as? String == "demo-app")
        #expect(source["autoBuild"] as? Bool == true)
        let other = try await acr.succeed(["builds", "source", "acr.emulator-main/ns/web"])
        #expect(other.stdout == "acr.emulator-main/ns/web: no source repository bound\n")
    }

    @Test func runWaitFollowsTheLogToSuccess() async throws {
        let emulator = try await fastEmulator(lines: 6)
        let acr = try await ACRCLI.make(emulator)
        let repository = try await acr.deliveryRepository()
        let rule = try #require(try await acr.jsonArray(["builds", "rules", repository]).first?["id"] as? String)
        let run = try await acr.run(["builds", "run", repository, "--rule", rule, "--wait", "--poll-interval", "0.1"])
        #expect(run.status == 0, "\(run.stderr)")
        let id = try #require(run.stdout.split(separator: "\n").first.map(String.init))
        #expect(lineNumbers(run.stdout) == Array(1...6), "each line once, in order")
        #expect(run.stdout.contains(/\n  1 GIT_CLONE  [^\n]+\n/))
        #expect(run.stdout.contains(/\n  6 PUSH  [^\n]+\n/))
        #expect(run.stderr.contains("build \(id) of \(repository): SUCCESS"))

        let listed = try await acr.jsonArray(["builds", "list", repository])
        #expect(listed.first?["id"] as? String == id, "the newest")
        #expect(listed.first?["status"] as? String == "SUCCESS")
        let log = try await acr.succeed(["builds", "log", repository, id])
        #expect(lineNumbers(log.stdout) == Array(1...6))
        #expect(acr.auditEntries.map(\.action) == ["build-start"])
        #expect(acr.auditEntries.first?.detail == "rule \(rule)")

        // On a terminal the wait shows on standard error between whole log lines.
        let onTerminal = try await acr.cli.runOnTerminal(
            ["builds", "run", repository, "--rule", rule, "--wait", "--poll-interval", "0.1"], prompt: "GIT_CLONE",
            answer: "")
        #expect(onTerminal.status == 0)
        #expect(onTerminal.output.contains("  6 PUSH  "))
        #expect(!onTerminal.output.contains("SUCCESS\r\n\r"), "nothing drawn after the end")
        #expect(onTerminal.output.contains(": SUCCESS"))
    }

    @Test func aFailingBuildEndsWithStatusOne() async throws {
        let emulator = try await fastEmulator()
        let acr = try await ACRCLI.make(emulator)
        let repository = try await acr.deliveryRepository()
        let created = try await acr.succeed([
            "builds", "rule", "create", repository, "--push-type", "tag", "--push-name", "release-*", "--tag",
            "broken", "--build-arg", "EMULATOR_FAIL=1",
        ])
        let rule = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(rule.hasPrefix("crbr-"))
        let run = try await acr.run(["builds", "run", repository, "--rule", rule, "--wait", "--poll-interval", "0.1"])
        #expect(run.status == 1)
        let id = try #require(run.stdout.split(separator: "\n").first.map(String.init))
        #expect(run.stderr.contains("build \(id) of \(repository): FAILED"))
        #expect(run.stderr.contains("regconsole builds rebuild \(repository) \(id)"))
        #expect(lineNumbers(run.stdout) == Array(1...4), "no PUSH lines after the error")
        #expect(!run.stdout.contains(" PUSH  "))

        let log = try await acr.run(["builds", "log", repository, id])
        #expect(log.status == 1 && log.stderr.contains("FAILED"))
        #expect(lineNumbers(log.stdout) == lineNumbers(run.stdout))
        let listed = try await acr.jsonArray(["builds", "list", repository])
        #expect(listed.first { $0["id"] as? String == id }?["status"] as? String == "FAILED")
        #expect(listed.first { $0["id"] as? String == id }?["tag"] as? String == "broken")
    }

    @Test func rulesAreCreatedUpdatedWithTheirChangesShownAndDeleted() async throws {
        let acr = try await ACRCLI.make(try await Self.emulator.fresh())
        let repository = try await acr.deliveryRepository()
        let created = try await acr.succeed([
            "builds", "rule", "create", repository, "--push-type", "branch", "--push-name", "develop", "--tag",
            "dev", "--platform", "linux/arm64", "--build-arg", "VERSION=1",
        ])
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var rule = try #require(
            try await acr.jsonArray(["builds", "rules", repository]).first { $0["id"] as? String == id })
        #expect(rule["pushName"] as? String == "develop" && rule["tag"] as? String == "dev")
        #expect(rule["platforms"] as? [String] == ["linux/arm64"])
        #expect(rule["buildArgs"] as? [String] == ["VERSION=1"])
        #expect(rule["dockerfileLocation"] as? String == "/" && rule["dockerfileName"] as? String == "Dockerfile")

        let updated = try await acr.succeed([
            "builds", "rule", "update", repository, id, "--tag", "nightly", "--dockerfile-name", "Dockerfile.dev",
        ])
        #expect(updated.stderr.contains("changing build rule \(id) of \(repository):"))
        #expect(updated.stderr.contains("  tag: dev → nightly"))
        #expect(updated.stderr.contains("  dockerfile name: Dockerfile → Dockerfile.dev"))
        #expect(!updated.stderr.contains("push name"), "unchanged fields are not listed")
        rule = try #require(
            try await acr.jsonArray(["builds", "rules", repository]).first { $0["id"] as? String == id })
        #expect(rule["tag"] as? String == "nightly" && rule["dockerfileName"] as? String == "Dockerfile.dev")
        #expect(rule["pushName"] as? String == "develop" && rule["platforms"] as? [String] == ["linux/arm64"], "kept")

        let badPlatform = try await acr.run(["builds", "rule", "update", repository, id, "--platform", "windows/amd64"])
        #expect(badPlatform.status == 2 && badPlatform.stderr.contains("'windows/amd64' is not a platform ACR builds"))
        let missing = try await acr.run(["builds", "rule", "create", repository, "--push-name", "main"])
        #expect(missing.status == 2 && missing.stderr.contains("--push-type, --tag"))

        #expect(try await acr.run(["builds", "rule", "delete", repository, id]).status == 2, "needs --yes")
        try await acr.succeed(["builds", "rule", "delete", repository, id, "--yes"])
        #expect(try await acr.jsonArray(["builds", "rules", repository]).count == 1)
        #expect(acr.auditEntries.map(\.action) == ["build-rule-create", "build-rule-update", "build-rule-delete"])
        #expect(acr.auditEntries.allSatisfy { $0.phase == "done" && $0.instance == "acr.emulator-main" })
    }

    @Test func cancelStopsARunningBuildAndRebuildStartsANewOne() async throws {
        let emulator = try await Self.emulator.fresh()
        try await emulator.setBuildTiming(pendingMs: 60_000, lineIntervalMs: 1000, lines: 5)
        let acr = try await ACRCLI.make(emulator)
        let repository = try await acr.deliveryRepository()
        let rule = try #require(try await acr.jsonArray(["builds", "rules", repository]).first?["id"] as? String)
        let id = try await acr.succeed(["builds", "run", repository, "--rule", rule]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let running = try await acr.run(["builds", "log", repository, id])
        #expect(running.status == 0 && running.stderr.contains(": PENDING"))
        #expect(try await acr.run(["builds", "cancel", repository, id]).status == 2, "needs --yes")
        let canceled = try await acr.cli.runOnTerminal(
            ["builds", "cancel", repository, id], prompt: "cancel build \(id) of \(repository)? [y/N] ", answer: "y")
        #expect(canceled.answered && canceled.status == 0)
        #expect(canceled.output.contains("canceled build \(id) of \(repository)"))
        let listed = try await acr.jsonArray(["builds", "list", repository])
        #expect(listed.first { $0["id"] as? String == id }?["status"] as? String == "CANCELED")
        let log = try await acr.run(["builds", "log", repository, id, "--follow", "--poll-interval", "0.1"])
        #expect(log.status == 1 && log.stderr.contains(": CANCELED"))
        #expect(log.stdout.hasSuffix("  build canceled\n"))

        try await emulator.setBuildTiming(pendingMs: 50, lineIntervalMs: 20, lines: 5)
        let rebuilt = try await acr.run(["builds", "rebuild", repository, id, "--wait", "--poll-interval", "0.1"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let newID = try #require(rebuilt.stdout.split(separator: "\n").first.map(String.init))
        #expect(newID != id)
        #expect(rebuilt.stderr.contains("build \(newID) of \(repository): SUCCESS"))
        #expect(acr.auditEntries.map(\.action) == ["build-start", "build-cancel", "build-rebuild"])
    }

    @Test func refusalsAndFaultsSayWhatFailed() async throws {
        let emulator = try await Self.emulator.fresh()
        let acr = try await ACRCLI.make(emulator)
        let repository = try await acr.deliveryRepository()

        let unknown = try await acr.run(["builds", "log", repository, "no-such-build"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("\(repository) has no build 'no-such-build'"))
        #expect(unknown.stderr.contains("regconsole builds list \(repository)"))
        let unknownRule = try await acr.run(["builds", "rule", "update", repository, "crbr-nosuchrule", "--tag", "x"])
        #expect(unknownRule.status == 1 && unknownRule.stderr.contains("has no build rule 'crbr-nosuchrule'"))
        let unknownRun = try await acr.run(["builds", "run", repository, "--rule", "crbr-nosuchrule"])
        #expect(unknownRun.status == 1)
        #expect(unknownRun.stderr.contains("\(repository) has no build rule 'crbr-nosuchrule'"))
        #expect(unknownRun.stderr.contains("regconsole builds rules \(repository)"))

        try await emulator.denyPrivilege(action: "ListRepoBuildRule")
        let denied = try await acr.run(["builds", "rules", repository])
        #expect(denied.status == 1)
        #expect(denied.stderr.contains("lacks the RAM permission cr:ListRepositoryBuildRule"))
        #expect(denied.stderr.contains("grant cr:ListRepositoryBuildRule"))

        try await emulator.clearRequests()
        try await emulator.throttle(action: "ListRepoBuildRecord", retryAfterMs: 100)
        #expect(try await acr.jsonArray(["builds", "list", repository]).count == 2)
        #expect(
            try await emulator.requests(action: "ListRepoBuildRecord").map(\.code) == ["Throttling.User", "success"])

        let readOnly = try await ACRCLI.make(emulator, settings: "read_only = true")
        let rule = try #require(try await readOnly.jsonArray(["builds", "rules", repository]).first?["id"] as? String)
        try await emulator.clearRequests()
        for command in [
            ["builds", "run", repository, "--rule", rule],
            ["builds", "rule", "delete", repository, rule, "--yes"],
            ["builds", "rule", "create", repository, "--push-type", "branch", "--push-name", "x", "--tag", "y"],
        ] {
            let refused = try await readOnly.run(command)
            #expect(refused.status == 1, "\(command)")
            #expect(refused.stderr.contains("instance 'acr.emulator-main' is read-only"), "\(command)")
        }
        let flagged = try await acr.run(["builds", "cancel", repository, rule, "--yes", "--read-only"])
        #expect(flagged.status == 1)
        #expect(
            flagged.stderr.contains(
                "is read-only; drop --read-only, or read_only from its config entry, to cancel builds"))
        let sent = try await emulator.requests().map(\.action)
        #expect(!sent.contains { $0.hasPrefix("Create") || $0.hasPrefix("Delete") }, "\(sent)")
        #expect(readOnly.auditEntries.isEmpty)

        let plain = try await acr.run(["builds", "rules", "local/ns/app"])
        #expect(plain.status == 2)
        #expect(plain.stderr.contains("builds need an ACR Enterprise instance: local is not one"))
    }
}
