import Foundation
import Testing

@testable import RegistryClient

/// The lifecycle engine: table tests of each semantic choice (`docs/lifecycle.md`) and property
/// tests over random repositories.
struct LifecycleEngineTests {
    static let now = Date(timeIntervalSince1970: 1_780_272_000)

    /// A digest from a short name (`d1` → sha256 of "d1").
    static func digest(_ name: String) -> Digest { Digest.sha256(of: Data(name.utf8)) }

    /// A tag created `daysAgo` days before `now`, on digest `digest` (its own by default).
    static func tag(
        _ name: String, daysAgo: Double?, digest: String? = nil, blobs: [(String, Int64)] = []
    ) -> LifecycleInventory.TagFacts {
        LifecycleInventory.TagFacts(
            name: name, digest: Self.digest(digest ?? name),
            created: daysAgo.map { now.addingTimeInterval(-$0 * 86_400) },
            blobs: blobs.map { Blob(digest: Self.digest($0.0), size: $0.1) })
    }

    private func plan(
        _ rules: [LifecycleRule], _ tags: [LifecycleInventory.TagFacts], repository: String = "app/svc"
    ) -> LifecyclePlan {
        LifecycleEngine.plan(
            rules: rules, inventory: LifecycleInventory(repositories: [repository: tags]), now: Self.now)
    }

