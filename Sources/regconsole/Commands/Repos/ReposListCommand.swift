import ArgumentParser
import RegistryClient

/// `regconsole repos [list] INSTANCE[/NAMESPACE]`.
struct ReposListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List repositories of an instance, or of one namespace.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp(
            "INSTANCE or INSTANCE/NAMESPACE (a registry HOST[:PORT] works as INSTANCE).",
            valueName: "instance[/namespace]"),
        completion: Completions.reference)
    var scope: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let parts = scope.split(separator: "/", maxSplits: 1).map(String.init)
        guard let locator = parts.first, !locator.isEmpty else {
            throw UsageError(description: "give INSTANCE or INSTANCE/NAMESPACE")
        }
        let namespace = parts.count > 1 ? parts[1] : nil
        if let namespace, namespace.contains("/") {
            throw UsageError(
                description:
                    "'\(scope)': a namespace is one path segment; for a repository's tags use: regconsole tags \(scope)"
            )
        }
        let provider = try await context.session.provider(for: locator)
        let repositories = try await provider.repositories(namespace: namespace).collect().sorted { $0.name < $1.name }
        var records = RecordSet(columns: [
            .init(key: "name", header: "REPOSITORY"), .init(key: "namespace", header: "NAMESPACE", inTable: false),
            .init(key: "tagCount", header: "TAGS", inTable: false, alignRight: true),
            .init(key: "updated", header: "UPDATED", inTable: false),
            .init(key: "summary", header: "SUMMARY", inTable: false),
            .init(key: "visibility", header: "VISIBILITY", inTable: false),
        ])
        for repository in repositories {
            records.rows.append([
                .text(repository.name), .text(repository.namespace), .integer(repository.tagCount.map(Int64.init)),
                .date(repository.updated),
                .text(repository.summary), .text(repository.visibility?.rawValue),
            ])
        }
        records.print(as: format.output)
    }
}
