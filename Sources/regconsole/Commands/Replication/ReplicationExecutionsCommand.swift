import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole replication executions INSTANCE [--policy ID] [--status S] [--limit N]`.
struct ReplicationExecutionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "executions", abstract: "List replication executions, newest first, with their task counts.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The Harbor instance.", completion: Completions.instance)
    var instance: String
    @Option(name: .long, help: ArgumentHelp("Only runs of this policy (id or name).", valueName: "policy"))
    var policy: String?
    @Option(
        name: .long,
        help: ArgumentHelp("Only executions in this status: InProgress, Succeed, Failed, Stopped.", valueName: "status")
    )
    var status: String?
    @Option(name: .long, help: ArgumentHelp("At most this many executions.", valueName: "n"))
    var limit = 50
    @OptionGroup var format: OutputOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.replication(instance, context: context)
        var policyID: Int?
        if let policy { policyID = try await target.policy(policy).id }
        let executions = try await target.provider.replicationExecutions(
            policyID: policyID, status: status, limit: limit)
        Self.records(executions).print(as: format.output)
    }

    static func records(_ executions: [ReplicationExecution], now: Date = Date()) -> RecordSet {
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID", alignRight: true),
                .init(key: "policy", header: "POLICY", alignRight: true),
                .init(key: "status", header: "STATUS"), .init(key: "trigger", header: "TRIGGER"),
                .init(key: "startTime", header: "START"), .init(key: "endTime", header: "END", inTable: false),
                .init(key: "duration", header: "DURATION", alignRight: true, onlyInTable: true),
                .init(key: "total", header: "TOTAL", alignRight: true),
                .init(key: "failed", header: "FAILED", alignRight: true),
                .init(key: "succeeded", header: "SUCCEEDED", alignRight: true),
                .init(key: "inProgress", header: "RUNNING", inTable: false),
                .init(key: "stopped", header: "STOPPED", inTable: false),
                .init(key: "statusText", header: "DETAIL", inTable: false),
            ], omitsAbsent: true)
        for execution in executions {
            records.rows.append([
                .integer(Int64(execution.id)), .integer(Int64(execution.policyID)), .text(execution.status.word),
                .text(execution.trigger), .date(execution.started), .date(execution.ended),
                .text(execution.duration(now: now).map { TimeSpan.format($0) }), .integer(Int64(execution.total)),
                .integer(Int64(execution.failed)), .integer(Int64(execution.succeeded)),
                .integer(Int64(execution.inProgress)), .integer(Int64(execution.stopped)),
                .text(execution.statusText),
            ])
        }
        return records
    }
}
