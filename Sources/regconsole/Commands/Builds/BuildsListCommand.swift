import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole builds list REPO`.
struct BuildsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List a repository's builds, newest first, with how long each ran.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let repository = try await DeliveryTarget.builds(target, context: context)
        let builds = try await repository.provider.buildRecords(repository: repository.repository).collect()
            .newestFirst(by: \.startTime)
        let now = Date()
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID"), .init(key: "status", header: "STATUS"),
                .init(key: "tag", header: "TAG"),
                .init(key: "startTime", header: "STARTED"), .init(key: "endTime", header: "ENDED", inTable: false),
                .init(key: "duration", header: "DURATION", alignRight: true, onlyInTable: true),
            ], omitsAbsent: true)
        for build in builds {
            records.rows.append([
                .text(build.id), .text(build.status.description), .text(build.tag), .date(build.startTime),
                .date(build.endTime), .text(build.duration(now: now).map(TimeSpan.format)),
            ])
        }
        records.print(as: format.output)
    }
}
