import ArgumentParser
import RegistryClient

/// `regconsole immutability add INSTANCE/PROJECT --tags PATTERN [--repos PATTERN] …`.
struct ImmutabilityAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a rule. Audited.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor project.", valueName: "instance/project"), completion: Completions.reference)
    var target: String
    @Option(name: .long, help: ArgumentHelp("Tags the rule protects (doublestar).", valueName: "pattern"))
    var tags: String?
    @Option(name: .long, help: ArgumentHelp("Protect every tag but these (instead of --tags).", valueName: "pattern"))
    var excludeTags: String?
    @Option(name: .long, help: ArgumentHelp("Repositories (names within the project).", valueName: "pattern"))
    var repos = "**"
    @Flag(name: .long, help: "The repositories are those --repos does not match.")
    var excludeRepos = false
    @Flag(name: .long, help: "Add the rule disabled.")
    var disabled = false

    func run() async throws {
        let context = try CLIContext(global)
        guard (tags == nil) != (excludeTags == nil) else {
            throw UsageError(description: "give --tags or --exclude-tags (one of them)")
        }
        let project = try await HarborProjectTarget<any ImmutabilityManaging>.parse(
            target, context: context, command: "immutability", writing: "change immutability rules")
        let rule = HarborImmutableRule(
            tags: .init(pattern: tags ?? excludeTags ?? "", excludes: excludeTags != nil),
            repositories: .init(pattern: repos, excludes: excludeRepos), disabled: disabled)
        let saved = try await context.retention.saveImmutableRule(rule, project: project.project, on: project.provider)
        print("added immutability rule \(saved.id.map(String.init) ?? "?") to \(project.reference): \(saved.summary)")
    }
}
