import ArgumentParser
import RegistryClient

/// `regconsole builds source REPO`.
struct BuildsSourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source", abstract: "Show the source repository a repository builds from.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let repository = try await DeliveryTarget.builds(target, context: context)
        let binding = try await repository.provider.sourceCodeBinding(repository: repository.repository)
        guard let binding else {
            // Scripts get an empty list; people get the sentence.
            if format.output == .table {
                print("\(repository.reference): no source repository bound")
            } else {
                RecordSet(columns: Self.columns).print(as: format.output)
            }
            return
        }
        var records = RecordSet(columns: Self.columns, omitsAbsent: true)
        records.rows.append([
            .text(binding.provider.rawValue), .text(binding.domain), .text(binding.namespace), .text(binding.name),
            .flag(binding.autoBuild), .flag(binding.disableCacheBuild), .flag(binding.overseaBuild),
        ])
        records.print(as: format.output)
    }

    private static let columns: [RecordSet.Column] = [
        .init(key: "provider", header: "PROVIDER"), .init(key: "domain", header: "DOMAIN"),
        .init(key: "namespace", header: "NAMESPACE"), .init(key: "name", header: "NAME"),
        .init(key: "autoBuild", header: "AUTO-BUILD"), .init(key: "disableCacheBuild", header: "NO CACHE"),
        .init(key: "overseaBuild", header: "OVERSEA"),
    ]
}
