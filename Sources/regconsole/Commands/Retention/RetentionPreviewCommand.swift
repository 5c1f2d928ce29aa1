import ArgumentParser
import RegistryClient

/// `regconsole retention preview INSTANCE/PROJECT`.
struct RetentionPreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "What the policy would keep and delete, tag by tag, as regconsole reads it (nothing runs).")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor project.", valueName: "instance/project"), completion: Completions.reference)
    var target: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let project = try await HarborProjectTarget<any RetentionPolicyManaging>.parse(
            target, context: context, command: "retention")
        let policy = try await project.policy()
        let verdicts = try await project.provider.retentionPreview(policy: policy, project: project.project)
        Self.records(verdicts).print(as: format.output)
        if format.output == .table {
            let deleted = verdicts.count { $0.decision == .delete }
            print("\(verdicts.count - deleted) tags kept, \(deleted) deleted")
        }
    }

    static func records(_ verdicts: [RetentionVerdict]) -> RecordSet {
        var records = RecordSet(columns: [
            .init(key: "repository", header: "REPOSITORY"), .init(key: "tag", header: "TAG"),
            .init(key: "digest", header: "DIGEST"), .init(key: "decision", header: "DECISION"),
            .init(key: "reason", header: "REASON"),
        ])
        for verdict in verdicts {
            records.rows.append([
                .text(verdict.repository), .text(verdict.tag ?? ""), .text(verdict.digest),
                .text(verdict.decision.rawValue), .text(verdict.reason),
            ])
        }
        return records
    }
}
