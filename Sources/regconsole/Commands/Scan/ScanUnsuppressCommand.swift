import ArgumentParser
import RegistryClient

/// `regconsole scan unsuppress INSTANCE (ID | --cve ID)`.
struct ScanUnsuppressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsuppress", abstract: "Remove suppressions by id, or every suppression of a vulnerability.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: "Suppression ids (see scan suppressions).")
    var ids: [String] = []
    @Option(name: .long, help: "Remove every suppression of this vulnerability.")
    var cve: String?

    func run() async throws {
        let context = try CLIContext(global)
        guard !ids.isEmpty || cve != nil else { throw UsageError(description: "give suppression ids or --cve ID") }
        let provider = try await context.session.provider(for: instance)
        let removed = try SuppressionStore(instance: provider.instance.name, directories: context.directories).remove {
            suppression in
            ids.contains(suppression.id) || suppression.vulnerability == cve
        }
        guard !removed.isEmpty else {
            throw RegistryError(
                .notFound, "no matching suppression on \(provider.instance.name)",
                hint: "list them with: regconsole scan suppressions \(instance)")
        }
        for suppression in removed {
            print("removed \(suppression.id) (\(suppression.vulnerability) for \(suppression.scope))")
        }
    }
}
