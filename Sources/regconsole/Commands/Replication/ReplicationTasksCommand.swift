import ArgumentParser
import RegistryClient

/// `regconsole replication tasks INSTANCE EXECUTION [--failed]`.
struct ReplicationTasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: "List the tasks of a replication execution, failed ones first.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The Harbor instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("The execution's id (see `replication executions`).", valueName: "execution"))
    var execution: String
    @Flag(name: .long, help: "Only failed tasks.")
    var failed = false
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let executionID = try NumericID.parse(execution, "execution")
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.replication(instance, context: context)
        let tasks = try await target.naming("replication execution", execution, listedBy: "replication executions") {
            try await target.provider.replicationTasks(executionID: executionID, status: failed ? "Failed" : nil)
        }
        Self.records(Self.failedFirst(tasks)).print(as: format.output)
    }

    /// Failed tasks first, then the others, each group in id order.
    static func failedFirst(_ tasks: [ReplicationTask]) -> [ReplicationTask] {
        tasks.sorted { ($0.status.phase == .failed ? 0 : 1, $0.id) < ($1.status.phase == .failed ? 0 : 1, $1.id) }
    }

    static func records(_ tasks: [ReplicationTask]) -> RecordSet {
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID", alignRight: true), .init(key: "status", header: "STATUS"),
                .init(key: "operation", header: "OPERATION", inTable: false),
                .init(key: "resourceType", header: "TYPE"), .init(key: "source", header: "SOURCE"),
                .init(key: "destination", header: "DESTINATION"),
                .init(key: "startTime", header: "START", inTable: false),
                .init(key: "endTime", header: "END", inTable: false),
            ], omitsAbsent: true)
        for task in tasks {
            records.rows.append([
                .integer(Int64(task.id)), .text(task.status.word), .text(task.operation), .text(task.resourceType),
                .text(task.source), .text(task.destination), .date(task.started), .date(task.ended),
            ])
        }
        return records
    }
}

/// `regconsole replication log INSTANCE EXECUTION TASK`.
struct ReplicationLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Print a replication task's log (control characters removed).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The Harbor instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("The execution's id.", valueName: "execution"))
    var execution: String
    @Argument(help: ArgumentHelp("The task's id (see `replication tasks`).", valueName: "task"))
    var task: String

    func run() async throws {
        let executionID = try NumericID.parse(execution, "execution")
        let taskID = try NumericID.parse(task, "task")
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.replication(instance, context: context)
        let log = try await target.naming(
            "replication task", "\(execution)/\(task)", listedBy: "replication executions"
        ) {
            try await target.provider.replicationTaskLog(executionID: executionID, taskID: taskID)
        }
        LogText.print(log)
    }
}
