import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole replication run INSTANCE POLICY [--wait]`.
struct ReplicationRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a replication policy now and print the execution's id.",
        discussion:
            "With --wait, follow the execution until it ends: exit 0 when it succeeded, 1 when it failed "
            + "or was stopped, naming the failed tasks.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The Harbor instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("The policy's id or name (see `replication policies`).", valueName: "policy"))
    var policy: String
    @Flag(name: .long, help: "Follow the execution until it ends; exit 1 unless it succeeded.")
    var wait = false
    @OptionGroup var waiting: WaitOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.replication(
            instance, context: context, writing: "run replication policies")
        let found = try await target.policy(policy)
        let id = try await context.automation.startReplication(found, on: target.provider)
        print(id)
        guard wait else { return }
        fflush(nil)  // the id out before the wait
        let poller = TaskPoller<ReplicationExecution>(
            read: { try await target.provider.replicationExecution(id: try NumericID.parse($0, "execution")) },
            isRunning: \.status.isRunning, label: { Self.label($0.first) }, interval: waiting.interval,
            deadline: waiting.deadline)
        let name = target.instance.name
        guard
            let execution = try await poller.wait(
                for: [String(id)], resume: "regconsole replication tasks \(name) \(id)"
            ).first
        else { return }
        guard execution.status.phase == .succeeded else {
            try await reportFailure(execution, of: target)
            return
        }
        FileHandle.standardError.write(
            Data("replication execution \(id) succeeded: \(execution.succeeded) of \(execution.total) tasks\n".utf8))
    }

    /// Names every failed task on standard error, then throws the exit status 1.
    private func reportFailure(
        _ execution: ReplicationExecution, of target: DeliveryTarget<any ReplicationPolicyManaging>
    ) async throws {
        let failed = try await target.provider.replicationTasks(executionID: execution.id, status: "Failed")
        for task in failed {
            let line = Sanitizer.clean(
                "replication task \(task.id) \(task.source) → \(task.destination): \(task.status)")
            FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
        let hint =
            failed.first.map {
                "; read why with: regconsole replication log \(target.instance.name) \(execution.id) \($0.id)"
            } ?? ""
        throw CommandFailure(
            status: .runtime,
            description:
                "replication execution \(execution.id) ended \(execution.status): \(execution.failed) of \(execution.total) tasks failed\(hint)"
        )
    }

    /// `replicating: 1/3 tasks done, 1 failed`.
    private static func label(_ execution: ReplicationExecution?) -> String {
        guard let execution else { return "replicating" }
        let done = execution.succeeded + execution.failed + execution.stopped
        let failed = execution.failed > 0 ? ", \(execution.failed) failed" : ""
        return "replicating: \(done)/\(execution.total) tasks done\(failed)"
    }
}

/// `regconsole replication stop INSTANCE EXECUTION [--yes]`.
struct ReplicationStopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop", abstract: "Stop a running replication execution (confirm, or --yes).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The Harbor instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("The execution's id (see `replication executions`).", valueName: "execution"))
    var execution: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let executionID = try NumericID.parse(execution, "execution")
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.replication(
            instance, context: context, writing: "stop replication executions")
        try target.confirm(
            "stop replication execution \(execution) of \(target.instance.name)", id: execution, yes: yes,
            action: .change)
        try await target.naming("replication execution", execution, listedBy: "replication executions") {
            try await context.automation.stopReplication(executionID: executionID, on: target.provider)
        }
        print("stopped replication execution \(execution) of \(target.instance.name)")
    }
}
