import Foundation
import Testing

@testable import RegistryClient

/// The rules file: the shape CLI.md documents, errors with file and line, and the local store.
struct LifecycleRuleFileTests {
    @Test func readsTheDocumentedShape() throws {
        let rules = try LifecycleRule.parseFile(
            """
            [[rules]]
            id = "keep-releases"
            scope = "repo"
            namespace = "app"
            repository = "svc"
            retention_tag_count = 5
            tag_regexp = "^release-"

            [[rules]]
            scope = "namespace"
            namespace = "ci"
            keep_pushed_within_days = 14
            schedule = "week"
            """, file: "rules.toml")
        #expect(
            rules == [
                LifecycleRule(
                    id: "keep-releases", scope: .repository("app/svc"), retentionTagCount: 5, tagRegexp: "^release-"),
                LifecycleRule(id: "rule-2", scope: .namespace("ci"), keepPushedWithinDays: 14, schedule: .week),
            ])
        #expect(try LifecycleRule.parseFile(LifecycleRule.fileText(rules), file: "again.toml") == rules)
    }

    @Test(arguments: [
        (
            "[[rules]]\nscope = \"repo\"\nrepository = \"a\"\nretention_tag_count = 0\n",
            "rules.toml:4: rules[0].retention_tag_count: must be at least 1"
        ),
        (
            "[[rules]]\nscope = \"instance\"\ntag_regexp = \"([\"\n",
            "rules.toml:3: rules[0].tag_regexp: does not compile"
        ),
        (
            "[[rules]]\nscope = \"galaxy\"\n",
            "rules.toml:2: rules[0].scope: 'galaxy' is not instance, namespace or repo"
        ),
        ("[[rules]]\nscope = \"instance\"\nretention = 3\n", "rules.toml:3: rules[0].retention: unknown key"),
        ("[[rules]]\nscope = \"instance\"\n", "rules.toml:1: rules[0].retention_tag_count: a rule must keep something"),
        (
            "[[rules]]\nid = \"x\"\nscope = \"instance\"\nretention_tag_count = 1\n[[rules]]\nid = \"x\"\nscope = \"instance\"\nretention_tag_count = 2\n",
            "rules.toml:6: rules[1].id: 'x' is used by an earlier rule"
        ),
    ])
    func badRulesNameTheLineAndTheProblem(text: String, expected: String) {
        #expect {
            try LifecycleRule.parseFile(text, file: "rules.toml")
        } throws: { error in
            String(describing: error).hasPrefix(expected)
        }
    }

    @Test func theLocalStoreRefusesWhatADistributionRegistryCannotDo() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lifecycle-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let store = LocalLifecycleRuleStore(
            instance: "local", directories: XDGDirectories(environment: ["HOME": home.path]))
        let rule = LifecycleRule(id: "r1", scope: .namespace("ns"), retentionTagCount: 3)
        _ = try store.save(rule)
        _ = try store.save(LifecycleRule(id: "r1", scope: .namespace("ns"), retentionTagCount: 4))
        #expect(try store.rules() == [LifecycleRule(id: "r1", scope: .namespace("ns"), retentionTagCount: 4)])
        #expect {
            try store.save(LifecycleRule(id: "r2", scope: .instance, retentionTagCount: 1, deleteUntagged: true))
        } throws: { error in
            (error as? RegistryError)?.code == .unsupported && String(describing: error).contains("delete_untagged")
        }
        try store.delete(id: "r1")
        #expect(try store.rules().isEmpty)
        let audit = AuditLog(directories: XDGDirectories(environment: ["HOME": home.path])).entries().map(\.action)
        #expect(audit == ["lifecycle-create", "lifecycle-update", "lifecycle-delete"])
    }
}
