import Foundation
import Testing

@testable import RegistryClient

/// regconsole's reading of Harbor retention policies over crafted artifacts, exact verdicts.
struct RetentionEvaluatorTests {
    private static let now = Date(timeIntervalSince1970: 1_750_000_000)
    private static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }
    private static func digest(_ letter: Character) -> String { "sha256:" + String(repeating: letter, count: 64) }

    /// lib/app, newest pushed first: e (rc-1), c (v3, latest), b (v2, pulled yesterday), a (v1,
    /// immutable), f (untagged); lib/team/db: d (v9).
    private static let artifacts: [RetentionCandidate] = [
        .init(repository: "lib/app", digest: digest("e"), tags: ["rc-1"], pushed: daysAgo(1), pulled: nil),
        .init(
            repository: "lib/app", digest: digest("c"), tags: ["v3", "latest"], pushed: daysAgo(2), pulled: daysAgo(5)),
        .init(repository: "lib/app", digest: digest("b"), tags: ["v2"], pushed: daysAgo(10), pulled: daysAgo(1)),
        .init(
            repository: "lib/app", digest: digest("a"), tags: ["v1"], pushed: daysAgo(20), pulled: nil, immutable: true),
        .init(repository: "lib/app", digest: digest("f"), tags: [], pushed: daysAgo(30), pulled: nil),
        .init(repository: "lib/team/db", digest: digest("d"), tags: ["v9"], pushed: daysAgo(40), pulled: nil),
    ]

    private func decisions(_ rules: [HarborRetentionRule]) -> [String: RetentionDecision] {
        let policy = HarborRetentionPolicy(projectID: 1, rules: rules)
        let verdicts = RetentionEvaluator(policy: policy, project: "lib", now: Self.now).verdicts(Self.artifacts)
        return Dictionary(uniqueKeysWithValues: verdicts.map { ("\($0.repository):\($0.tag ?? "-")", $0.decision) })
    }

    @Test func latestPushedKeepsTheNewestCandidates() {
        let result = decisions([
            .init(template: .latestPushedK, parameter: 1, tags: .init(pattern: "v*"), untagged: false)
        ])
        #expect(
            result == [
                "lib/app:rc-1": .delete, "lib/app:v3": .keep, "lib/app:latest": .keep, "lib/app:v2": .delete,
                "lib/app:v1": .immutable, "lib/app:-": .delete, "lib/team/db:v9": .keep,
            ])
    }

    @Test func rulesAreOredAndScopedByRepository() {
        let result = decisions([
            .init(template: .latestPushedK, parameter: 1, tags: .init(pattern: "v*"), untagged: false),
            .init(template: .always, tags: .init(pattern: "rc-*"), repositories: .init(pattern: "{app,x}")),
            .init(template: .always, disabled: true),
        ])
        // Rule 2 keeps rc-1 and the untagged f (untagged defaults to on for `matches`).
        #expect(result["lib/app:rc-1"] == .keep)
        #expect(result["lib/app:-"] == .keep)
        #expect(result["lib/app:v2"] == .delete)
        #expect(result["lib/team/db:v9"] == .keep)
    }

    @Test func repositoriesNoRuleCoversAreLeftAlone() {
        let policy = HarborRetentionPolicy(
            projectID: 1,
            rules: [.init(template: .latestPushedK, parameter: 0, repositories: .init(pattern: "team/**"))])
        let verdicts = RetentionEvaluator(policy: policy, project: "lib", now: Self.now).verdicts(Self.artifacts)
        let app = verdicts.filter { $0.repository == "lib/app" }
        #expect(app.allSatisfy { $0.decision == .keep && !$0.inScope })
        #expect(app.first?.reason == "no rule covers its repository")
        let db = verdicts.first { $0.repository == "lib/team/db" }
        #expect(db?.decision == .delete)
        #expect(db?.reason == "no rule keeps it")
    }

    @Test func daysTemplatesCountFromNow() {
        let pushed = decisions([.init(template: .nDaysSinceLastPush, parameter: 5)])
        #expect(pushed.filter { $0.value == .keep }.keys.sorted() == ["lib/app:latest", "lib/app:rc-1", "lib/app:v3"])
        #expect(pushed["lib/app:v1"] == .immutable)
        let pulled = decisions([.init(template: .nDaysSinceLastPull, parameter: 2)])
        #expect(pulled.filter { $0.value == .keep }.keys.sorted() == ["lib/app:v2"])
    }

    @Test func latestPulledRanksNeverPulledLast() {
        let result = decisions([.init(template: .latestPulledN, parameter: 3, untagged: false)])
        // b (pulled 1 day ago), c (5 days ago), then the newest pushed of the never pulled: e.
        #expect(
            result.filter { $0.value == .keep }.keys.sorted() == [
                "lib/app:latest", "lib/app:rc-1", "lib/app:v2", "lib/app:v3", "lib/team/db:v9",
            ])
    }

    @Test func excludesSelectsAnArtifactWithATagOutsideThePattern() {
        let result = decisions([.init(template: .always, tags: .init(pattern: "v*", excludes: true))])
        // c has `latest`, which is not v*: a candidate; untagged defaults to off for `excludes`.
        #expect(result["lib/app:v3"] == .keep)
        #expect(result["lib/app:rc-1"] == .keep)
        #expect(result["lib/app:v2"] == .delete)
        #expect(result["lib/app:-"] == .delete)
    }

    @Test func theReasonNamesTheFirstRuleThatKeeps() {
        let policy = HarborRetentionPolicy(
            projectID: 1,
            rules: [
                .init(template: .latestPushedK, parameter: 2, tags: .init(pattern: "v*")),
                .init(template: .always, tags: .init(pattern: "**")),
            ])
        let verdicts = RetentionEvaluator(policy: policy, project: "lib", now: Self.now).verdicts(Self.artifacts)
        let v3 = verdicts.first { $0.tag == "v3" }
        #expect(v3?.reason == "rule 1 keeps the 2 most recently pushed")
        let rc = verdicts.first { $0.tag == "rc-1" }
        #expect(rc?.reason == "rule 2 keeps always")
        #expect(rc?.digest == Self.digest("e"))
    }

    @Test func validationFollowsHarborsLimits() {
        var policy = HarborRetentionPolicy(projectID: 1, rules: [.init(template: .latestPushedK, parameter: 10)])
        #expect(policy.problems == [])
        policy.schedule = "0 0 2 * * *"
        #expect(policy.problems == [])
        policy.schedule = "0 2 * * *"
        #expect(policy.problems == ["the schedule needs six cron fields (seconds first), '0 2 * * *' has 5"])
        policy.schedule = ""
        policy.rules = Array(repeating: .init(template: .always), count: 16)
        #expect(policy.problems == ["a policy has at most 15 rules, this one has 16"])
        var unknown = HarborRetentionRule(template: .always)
        unknown.template = "newestK"
        policy.rules = [
            .init(template: .latestPulledN, parameter: 32_767), .init(template: .nDaysSinceLastPush), unknown,
        ]
        #expect(
            policy.problems == [
                "rule 1: latestPulledN must be between 0 and 32766, not 32767",
                "rule 2: nDaysSinceLastPush needs a number of days",
                "rule 3: unknown template 'newestK' (one of latestPushedK, latestPulledN, nDaysSinceLastPush, nDaysSinceLastPull, always)",
            ])
        policy.rules = []
        policy.algorithm = "and"
        #expect(policy.problems == ["algorithm must be 'or', not 'and'"])
    }

    @Test func rulesReadInWords() {
        let rule = HarborRetentionRule(
            template: .latestPushedK, parameter: 3, tags: .init(pattern: "{v*,rc-*}"),
            repositories: .init(pattern: "tmp/**", excludes: true))
        #expect(
            rule.summary
                == "keep the 3 most recently pushed of tags matching {v*,rc-*}, untagged too in repositories excluding tmp/**"
        )
        #expect(
            HarborRetentionRule(template: .always, untagged: false).summary
                == "keep always of tags any in repositories any")
    }

    @Test func comparisonListsDifferencesFirst() {
        let preview: [RetentionVerdict] = [
            .init(repository: "lib/app", tag: "v3", digest: Self.digest("c"), decision: .keep, reason: "rule 1"),
            .init(repository: "lib/app", tag: "v2", digest: Self.digest("b"), decision: .delete, reason: "none"),
            .init(repository: "lib/app", tag: "v1", digest: Self.digest("a"), decision: .immutable, reason: "imm"),
            .init(repository: "lib/app", tag: nil, digest: Self.digest("f"), decision: .keep, reason: "rule 2"),
            .init(
                repository: "lib/x", tag: "t", digest: Self.digest("d"), decision: .keep, reason: "out", inScope: false),
        ]
        let server: [RetentionTaskLog.TagResult] = [
            .init(repository: "lib/app", tag: "v3", digest: Self.digest("c"), outcome: .retain),
            .init(repository: "lib/app", tag: "v2", digest: Self.digest("b"), outcome: .retain),
            .init(repository: "lib/app", tag: "v1", digest: Self.digest("a"), outcome: .immutable),
            .init(repository: "lib/app", tag: nil, digest: Self.digest("f"), outcome: .delete),
            .init(repository: "lib/app", tag: "gone", digest: Self.digest("9"), outcome: .error),
        ]
        let comparison = RetentionComparison(preview: preview, server: server)
        #expect(comparison.rows.map(\.tag) == ["v2", nil, "gone", "v3", "v1"])
        #expect(comparison.rows.map(\.agreement) == [.onlyPreviewDeletes, .onlyServerDeletes, .error, .same, .same])
        #expect(comparison.summary == "server and preview agree on 2 of 5 tags; 3 differ")
        #expect(!comparison.agrees)
        let same = RetentionComparison(preview: Array(preview[0...0]), server: Array(server[0...0]))
        #expect(same.agrees)
        #expect(same.summary == "server and preview agree on 1 of 1 tags; 0 differ")
    }

    @Test func wireRecordsRoundTrip() throws {
        let json = #"""
            {"id": 4, "algorithm": "or", "scope": {"level": "project", "ref": 3},
             "trigger": {"kind": "Schedule", "settings": {"cron": "0 0 2 * * *"}, "references": {}},
             "rules": [{"id": 1, "priority": 0, "disabled": false, "action": "retain", "template": "latestPushedK",
               "params": {"latestPushedK": "10"},
               "tag_selectors": [{"kind": "doublestar", "decoration": "excludes", "pattern": "{v*,rc-*}", "extras": "{\"untagged\":true}"}],
               "scope_selectors": {"repository": [{"kind": "doublestar", "decoration": "repoExcludes", "pattern": "tmp/**"}]}},
              {"disabled": true, "template": "always", "params": {"always": {"odd": 1}}, "tag_selectors": [], "scope_selectors": {}}]}
            """#
        let record = try JSONDecoder().decode(HarborRetentionPolicyRecord.self, from: Data(json.utf8))
        let policy = record.policy(projectID: 0)
        #expect(policy.id == 4)
        #expect(policy.projectID == 3)
        #expect(policy.schedule == "0 0 2 * * *")
        #expect(policy.rules.count == 2)
        let first = policy.rules[0]
        #expect(first.kind == .latestPushedK)
        #expect(first.parameter == 10)
        #expect(first.tags == .init(pattern: "{v*,rc-*}", excludes: true))
        #expect(first.untagged)
        #expect(first.repositories == .init(pattern: "tmp/**", excludes: true))
        #expect(policy.rules[1].disabled)
        #expect(policy.rules[1].untagged)
        #expect(policy.rules[1].parameter == nil)
        let encoded = try JSONEncoder().encode(HarborRetentionPolicyRecord(policy))
        let again = try JSONDecoder().decode(HarborRetentionPolicyRecord.self, from: encoded).policy(projectID: 0)
        #expect(again == policy)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.contains(#""extras":"{\"untagged\":true}""#))
        #expect(text.contains(#""decoration":"repoExcludes""#))
    }
}
