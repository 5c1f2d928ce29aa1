import ArgumentParser
import RegistryClient

/// `regconsole namespaces [list] INSTANCE`.
struct NamespacesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the namespaces of an instance (first path segments of repository names).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "An instance name from the config, or a registry HOST[:PORT].", completion: Completions.instance)
    var instance: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let provider = try await context.session.provider(for: instance)
        var namespaces: [String: Namespace] = [:]
        for try await page in provider.namespaces() {
            for namespace in page { namespaces[namespace.name] = namespace }
        }
        var records = RecordSet(columns: [
            .init(key: "name", header: "NAMESPACE"),
            .init(key: "repositoryCount", header: "REPOSITORIES", alignRight: true),
            .init(key: "visibility", header: "VISIBILITY", inTable: false),
            .init(key: "autoCreate", header: "AUTO-CREATE", inTable: false),
        ])
        for namespace in namespaces.values.sorted(by: { $0.name < $1.name }) {
            records.rows.append([
                .text(namespace.name), .integer(namespace.repositoryCount.map(Int64.init)),
                .text(namespace.visibility?.rawValue), .text(namespace.autoCreateRepositories.map(String.init)),
            ])
        }
        records.print(as: format.output)
    }
}
