import Foundation

/// A finished server run of a retention policy read back: the execution, its tasks, and each
/// task's log parsed into per-tag results.
public struct RetentionServerRun: Sendable {
    public var execution: RetentionExecution
    public var tasks: [RetentionTask]
    /// The parsed log of each task, by task id.
    public var logs: [Int: RetentionTaskLog]

    /// Every tag's result, tasks in order.
    public var results: [RetentionTaskLog.TagResult] {
        tasks.flatMap { task in logs[task.id]?.tagResults(repository: task.repository) ?? [] }
    }

    /// How many artifacts the run deleted (`DEL` rows).
    public var deletedArtifacts: Int {
        logs.values.reduce(0) { $0 + $1.rows.count { $0.outcome == .delete } }
    }
}

extension RetentionPolicyManaging {
    /// Waits until the run ends, reading its state every `interval`; `progress` hears each reading.
    /// - Throws: `.timeout` when it has not ended after `timeout`.
    public func waitForRetention(
        policyID: Int, executionID: Int, timeout: Duration = .seconds(300), interval: Duration = .milliseconds(500),
        progress: @Sendable (RetentionExecution?) -> Void = { _ in }
    ) async throws -> RetentionExecution {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let execution = try await retentionExecutions(policyID: policyID).first { $0.id == executionID }
            progress(execution)
            if let execution, execution.isFinished { return execution }
            guard clock.now < deadline else {
                throw RegistryError(
                    .timeout,
                    "retention run \(executionID) of policy \(policyID) is still \(execution?.status ?? "unlisted") after \(timeout)",
                    hint: "it goes on in the server; its result is listed under the policy's runs")
            }
            try await Task.sleep(for: interval)
        }
    }

    /// Starts a run, waits for it to end and reads its tasks' logs.
    public func runRetention(
        policyID: Int, dryRun: Bool, timeout: Duration = .seconds(300), interval: Duration = .milliseconds(500),
        progress: @Sendable (RetentionExecution?) -> Void = { _ in }
    ) async throws -> RetentionServerRun {
        let id = try await startRetention(policyID: policyID, dryRun: dryRun)
        let execution = try await waitForRetention(
            policyID: policyID, executionID: id, timeout: timeout, interval: interval, progress: progress)
        return try await retentionRun(policyID: policyID, execution: execution)
    }

    /// Reads a run's tasks and their logs (4 at a time).
    public func retentionRun(policyID: Int, execution: RetentionExecution) async throws -> RetentionServerRun {
        let tasks = try await retentionTasks(policyID: policyID, executionID: execution.id)
        let logs = try await BoundedConcurrency.map(tasks, limit: 4) { task in
            let text = try await retentionTaskLog(policyID: policyID, executionID: execution.id, taskID: task.id)
            return (task.id, RetentionTaskLog(parsing: text))
        }
        return RetentionServerRun(
            execution: execution, tasks: tasks, logs: Dictionary(logs, uniquingKeysWith: { first, _ in first }))
    }

    /// regconsole's preview of the project's policy (per tag), as of `now`.
    public func retentionPreview(
        policy: HarborRetentionPolicy, project: String, now: Date = Date()
    ) async throws -> [RetentionVerdict] {
        let candidates = try await retentionCandidates(project: project)
        return RetentionEvaluator(policy: policy, project: project, now: now).verdicts(candidates)
    }
}
