import ArgumentParser
import RegistryClient

/// `regconsole builds rules REPO`.
struct BuildsRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List a repository's build rules: which branch or tag builds which image tag.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let repository = try await DeliveryTarget.builds(target, context: context)
        let rules = try await repository.provider.buildRules(repository: repository.repository)
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID"), .init(key: "pushType", header: "ON"),
                .init(key: "pushName", header: "BRANCH/TAG"), .init(key: "tag", header: "IMAGE TAG"),
                .init(key: "dockerfileLocation", header: "LOCATION"),
                .init(key: "dockerfileName", header: "DOCKERFILE"),
                .init(key: "platforms", header: "PLATFORMS"),
                .init(key: "buildArgs", header: "BUILD ARGS", inTable: false),
            ], omitsAbsent: true)
        for rule in rules {
            records.rows.append([
                .text(rule.id), .text(rule.pushType.word), .text(rule.pushName), .text(rule.imageTag),
                .text(rule.dockerfileLocation), .text(rule.dockerfileName), .list(rule.platforms),
                .list(rule.buildArgs),
            ])
        }
        records.print(as: format.output)
    }
}

extension BuildRule.PushType: ExpressibleByArgument {
    /// `branch` or `tag`, the CLI's words.
    public init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.word == argument.lowercased() }) else { return nil }
        self = match
    }

    public static var allValueStrings: [String] { allCases.map(\.word) }

    /// `branch` or `tag`.
    var word: String {
        switch self {
        case .branch: "branch"
        case .tag: "tag"
        }
    }
}
