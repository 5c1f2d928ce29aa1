import Foundation
import RegistryClient

/// The lifecycle engine over 100,000 tags in one repository, dated a minute apart, one in ten a
/// `release-` tag, one in five sharing its digest with the next: plan time for a count rule, a count
/// plus pattern rule, and three rules at once.
enum LifecycleBenchmark {
    static func run(tags count: Int) -> [String: Any] {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let tags = (0..<count).map { index in
            let name = index % 10 == 0 ? "release-\(index)" : "ci-\(index)-g\(String(index, radix: 16))"
            let digestIndex = index % 5 == 0 ? index + 1 : index
            return LifecycleInventory.TagFacts(
                name: name, digest: Digest.sha256(of: Data("image \(digestIndex)".utf8)),
                created: start.addingTimeInterval(Double(index) * 60),
                blobs: [Blob(digest: Digest.sha256(of: Data("layer \(digestIndex)".utf8)), size: 1_000)])
        }
        let inventory = LifecycleInventory(repositories: ["app/svc": tags])
        let now = start.addingTimeInterval(Double(count) * 60)
        let cases: [(String, [LifecycleRule])] = [
            ("keep50", [LifecycleRule(id: "a", scope: .instance, retentionTagCount: 50)]),
            ("keep50Regexp", [LifecycleRule(id: "a", scope: .instance, retentionTagCount: 50, tagRegexp: "^release-")]),
            (
                "threeRules",
                [
                    LifecycleRule(id: "a", scope: .instance, retentionTagCount: 50),
                    LifecycleRule(id: "b", scope: .namespace("app"), tagRegexp: "^release-[0-9]+$"),
                    LifecycleRule(id: "c", scope: .repository("app/svc"), keepPushedWithinDays: 7),
                ]
            ),
        ]
        var result: [String: Any] = ["tags": count]
        for (name, rules) in cases {
            var samples: [Double] = []
            var deletions = 0
            for _ in 0..<7 {
                let clock = ContinuousClock.now
                let plan = LifecycleEngine.plan(rules: rules, inventory: inventory, now: now)
                deletions = plan.entries.count - plan.keptCount
                samples.append(HeadlessConsole.milliseconds(ContinuousClock.now - clock))
            }
            var summary: [String: Any] = HeadlessConsole.summary(samples)
            summary["deletions"] = deletions
            result[name] = summary
        }
        return result
    }
}
