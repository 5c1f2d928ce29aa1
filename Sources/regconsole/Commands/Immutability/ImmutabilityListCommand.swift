import ArgumentParser
import RegistryClient

/// `regconsole immutability [list] INSTANCE/PROJECT`.
struct ImmutabilityListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the project's rules.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor project.", valueName: "instance/project"), completion: Completions.reference)
    var target: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let project = try await HarborProjectTarget<any ImmutabilityManaging>.parse(
            target, context: context, command: "immutability")
        var records = RecordSet(columns: [
            .init(key: "id", header: "ID", alignRight: true), .init(key: "tags", header: "TAGS"),
            .init(key: "tags_excluded", header: "EXCLUDES", inTable: false),
            .init(key: "repositories", header: "REPOS"),
            .init(key: "repositories_excluded", header: "REPO EXCLUDES", inTable: false),
            .init(key: "disabled", header: "DISABLED"), .init(key: "summary", header: "RULE"),
        ])
        for rule in try await project.provider.immutableRules(project: project.project) {
            records.rows.append([
                .integer(rule.id.map(Int64.init)), .text(rule.tags.pattern), .flag(rule.tags.excludes),
                .text(rule.repositories.pattern), .flag(rule.repositories.excludes), .flag(rule.disabled),
                .text(rule.summary),
            ])
        }
        records.print(as: format.output)
    }
}
