import ArgumentParser
import RegistryClient

/// `regconsole retention show INSTANCE/PROJECT`.
struct RetentionShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the project's retention policy, its rules in words.")

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
        var records = RecordSet(columns: [
            .init(key: "rule", header: "#", alignRight: true), .init(key: "template", header: "TEMPLATE"),
            .init(key: "parameter", header: "N", alignRight: true), .init(key: "tags", header: "TAGS"),
            .init(key: "tags_excluded", header: "EXCLUDES", inTable: false),
            .init(key: "repositories", header: "REPOS"),
            .init(key: "repositories_excluded", header: "REPO EXCLUDES", inTable: false),
            .init(key: "untagged", header: "UNTAGGED"), .init(key: "disabled", header: "DISABLED"),
            .init(key: "summary", header: "RULE"),
        ])
        for (index, rule) in policy.rules.enumerated() {
            records.rows.append([
                .integer(Int64(index + 1)), .text(rule.template), .integer(rule.parameter.map(Int64.init)),
                .text(rule.tags.pattern), .flag(rule.tags.excludes), .text(rule.repositories.pattern),
                .flag(rule.repositories.excludes), .flag(rule.untagged), .flag(rule.disabled), .text(rule.summary),
            ])
        }
        if format.output == .table {
            print(
                "retention policy \(policy.id.map(String.init) ?? "?") of \(project.reference): \(policy.scheduleWords)"
            )
        }
        records.print(as: format.output)
    }
}
