import Foundation
import RegistryClient
import TestSupport
import Testing

/// ACR's delivery pipeline through the provider, against the emulator: build rules, builds that
/// run over time with their logs, the source binding, triggers, the event center and chains, and
/// the errors that say what to fix.
///
/// Every test uses this suite's own emulator, back to its startup model, which is why the suite
/// runs serialized.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct ACRDeliveryProviderTests {
    /// Started once: an emulator reads every manifest of the registry at startup.
    private static let ownEmulator = Task<ACREmulator, any Error> {
        try await ACREmulator.start(registry: RegistryHarness.shared().basic)
    }

    /// The emulator at its startup model, with builds fast enough to follow in a test.
    private static func emulator() async throws -> ACREmulator {
        let emulator = try await ownEmulator.value
        try await emulator.restoreStartupState()
        try await emulator.setBuildTiming(pendingMs: 60, lineIntervalMs: 25, lines: 8)
        return emulator
    }

    private static func builds(_ provider: any RegistryProvider) throws -> any BuildManaging {
        try #require(provider as? any BuildManaging)
    }

    /// Every event of a follower, its lines joined.
    private static func follow(
        _ builds: any BuildManaging, _ repository: String, _ id: String, follow: Bool = true
    ) async throws -> (lines: [BuildLogLine], end: BuildStatus?) {
        var lines: [BuildLogLine] = []
        var end: BuildStatus?
        let follower = BuildLogFollower(
            provider: builds, repository: repository, recordID: id, interval: .milliseconds(40),
            deadline: .seconds(60))
        for try await event in follower.events(follow: follow) {
            switch event {
            case .lines(let new): lines += new
            case .finished(let status): end = status
            }
        }
        return (lines, end)
    }

    // MARK: Builds

    @Test func theSeededRepositoryShowsItsRulesBuildsLogsAndBinding() async throws {
        let (provider, repository) = try await ACRTestSession.seeded(try await Self.emulator())
        let builds = try Self.builds(provider)
        let rules = try await builds.buildRules(repository: repository)
        #expect(rules.count == 1)
        let rule = try #require(rules.first)
        #expect(rule.id.hasPrefix("crbr-"))
        #expect(rule.pushType == .branch)
        #expect(rule.pushName == "main")
        #expect(rule.imageTag == "main-build")
        #expect(rule.platforms == ["linux/amd64", "linux/arm64"])

        let records = try await builds.buildRecords(repository: repository).collect()
        #expect(records.map(\.status) == [.failed, .success], "newest first")
        #expect(records.allSatisfy { $0.repository == repository && $0.endTime != nil })
        let success = try #require(records.last)
        #expect(try #require(success.duration()) > 0)

        let log = try await Self.follow(builds, repository, success.id, follow: false)
        #expect(log.end == .success)
        #expect(log.lines.map(\.number) == Array(1...log.lines.count), "each line once, in order")
        #expect(log.lines.first?.stage == "GIT_CLONE")
        #expect(log.lines.last?.stage == "PUSH")

        let binding = try #require(try await builds.sourceCodeBinding(repository: repository))
        #expect(binding.provider == .github)
        #expect(binding.summary == "GITHUB regconsole/demo-app")
        #expect(binding.serverID != nil)
    }

    @Test func aStartedBuildIsFollowedToItsEndAndPushesItsTag() async throws {
        let emulator = try await Self.emulator()
        let (provider, repository) = try await ACRTestSession.seeded(emulator)
        let builds = try Self.builds(provider)
        let newest = try #require(try await provider.tags(repository: repository).collect().first)
        let rule = try #require(try await builds.buildRules(repository: repository).first)
        let runsBefore = try await (provider as? any DeliveryChains)?.chainRuns(repository: repository).collect()
        // Pending long enough that the status read right after the start sees it running on a busy machine.
        try await emulator.setBuildTiming(pendingMs: 2000, lineIntervalMs: 25, lines: 8)

        let id = try await builds.startBuild(repository: repository, ruleID: rule.id)
        #expect(try await builds.buildStatus(repository: repository, recordID: id).isRunning)
        let log = try await Self.follow(builds, repository, id)
        #expect(log.end == .success)
        // The server repeats the line at the offset: each line still arrives once.
        #expect(log.lines.map(\.number) == Array(1...8))
        #expect(
            log.lines.map(\.stage) == ["GIT_CLONE", "GIT_CLONE"] + Array(repeating: "BUILD", count: 4) + [
                "PUSH", "PUSH",
            ])

        let record = try await builds.buildRecord(repository: repository, id: id)
        #expect(record.status == .success)
        #expect(record.tag == "main-build")
        #expect(record.endTime != nil)
        let pushed = try await provider.currentDigest(repository: repository, tag: "main-build")
        #expect(pushed == newest.details?.digest)

        let events = try #require(provider as? any EventCenter)
        let records = try await events.eventRecords(ruleID: nil).collect()
        #expect(records.contains { $0.type == "cr:Artifact:BuildCompleted" && $0.tag == "main-build" })
        let runsAfter = try await (provider as? any DeliveryChains)?.chainRuns(repository: repository).collect()
        #expect(runsAfter?.count == (runsBefore?.count ?? 0) + 1)
        #expect(runsAfter?.first?.result == "SUCCESS")
    }

    @Test func aFailingBuildEndsFailedAndCannotBeCanceledAfterwards() async throws {
        let (provider, repository) = try await ACRTestSession.seeded(try await Self.emulator())
        let builds = try Self.builds(provider)
        let ruleID = try await builds.createBuildRule(
            repository: repository, BuildRule(pushName: "broken", imageTag: "broken", buildArgs: ["EMULATOR_FAIL=1"]))
        let id = try await builds.startBuild(repository: repository, ruleID: ruleID)
        let log = try await Self.follow(builds, repository, id)
        #expect(log.end == .failed)
        #expect(log.lines.last?.stage == "BUILD")
        #expect(!log.lines.contains { $0.stage == "PUSH" })
        let error = await ACRTestSession.registryError {
            try await builds.cancelBuild(repository: repository, recordID: id)
        }
        #expect(error?.serverCode == "BUILD_RECORD_FINISHED")
        #expect(error?.message.contains("CancelRepoBuildRecord") == true)
    }

    @Test func aRunningBuildIsCanceledAndRebuiltUnderANewID() async throws {
        let emulator = try await Self.emulator()
        try await emulator.setBuildTiming(pendingMs: 60, lineIntervalMs: 2000, lines: 8)
        let (provider, repository) = try await ACRTestSession.seeded(emulator)
        let builds = try Self.builds(provider)
        let rule = try #require(try await builds.buildRules(repository: repository).first)
        let id = try await builds.startBuild(repository: repository, ruleID: rule.id)
        try await builds.cancelBuild(repository: repository, recordID: id)
        let log = try await Self.follow(builds, repository, id)
        #expect(log.end == .canceled)
        #expect(log.lines.last?.message == "build canceled")

        let again = try await builds.rebuild(repository: repository, recordID: id)
        #expect(again != id)
        let listed = try await builds.buildRecords(repository: repository).collect()
        #expect(listed.first?.id == again)
        #expect(listed.first?.status.isRunning == true)
        #expect(listed.contains { $0.id == id && $0.status == .canceled })
    }

    @Test func rulesAreCreatedUpdatedAndDeleted() async throws {
        let (provider, repository) = try await ACRTestSession.seeded(try await Self.emulator())
        let builds = try Self.builds(provider)
        var rule = BuildRule(
            pushType: .tag, pushName: "release-*", imageTag: "release", dockerfileLocation: "/docker",
            dockerfileName: "Dockerfile.prod", buildArgs: ["VERSION=2"], platforms: ["linux/amd64", "linux/arm64"])
        rule.id = try await builds.createBuildRule(repository: repository, rule)
        #expect(try await builds.buildRules(repository: repository).contains(rule))

        rule.platforms = ["linux/arm64"]
        rule.buildArgs = []
        try await builds.updateBuildRule(repository: repository, rule)
        let updated = try await builds.buildRules(repository: repository).first { $0.id == rule.id }
        #expect(updated?.platforms == ["linux/arm64"])
        #expect(updated?.dockerfileName == "Dockerfile.prod")

        try await builds.deleteBuildRule(repository: repository, id: rule.id)
        #expect(try await builds.buildRules(repository: repository).map(\.id).contains(rule.id) == false)
        let missing = await ACRTestSession.registryError {
            try await builds.deleteBuildRule(repository: repository, id: rule.id)
        }
        #expect(missing?.code == .notFound)
        #expect(missing?.serverCode == "BUILD_RULE_NOT_EXIST")
        // Checked before any call.
        let invalid = await ACRTestSession.registryError {
            _ = try await builds.createBuildRule(repository: repository, BuildRule(platforms: ["plan9/mips"]))
        }
        #expect(invalid?.message.contains("plan9/mips") == true)
    }

    @Test func aRepositoryIsBoundToSourceAndTheBindingChanged() async throws {
        let (provider, _) = try await ACRTestSession.seeded(try await Self.emulator())
        let builds = try Self.builds(provider)
        let names = try await provider.repositories(namespace: nil).collect().map(\.name).sorted()
        let repository = try #require(names.dropFirst().first, "a second repository")
        #expect(try await builds.sourceCodeBinding(repository: repository) == nil)
        try await builds.bindSourceCode(
            repository: repository, SourceCodeBinding(provider: .gitlab, namespace: "team", name: "api"))
        var bound = try #require(try await builds.sourceCodeBinding(repository: repository))
        #expect(bound.summary == "GITLAB team/api")
        #expect(bound.autoBuild)
        #expect(bound.domain == "https://gitlab.com")
        bound.autoBuild = false
        bound.overseaBuild = true
        try await builds.bindSourceCode(repository: repository, bound)
        let changed = try await builds.sourceCodeBinding(repository: repository)
        #expect(changed?.autoBuild == false)
        #expect(changed?.overseaBuild == true)
    }

    // MARK: Triggers

    @Test func triggersAreListedMaskedAndEdited() async throws {
        let (provider, repository) = try await ACRTestSession.seeded(try await Self.emulator())
        let triggers = try #require(provider as? any TriggerManaging)
        let seeded = try #require(try await triggers.triggers(repository: repository).first)
        #expect(seeded.name == "redeploy")
        #expect(seeded.match == .allTags)
        #expect(seeded.maskedURL == "https://deploy:***@hooks.example.com/redeploy?token=***")
        #expect(seeded.event == "BUILD_SUCCESS")

        var trigger = RepositoryTrigger(
            name: "staging", url: "https://hooks.example.com/staging", match: .tags(["v1", "latest"]))
        trigger.id = try await triggers.createTrigger(repository: repository, trigger)
        #expect(trigger.id.hasPrefix("crw-"))
        let created = try await triggers.triggers(repository: repository).first { $0.id == trigger.id }
        #expect(created?.match == .tags(["v1", "latest"]))
        #expect(created?.url == trigger.url)
        trigger.match = .regularExpression("release-[0-9]+")
        try await triggers.updateTrigger(repository: repository, trigger)
        #expect(
            try await triggers.triggers(repository: repository).first { $0.id == trigger.id }?.match == trigger.match)
        try await triggers.deleteTrigger(repository: repository, id: trigger.id)
        #expect(try await triggers.triggers(repository: repository).map(\.id) == [seeded.id])
    }

    // MARK: Event center

    @Test func eventRulesTakeTheirTypeFromRecordsAndAreOverwrittenAndDeleted() async throws {
        let (provider, repository) = try await ACRTestSession.seeded(try await Self.emulator())
        let events = try #require(provider as? any EventCenter)
        let rules = try await events.eventRules()
        #expect(Set(rules.map(\.name)) == ["build-notify", "scan-alert"])
        let build = try #require(rules.first { $0.name == "build-notify" })
        #expect(build.type == "cr:Artifact:BuildCompleted")
        #expect(build.channel == "EVENT_BRIDGE")
        #expect(build.scope == nil, "the API does not say, and nothing is guessed")

        let records = try await events.eventRecords(ruleID: nil).collect()
        #expect(records.count == 3)
        #expect(records.map(\.time) == records.map(\.time).sorted { ($0 ?? .distantPast) > ($1 ?? .distantPast) })
        #expect(try await events.eventRecords(ruleID: build.id).collect().allSatisfy { $0.ruleID == build.id })

        let settings = EventRuleSettings(
            name: "build-notify-2", eventType: "cr:Artifact:BuildCompleted", scope: .repository,
            namespaces: [Namespace.of(repository: repository)], repositories: [repository], tagFilter: "v.*",
            notifyURL: "https://hooks.example.com/events")
        try await events.updateEventRule(id: build.id, settings)
        #expect(try await events.eventRules().first { $0.id == build.id }?.name == "build-notify-2")
        try await events.deleteEventRule(id: build.id)
        #expect(try await events.eventRules().map(\.name) == ["scan-alert"])
        let unknown = await ACRTestSession.registryError { try await events.deleteEventRule(id: "crecr-none") }
        #expect(unknown?.serverCode == "EVENT_RULE_NOT_EXIST")
    }

    // MARK: Chains

    @Test func chainsShowTheirStepsAndRuns() async throws {
        let (provider, repository) = try await ACRTestSession.seeded(try await Self.emulator())
        let chains = try #require(provider as? any DeliveryChains)
        let listed = try await chains.chains(repository: nil)
        let chain = try #require(listed.first { $0.name == "default-delivery" })
        #expect(chain.namespace == Namespace.of(repository: repository))
        #expect(chain.scopeType == "NAMESPACE")
        #expect(chain.nodes?.count == 7, "listed with their steps")
        #expect(try await chains.chains(repository: repository).map(\.id).contains(chain.id))

        let detail = try await chains.chain(id: chain.id)
        #expect(
            detail.pipelineText
                == "build → push → scan(MEDIUM≥1 BLOCK_DELETE_TAG) → replicate → trigger → snapshot → trigger-snapshot")
        let runs = try await chains.chainRuns(repository: nil).collect()
        #expect(Set(runs.compactMap(\.result)) == ["SUCCESS", "DENIED"])
        #expect(runs.allSatisfy { $0.chainID == chain.id && !$0.isRunning })
        let missing = await ACRTestSession.registryError { _ = try await chains.chain(id: "chi-none") }
        #expect(missing?.code == .notFound)
    }

    // MARK: Errors

    @Test func aMissingPermissionIsNamedAsRAMKnowsIt() async throws {
        let emulator = try await Self.emulator()
        let (provider, repository) = try await ACRTestSession.seeded(emulator)
        let builds = try Self.builds(provider)
        try await emulator.denyPrivilege(action: "ListRepoBuildRule")
        let denied = await ACRTestSession.registryError { _ = try await builds.buildRules(repository: repository) }
        #expect(denied?.code == .denied)
        #expect(denied?.message.contains("cr:ListRepositoryBuildRule") == true)
        #expect(denied?.hint?.contains("cr:ListRepositoryBuildRule") == true)

        let (readOnlyKey, _) = try await ACRTestSession.seeded(emulator, key: emulator.readOnlyKey)
        let triggers = try #require(readOnlyKey as? any TriggerManaging)
        #expect(try await triggers.triggers(repository: repository).count == 1, "reads are allowed")
        let refused = await ACRTestSession.registryError {
            _ = try await triggers.createTrigger(
                repository: repository, RepositoryTrigger(name: "x", url: "https://example.com/x", match: .allTags))
        }
        #expect(refused?.message.contains("cr:CreateWebHook") == true)
    }

    @Test func throttlingIsWaitedOutAndUnknownBuildsAreNamed() async throws {
        let emulator = try await Self.emulator()
        let (provider, repository) = try await ACRTestSession.seeded(emulator)
        let builds = try Self.builds(provider)
        try await emulator.throttle(action: "ListRepoBuildRecord", times: 2, retryAfterMs: 20)
        #expect(try await builds.buildRecords(repository: repository).collect().count == 2)
        let throttled = try await emulator.requests(action: "ListRepoBuildRecord")
        #expect(throttled.map(\.status) == [400, 400, 200])

        let unknown = await ACRTestSession.registryError {
            _ = try await builds.buildStatus(repository: repository, recordID: "no-such-build")
        }
        #expect(unknown?.code == .notFound)
        #expect(unknown?.serverCode == "BUILD_RECORD_NOT_EXIST")
    }

    @Test func aReadOnlyInstanceRefusesBeforeAnyCall() async throws {
        let emulator = try await Self.emulator()
        let (provider, repository) = try await ACRTestSession.seeded(emulator, readOnly: true)
        let builds = try Self.builds(provider)
        let rule = try #require(try await builds.buildRules(repository: repository).first)
        try await emulator.clearRequests()
        let refused = await ACRTestSession.registryError {
            _ = try await builds.startBuild(repository: repository, ruleID: rule.id)
        }
        #expect(refused?.code == .readOnly)
        #expect(try await emulator.requests(action: "CreateBuildRecordByRule").isEmpty)
    }
}
