import ArgumentParser
import RegistryClient

/// `regconsole chains [list] INSTANCE`.
struct ChainsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the delivery chains with their steps in order.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.chains(instance, context: context)
        let chains = try await target.provider.chains(repository: nil)
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID"), .init(key: "name", header: "NAME"),
                .init(key: "namespace", header: "NAMESPACE"), .init(key: "repository", header: "REPOSITORY"),
                .init(key: "nodes", header: "NODES"),
            ], omitsAbsent: true)
        for chain in chains {
            records.rows.append([
                .text(chain.id), .text(chain.name), .text(chain.namespace), .text(chain.repository),
                chain.nodes.map { .list($0.map(\.name)) } ?? .text(nil),
            ])
        }
        records.print(as: format.output)
    }
}
