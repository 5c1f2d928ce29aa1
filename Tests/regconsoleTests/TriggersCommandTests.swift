import Foundation
import RegistryClient
import TestSupport
import Testing

/// `regconsole triggers …` against the ACR emulator, whose first repository carries one trigger
/// with credentials in its URL: no output, error or audit entry may ever show them.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct TriggersCommandTests {
    private static let emulator = PrivateACREmulator()
    /// The seeded trigger's URL, and what every view shows of it.
    private static let seededURL = "https://deploy:s3cr3t@hooks.example.com/redeploy?token=abc123"
    private static let maskedURL = "https://deploy:***@hooks.example.com/redeploy?token=***"

    /// Checks that none of `secrets` is in the outputs of `result`.
    private func expectHidden(
        _ secrets: [String], in result: CLIRunner.Result, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for secret in secrets {
            #expect(!result.stdout.contains(secret), "'\(secret)' on stdout", sourceLocation: sourceLocation)
            #expect(!result.stderr.contains(secret), "'\(secret)' on stderr", sourceLocation: sourceLocation)
        }
    }

    @Test func listMasksTheURLInEveryFormat() async throws {
        let acr = try await ACRCLI.make(try await Self.emulator.fresh())
        let repository = try await acr.deliveryRepository()
        let seededSecrets = ["s3cr3t", "abc123"]

        let table = try await acr.succeed(["triggers", "list", repository])
        expectHidden(seededSecrets, in: table)
        #expect(table.stdout.hasPrefix("ID"))
        #expect(table.stdout.contains(Self.maskedURL))

        let json = try await acr.succeed(["triggers", repository, "--output", "json"])
        expectHidden(seededSecrets, in: json)
        let rows = try #require(try json.json() as? [[String: Any]])
        #expect(rows.count == 1)
        let trigger = try #require(rows.first)
        #expect((trigger["id"] as? String)?.hasPrefix("crw-") == true)
        #expect(trigger["url"] as? String == Self.maskedURL)
        #expect(trigger["type"] as? String == "all")
        #expect(trigger["tags"] as? String == "*")
        #expect(Set(trigger.keys) == ["id", "name", "type", "tags", "url"])

        let csv = try await acr.succeed(["triggers", "list", repository, "--output", "csv"])
        expectHidden(seededSecrets, in: csv)
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.first == "id,name,type,tags,url")
        #expect(lines.count == 2 && lines[1].hasSuffix(",all,*,\(Self.maskedURL)"))
    }

    @Test func createUpdateAndDeleteShowOnlyMaskedURLsAndAreAudited() async throws {
        let acr = try await ACRCLI.make(try await Self.emulator.fresh())
        let repository = try await acr.deliveryRepository()
        let secrets = ["hunter2", "k3y", "n3wpass", "s3cr3t", "abc123"]
        let created = try await acr.succeed([
            "triggers", "create", repository, "--name", "ci", "--url",
            "https://bot:hunter2@ci.example.com/hook?key=k3y",
            "--type", "tags", "--tags", "v1,latest", "--verbose",
        ])
        expectHidden(secrets, in: created)
        // The request log shows the URL sent, masked.
        #expect(created.stderr.contains("TriggerUrl=https%3A%2F%2Fbot%3A%2A%2A%2A%40ci.example.com"))
        let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.hasPrefix("crw-"))
        var rows = try await acr.jsonArray(["triggers", "list", repository])
        var trigger = try #require(rows.first { $0["id"] as? String == id })
        #expect(trigger["name"] as? String == "ci")
        #expect(trigger["type"] as? String == "tags")
        #expect(trigger["tags"] as? String == "v1,latest")
        #expect(trigger["url"] as? String == "https://bot:***@ci.example.com/hook?key=***")

        // Only what is given changes, and the change is shown masked before it is made.
        let updated = try await acr.succeed([
            "triggers", "update", repository, id, "--url", "https://bot:n3wpass@ci.example.com/hook?key=k3y",
            "--type", "regexp", "--tags", "^v[0-9]+$",
        ])
        expectHidden(secrets, in: updated)
        #expect(updated.stderr.contains("changing trigger \(id) of \(repository):"))
        #expect(updated.stderr.contains("  type: tags → regexp"))
        #expect(updated.stderr.contains("  tags: v1,latest → ^v[0-9]+$"))
        #expect(updated.stderr.contains("  url credentials: *** → *** (changed)"))
        #expect(!updated.stderr.contains("name:"))
        rows = try await acr.jsonArray(["triggers", "list", repository])
        trigger = try #require(rows.first { $0["id"] as? String == id })
        #expect(trigger["name"] as? String == "ci")
        #expect(trigger["type"] as? String == "regexp")
        #expect(trigger["tags"] as? String == "^v[0-9]+$")

        // Without a terminal a delete needs --yes.
        let refused = try await acr.run(["triggers", "delete", repository, id])
        #expect(refused.status == 2 && refused.stderr.contains("--yes"))
        #expect(try await acr.jsonArray(["triggers", "list", repository]).count == 2)
        let deleted = try await acr.succeed(["triggers", "delete", repository, id, "--yes"])
        #expect(deleted.stdout.contains("deleted trigger \(id) of \(repository)"))
        rows = try await acr.jsonArray(["triggers", "list", repository])
        #expect(rows.compactMap { $0["url"] as? String } == [Self.maskedURL])

        let audit = acr.auditEntries
        #expect(audit.map(\.action) == ["trigger-create", "trigger-update", "trigger-delete"])
        #expect(audit.allSatisfy { $0.phase == "done" && "acr.emulator-main/\($0.repository ?? "")" == repository })
        #expect(audit.first?.detail?.contains("https://bot:***@ci.example.com/hook?key=***") == true)
        let logText = try String(
            contentsOf: AuditLog(directories: XDGDirectories(environment: acr.cli.environment)).url, encoding: .utf8)
        for secret in secrets { #expect(!logText.contains(secret), "'\(secret)' in the audit log") }
    }

    @Test func anInvalidURLOrExpressionIsRefusedBeforeAnyCall() async throws {
        let emulator = try await Self.emulator.fresh()
        let acr = try await ACRCLI.make(emulator)
        let repository = try await acr.deliveryRepository()
        try await emulator.clearRequests()
        let badURL = try await acr.run([
            "triggers", "create", repository, "--name", "x", "--url", "ftp://ops:pa55@files.example.com/", "--type",
            "all",
        ])
        #expect(badURL.status == 2)
        #expect(badURL.stderr.contains("'ftp://ops:***@files.example.com/' is not an http or https URL"))
        expectHidden(["pa55"], in: badURL)
        let badExpression = try await acr.run([
            "triggers", "create", repository, "--name", "x", "--url", "https://h.example.com/", "--type", "regexp",
            "--tags", "v[0-9",
        ])
        #expect(badExpression.status == 2)
        #expect(badExpression.stderr.contains("'v[0-9' is not a regular expression"))
        let noTags = try await acr.run([
            "triggers", "create", repository, "--name", "x", "--url", "https://h.example.com/", "--type", "tags",
        ])
        #expect(noTags.status == 2 && noTags.stderr.contains("needs tags"))
        let badUpdate = try await acr.run(["triggers", "update", repository, "crw-any", "--url", "hooks.example.com"])
        #expect(badUpdate.status == 2 && badUpdate.stderr.contains("not an http or https URL"))
        #expect(try await emulator.requests().isEmpty, "nothing was sent")
    }

    @Test func refusalsAndFaultsSayWhatFailed() async throws {
        let emulator = try await Self.emulator.fresh()
        let acr = try await ACRCLI.make(emulator)
        let repository = try await acr.deliveryRepository()
        let seeded = try #require(try await acr.jsonArray(["triggers", "list", repository]).first?["id"] as? String)

        let unknown = try await acr.run(["triggers", "update", repository, "crw-nosuchtrigger", "--name", "x"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("has no trigger 'crw-nosuchtrigger'"))
        #expect(unknown.stderr.contains("regconsole triggers list \(repository)"))

        try await emulator.denyPrivilege(action: "ListRepoTrigger")
        let denied = try await acr.run(["triggers", "list", repository])
        #expect(denied.status == 1 && denied.stderr.contains("lacks the RAM permission cr:"))
        #expect(denied.stderr.contains("grant cr:"))

        try await emulator.clearRequests()
        try await emulator.throttle(action: "ListRepoTrigger", retryAfterMs: 100)
        let rows = try await acr.jsonArray(["triggers", "list", repository])
        #expect(rows.compactMap { $0["id"] as? String } == [seeded])
        #expect(try await emulator.requests(action: "ListRepoTrigger").map(\.code) == ["Throttling.User", "success"])

        let readOnly = try await ACRCLI.make(emulator, settings: "read_only = true")
        try await emulator.clearRequests()
        let refused = try await readOnly.run(["triggers", "delete", repository, seeded, "--yes"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("instance 'acr.emulator-main' is read-only"))
        #expect(refused.stderr.contains("to delete triggers"))
        let create = try await readOnly.run([
            "triggers", "create", repository, "--name", "x", "--url", "https://h.example.com/", "--type", "all",
        ])
        #expect(create.status == 1 && create.stderr.contains("read-only"))
        #expect(try await emulator.requests(action: "DeleteRepoTrigger").isEmpty)
        #expect(try await emulator.requests(action: "CreateRepoTrigger").isEmpty)
        #expect(readOnly.auditEntries.isEmpty)

        let plain = try await acr.run(["triggers", "list", "local/ns/app"])
        #expect(plain.status == 2)
        #expect(plain.stderr.contains("triggers need an ACR Enterprise instance: local is not one"))
    }

    @Test func aProductionInstanceWantsTheIDTypedBeforeADelete() async throws {
        let acr = try await ACRCLI.make(try await Self.emulator.fresh(), settings: "production = true")
        let repository = try await acr.deliveryRepository()
        let id = try #require(try await acr.jsonArray(["triggers", "list", repository]).first?["id"] as? String)
        let arguments = ["triggers", "delete", repository, id]
        let question = "Type '\(id)' to delete trigger \(id) of \(repository): "

        let wrong = try await acr.cli.runOnTerminal(arguments, prompt: question, answer: "y")
        #expect(wrong.answered && wrong.status == 0)
        #expect(wrong.output.contains("cancelled; nothing was deleted"))
        #expect(try await acr.jsonArray(["triggers", "list", repository]).count == 1)

        let right = try await acr.cli.runOnTerminal(arguments, prompt: question, answer: id)
        #expect(right.answered && right.status == 0)
        #expect(right.output.contains("deleted trigger \(id) of \(repository)"))
        #expect(try await acr.jsonArray(["triggers", "list", repository]).isEmpty)
        #expect(acr.auditEntries.map(\.action) == ["trigger-delete"])
    }
}
