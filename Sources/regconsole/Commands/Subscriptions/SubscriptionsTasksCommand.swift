import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole subscriptions tasks INSTANCE`.
struct SubscriptionsTasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: "List subscription runs, newest first: tags matched and pulled.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.subscriptions(instance, context: context)
        let tasks = try await BoundedPages.read(
            target.provider.subscriptionTasks(), what: "subscription runs", narrowing: "older runs are not shown")
        Self.records(tasks.newestFirst(by: \.started)).print(as: format.output)
    }

    /// The runs as `subscriptions tasks` prints them.
    static func records(_ tasks: [SubscriptionTask]) -> RecordSet {
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID"), .init(key: "status", header: "STATUS"),
                .init(key: "result", header: "RESULT"), .init(key: "type", header: "TYPE", inTable: false),
                .init(key: "upstream", header: "UPSTREAM"), .init(key: "from", header: "FROM"),
                .init(key: "to", header: "TO"),
                .init(key: "matchedTags", header: "MATCHED", alignRight: true),
                .init(key: "pulledTags", header: "PULLED", alignRight: true),
                .init(key: "startTime", header: "STARTED"), .init(key: "endTime", header: "ENDED", inTable: false),
                .init(key: "message", header: "MESSAGE", inTable: false),
            ], omitsAbsent: true)
        for task in tasks {
            records.rows.append([
                .text(task.id), .text(task.status), .text(task.result.flatMap { $0.isEmpty ? nil : $0 }),
                .text(task.type), .text(task.upstream), .text(task.upstreamPath),
                .text(task.repository),
                .integer(task.matchedTags.map(Int64.init)), .integer(task.pulledTags.map(Int64.init)),
                .date(task.started), .date(task.ended), .text(task.message.flatMap { $0.isEmpty ? nil : $0 }),
            ])
        }
        return records
    }
}
