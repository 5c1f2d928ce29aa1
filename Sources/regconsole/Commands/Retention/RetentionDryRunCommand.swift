import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole retention dry-run INSTANCE/PROJECT`.
struct RetentionDryRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dry-run",
        abstract: "Run the policy as a dry run on the server and compare its verdicts with the preview, tag by tag.",
        discussion: "Exits 0 when the server and the preview agree on every tag, 1 when they differ.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor project.", valueName: "instance/project"), completion: Completions.reference)
    var target: String
    @OptionGroup var wait: WaitOptions
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let project = try await HarborProjectTarget<any RetentionPolicyManaging>.parse(
            target, context: context, command: "retention")
        let policy = try await project.policy()
        guard let id = policy.id else { throw RegistryError(.invalidResponse, "the policy has no id") }
        let line = WaitLine("dry run of retention policy \(id)")
        defer { line.finish() }
        let server = try await project.provider.runRetention(
            policyID: id, dryRun: true, timeout: wait.deadline, interval: wait.interval
        ) { execution in
            line.update("dry run \(execution.map { "\($0.id): \($0.status)" } ?? "starting") of policy \(id)")
        }
        let preview = try await project.provider.retentionPreview(policy: policy, project: project.project)
        line.finish()
        let comparison = RetentionComparison(preview: preview, server: server.results)
        Self.records(comparison).print(as: format.output)
        if format.output == .table {
            print(comparison.summary)
        } else {
            FileHandle.standardError.write(Data("\(comparison.summary)\n".utf8))
        }
        guard comparison.agrees else {
            throw CommandFailure(
                status: .runtime, description: "the server and the preview differ on \(comparison.differing) tags")
        }
    }

    static func records(_ comparison: RetentionComparison) -> RecordSet {
        var records = RecordSet(columns: [
            .init(key: "repository", header: "REPOSITORY"), .init(key: "tag", header: "TAG"),
            .init(key: "digest", header: "DIGEST"), .init(key: "preview", header: "PREVIEW"),
            .init(key: "server", header: "SERVER"), .init(key: "match", header: "MATCH"),
            .init(key: "reason", header: "REASON", inTable: false),
        ])
        for row in comparison.rows {
            records.rows.append([
                .text(row.repository), .text(row.tag ?? ""), .text(row.digest), .text(row.preview?.rawValue),
                .text(row.server.map(Self.word)), .text(row.agreement.rawValue), .text(row.reason),
            ])
        }
        return records
    }

    /// The server's outcome in the preview's words (`keep`, `delete`, `immutable`, `error`).
    static func word(_ outcome: RetentionTaskLog.Outcome) -> String {
        outcome.decision?.rawValue ?? "error"
    }
}
