import ArgumentParser
import RegistryClient

/// `regconsole chains runs INSTANCE [CHAIN]`.
struct ChainsRunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "List delivery-chain runs, newest first, optionally of one chain.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: "A chain's id or name (see `chains list`).")
    var chain: String?
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.chains(instance, context: context)
        var only: DeliveryChain?
        if let chain { only = try await target.chain(named: chain) }
        let read = try await BoundedPages.read(
            target.provider.chainRuns(repository: nil), what: "runs", narrowing: "older runs are in the ACR console")
        let runs = read.filter { run in
            guard let only else { return true }
            return run.chainID.map { $0 == only.id } ?? (run.chainName == only.name)
        }
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID"), .init(key: "chain", header: "CHAIN"),
                .init(key: "repository", header: "REPOSITORY", inTable: false), .init(key: "status", header: "STATUS"),
                .init(key: "result", header: "RESULT"), .init(key: "startTime", header: "STARTED"),
                .init(key: "endTime", header: "ENDED"),
            ], omitsAbsent: true)
        for run in runs.newestFirst(by: \.startTime) {
            records.rows.append([
                .text(run.id), .text(run.chainName ?? run.chainID), .text(run.repository), .text(run.status),
                .text(run.result), .date(run.startTime), .date(run.endTime),
            ])
        }
        records.print(as: format.output)
    }
}