    private func decisions(_ plan: LifecyclePlan) -> [String: String] {
        Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.tag, $0.reason.description) })
    }

    @Test func keepsTheNewestAndExplainsEveryTag() {
        let tags = (1...6).map { Self.tag("b\($0)", daysAgo: Double(10 - $0)) }
        let result = plan([LifecycleRule(id: "r", scope: .repository("app/svc"), retentionTagCount: 3)], tags)
        #expect(
            decisions(result) == [
                "b6": "kept: #1 of the 3 newest", "b5": "kept: #2 of the 3 newest", "b4": "kept: #3 of the 3 newest",
                "b3": "deleted: older than the 3 newest", "b2": "deleted: older than the 3 newest",
                "b1": "deleted: older than the 3 newest",
            ])
        #expect(result.entries.map(\.tag) == ["b6", "b5", "b4", "b3", "b2", "b1"], "newest first")
        #expect(result.entries.allSatisfy { $0.rule == "r" })
    }

    @Test func aPatternKeepsWhereverItMatchesInTheName() {
        let tags = [
            Self.tag("release-1", daysAgo: 30), Self.tag("my-release-2", daysAgo: 29), Self.tag("ci-3", daysAgo: 2),
            Self.tag("ci-4", daysAgo: 1),
        ]
        let rule = LifecycleRule(id: "r", scope: .instance, retentionTagCount: 1, tagRegexp: "release-")
        #expect(
            decisions(plan([rule], tags)) == [
                "ci-4": "kept: #1 of the 1 newest", "ci-3": "deleted: older than the 1 newest, does not match release-",
                "my-release-2": "kept: matches release-", "release-1": "kept: matches release-",
            ])
        let anchored = LifecycleRule(id: "r", scope: .instance, retentionTagCount: 1, tagRegexp: "^release-")
        #expect(
            decisions(plan([anchored], tags))["my-release-2"]
                == "deleted: older than the 1 newest, does not match ^release-")
    }

    @Test func aDigestAKeptTagSharesIsNeverDeleted() {
        let tags = [
            Self.tag("new", daysAgo: 1, digest: "d1"), Self.tag("old", daysAgo: 9, digest: "d1"),
            Self.tag("older", daysAgo: 10, digest: "d2"),
        ]
        let result = plan([LifecycleRule(id: "r", scope: .instance, retentionTagCount: 1)], tags)
        #expect(
            decisions(result) == [
                "new": "kept: #1 of the 1 newest", "old": "kept: shares its digest with kept tag new",
                "older": "deleted: older than the 1 newest",
            ])
        #expect(LifecycleExecutor.items(of: result).map(\.expected) == [["older": Self.digest("d2")]])
    }

    @Test func tiesGoToTheHigherVersionThenTheLaterName() {
        let tags = [
            Self.tag("1.9.0", daysAgo: 1), Self.tag("1.10.0", daysAgo: 1), Self.tag("beta", daysAgo: 1),
            Self.tag("alpha", daysAgo: 1),
        ]
        let result = plan([LifecycleRule(id: "r", scope: .instance, retentionTagCount: 3)], tags)
        #expect(result.entries.map(\.tag) == ["1.10.0", "1.9.0", "beta", "alpha"])
        #expect(result.deletions.map(\.tag) == ["alpha"])
    }

    @Test func undatedUnreadableReferrersAndUncoveredTagsAreKept() {
        let referrers = "sha256-" + String(repeating: "a", count: 64)
        let tags = [
            Self.tag("dated", daysAgo: 5), Self.tag("undated", daysAgo: nil),
            LifecycleInventory.TagFacts(name: "broken", digest: nil, created: nil, problem: "manifest unknown"),
            Self.tag(referrers, daysAgo: 50),
        ]
        let result = plan([LifecycleRule(id: "r", scope: .instance, tagRegexp: "^keep$")], tags)
        #expect(
            decisions(result) == [
                "dated": "deleted: does not match ^keep$", "undated": "kept: creation time unknown",
                "broken": "kept: could not be read (manifest unknown)", referrers: "kept: referrers tag",
            ])
        #expect(
            result.warnings == [
                "app/svc: 1 tag without a creation time kept", "app/svc: 1 tag could not be read and are kept",
            ])
        let uncovered = plan([LifecycleRule(id: "r", scope: .namespace("other"), retentionTagCount: 1)], tags)
        #expect(uncovered.deletions.isEmpty)
        #expect(uncovered.warnings.contains("rule r covers no repository (namespace other)"))
    }

    @Test func rulesAreOredAndTheFirstKeepingRuleExplains() {
        let tags = (1...5).map { Self.tag("t\($0)", daysAgo: Double(6 - $0) * 3) }
        let rules = [
            LifecycleRule(id: "instance", scope: .instance, retentionTagCount: 1),
            LifecycleRule(id: "recent", scope: .namespace("app"), keepPushedWithinDays: 7),
        ]
        let result = plan(rules, tags)
        #expect(
            decisions(result) == [
                "t5": "kept: #1 of the 1 newest", "t4": "kept: pushed within 7 days",
                "t3": "deleted: older than the 1 newest",
                "t2": "deleted: older than the 1 newest", "t1": "deleted: older than the 1 newest",
            ])
        #expect(result.entries.first { $0.tag == "t4" }?.rule == "recent")
    }

    @Test func bytesFreedCountBlobsOnlyDeletedManifestsUse() {
        let tags = [
            Self.tag("keep", daysAgo: 1, blobs: [("base", 1000), ("app-v2", 300)]),
            Self.tag("drop1", daysAgo: 2, blobs: [("base", 1000), ("app-v1", 200)]),
            Self.tag("drop2", daysAgo: 3, blobs: [("base", 1000), ("app-v1", 200), ("extra", 50)]),
        ]
        let result = plan([LifecycleRule(id: "r", scope: .instance, retentionTagCount: 1)], tags)
        #expect(result.bytesFreed == 250)
    }

    @Test func bytesFreedHoldAtTheLargestSizeInsteadOfOverflowing() {
        let tags = [
            Self.tag("keep", daysAgo: 1),
            Self.tag("drop1", daysAgo: 2, blobs: [("huge", .max), ("more", 1)]),
            Self.tag("drop2", daysAgo: 3, blobs: [("other", .max)]),
        ]
        let result = plan([LifecycleRule(id: "r", scope: .instance, retentionTagCount: 1)], tags)
        #expect(result.deletions.map(\.tag) == ["drop1", "drop2"])
        #expect(result.bytesFreed == .max)
    }

    @Test func aPatternThatDoesNotCompileKeepsEverything() {
        let result = plan(
            [LifecycleRule(id: "r", scope: .instance, retentionTagCount: 1, tagRegexp: "([")],
            [Self.tag("a", daysAgo: 1), Self.tag("b", daysAgo: 2)])
        #expect(result.deletions.isEmpty)
        #expect(result.warnings == ["rule r: tag_regexp does not compile, so the rule keeps every tag"])
    }

    @Test func changesComparesWithTheSavedRule() {
        let tags = (1...4).map { Self.tag("t\($0)", daysAgo: Double(5 - $0)) }
        let saved = plan([LifecycleRule(id: "r", scope: .instance, retentionTagCount: 3)], tags)
        let edited = plan([LifecycleRule(id: "r", scope: .instance, retentionTagCount: 1)], tags)
        let changes = edited.changes(from: saved)
        #expect(changes.map(\.entry.tag) == ["t3", "t2"])
        #expect(changes.allSatisfy { $0.before == .keep && $0.entry.decision == .delete })
    }

    @Test func invalidRulesSayWhichField() {
        #expect(LifecycleRule(id: "r", scope: .instance).problems.map(\.field) == ["retention_tag_count"])
        #expect(
            LifecycleRule(id: "r", scope: .instance, retentionTagCount: 0).problems.first?.description
                == "retention_tag_count: must be at least 1")
        #expect(LifecycleRule(id: "r", scope: .instance, tagRegexp: "(").problems.first?.field == "tag_regexp")
        #expect(
            LifecycleRule(id: "r", scope: .repository(""), retentionTagCount: 2).problems.map(\.field) == ["repository"]
        )
    }

    // MARK: Properties

    /// A random repository: up to 40 tags over fewer digests, dates in a 60-day window (some tied,
    /// some missing), names from a few families.
    static func randomTags(_ random: inout SplitMix64) -> [LifecycleInventory.TagFacts] {
        let count = Int(random.next() % 40) + 1
        let digests = Int(random.next() % UInt64(count)) + 1
        let families = ["release-", "ci-", "v1.", "feature-", ""]
        return (0..<count).map { index in
            let family = families[Int(random.next() % UInt64(families.count))]
            let day = random.next() % 7 == 0 ? nil : Double(random.next() % 60)
            return tag(
                "\(family)\(index)", daysAgo: day, digest: "d\(random.next() % UInt64(digests))",
                blobs: [("b\(random.next() % 10)", 100)])
        }
    }

    static func randomRules(_ random: inout SplitMix64) -> [LifecycleRule] {
        (0..<(Int(random.next() % 3) + 1)).map { index in
            let count = random.next() % 3 == 0 ? nil : Int(random.next() % 8) + 1
            let pattern: String? =
                random.next() % 2 == 0 ? ["^release-", "ci-1", "v1\\.[0-9]$"][Int(random.next() % 3)] : nil
            let days = count == nil && pattern == nil ? 10 : (random.next() % 4 == 0 ? 20 : nil)
            return LifecycleRule(
                id: "r\(index)", scope: index == 0 ? .instance : .repository("app/svc"), retentionTagCount: count,
                tagRegexp: pattern, keepPushedWithinDays: days)
        }
    }

    /// A version as the generated names spell it (`7`, `v1.12`), as [major, minor]; nil otherwise.
    static func version(_ name: String) -> [Int]? {
        let parts = (name.hasPrefix("v") ? String(name.dropFirst()) : name).split(
            separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            return nil
        }
        return parts.map { Int($0)! } + (parts.count == 1 ? [0] : [])
    }

    /// The order `docs/lifecycle.md` gives dated tags, written from the documentation: created time,
    /// newest first; equal times go to the higher version when both names are versions, a version
    /// before a non-version, then to the name later in byte order.
    static func documentedNewestFirst(_ lhs: LifecycleInventory.TagFacts, _ rhs: LifecycleInventory.TagFacts) -> Bool {
        if lhs.created! != rhs.created! { return lhs.created! > rhs.created! }
        switch (version(lhs.name), version(rhs.name)) {
        case let (left?, right?) where left != right: return right.lexicographicallyPrecedes(left)
        case (.some, nil): return true
        case (nil, .some): return false
        default: return Array(rhs.name.utf8).lexicographicallyPrecedes(Array(lhs.name.utf8))
        }
    }

    /// The plan `docs/lifecycle.md` describes, computed independently of the engine: the entries'
    /// tag order (dated tags newest first, then undated ones by name) and the tags deleted.
    static func expectedPlan(
        _ rules: [LifecycleRule], _ tags: [LifecycleInventory.TagFacts]
    ) -> (order: [String], deleted: Set<String>) {
        let ranked = tags.filter { $0.created != nil }.sorted(by: documentedNewestFirst)
        let undated = tags.filter { $0.created == nil }.map(\.name).sorted {
            Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
        }
        var kept = Set(undated)
        for (rank, tag) in ranked.enumerated() {
            let keeps = rules.contains { rule in
                if let count = rule.retentionTagCount, rank < count { return true }
                if let pattern = rule.tagRegexp, tag.name.contains(try! Regex(pattern)) { return true }
                if let days = rule.keepPushedWithinDays, now.timeIntervalSince(tag.created!) <= Double(days) * 86_400 {
                    return true
                }
                return false
            }
            if keeps { kept.insert(tag.name) }
        }
        let keptDigests = Set(tags.filter { kept.contains($0.name) }.compactMap(\.digest))
        let deleted = tags.filter { !kept.contains($0.name) && !keptDigests.contains($0.digest!) }.map(\.name)
        return (ranked.map(\.name) + undated, Set(deleted))
    }

    @Test func propertiesHoldOnRandomRepositories() {
        var random = SplitMix64(seed: 20_261_129)
        for _ in 0..<300 {
            let tags = Self.randomTags(&random)
            let rules = Self.randomRules(&random)
            let result = plan(rules, tags)
            let deleted = Set(result.deletions.map(\.tag))
            // Exactly the tags and the order the documented semantics give.
            let expected = Self.expectedPlan(rules, tags)
            #expect(deleted == expected.deleted, "rules \(rules), tags \(tags.map(\.name))")
            #expect(result.entries.map(\.tag) == expected.order)
            // Never deletes a digest a kept tag shares.
            let keptDigests = Set(result.entries.filter { $0.decision == .keep }.compactMap(\.digest))
            #expect(result.deletions.allSatisfy { !keptDigests.contains($0.digest!) })
            // Idempotent: planning again after applying deletes nothing more.
            let survivors = tags.filter { !deleted.contains($0.name) }
            #expect(plan(rules, survivors).deletions.isEmpty, "a second run would delete more")
            // Deterministic whatever the order tags arrive in.
            var shuffled = tags
            shuffled.shuffle(using: &random)
            #expect(plan(rules, shuffled).entries == result.entries, "the plan depends on the order tags arrive in")
        }
    }
}

/// A small seeded generator, so property failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The byte fast paths of `TagPattern` agree with Swift's `Regex` search.
struct TagPatternTests {
    @Test func fastPathsAgreeWithRegex() throws {
        let patterns = [
            "^release-", "release-", "-alpine$", "^v1\\.2$", ".*prod.*", "^ci-[0-9]+$", "^ab*c", "^a|b", "\\d+", "^$",
            "", "^release-\\.x", "prod.*",
        ]
        let names = [
            "release-1", "my-release-2", "3.19-alpine", "alpine", "v1.2", "v1x2", "prod", "preprod-eu", "ci-12", "ci-x",
            "ac", "abbc", "b", "", "release-.x",
        ]
        for pattern in patterns {
            let compiled = try TagPattern(pattern)
            let regex = try Regex(pattern)
            for name in names {
                #expect(compiled.matches(name) == name.contains(regex), "'\(pattern)' on '\(name)'")
            }
        }
    }
}
