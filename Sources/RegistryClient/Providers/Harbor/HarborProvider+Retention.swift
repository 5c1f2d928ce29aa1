import Foundation

/// Tag retention policies (`/retentions`), found through the project's `metadata.retention_id`.
extension HarborProvider: RetentionPolicyManaging {
    public func retentionPolicy(project: String) async throws -> HarborRetentionPolicy? {
        let record = try await projectRecord(project)
        guard let id = record.retentionID else { return nil }
        let policy: HarborRetentionPolicyRecord = try await client.get(
            Self.retentions.appending(name: String(id)), operation: "reading the retention policy of \(project)")
        var result = policy.policy(projectID: record.id)
        if result.id == nil { result.id = id }
        return result
    }

    public func projectID(of project: String) async throws -> Int {
        try await projectRecord(project).id
    }

    public func saveRetentionPolicy(_ policy: HarborRetentionPolicy) async throws -> HarborRetentionPolicy {
        try instance.requireWritable(to: "change retention policies")
        if let problem = policy.problems.first {
            throw RegistryError(.invalidReference, "the retention policy is not valid: \(problem)")
        }
        var saved = policy
        if let id = policy.id {
            try await client.send(
                .put, Self.retentions.appending(name: String(id)), json: HarborRetentionPolicyRecord(policy),
                operation: "saving retention policy \(id)")
        } else {
            let result = try await client.send(
                .post, Self.retentions, json: HarborRetentionPolicyRecord(policy),
                operation: "creating a retention policy for project \(policy.projectID)")
            saved.id = result.createdID.flatMap { Int($0) }
        }
        return saved
    }

    public func deleteRetentionPolicy(id: Int) async throws {
        try instance.requireWritable(to: "delete retention policies")
        try await client.send(
            .delete, Self.retentions.appending(name: String(id)), operation: "deleting retention policy \(id)")
    }

    public func startRetention(policyID: Int, dryRun: Bool) async throws -> Int {
        if !dryRun { try instance.requireWritable(to: "run retention policies") }
        let result = try await client.send(
            .post, executions(policyID), json: ["dry_run": dryRun],
            operation: "starting a \(dryRun ? "dry " : "")run of retention policy \(policyID)")
        guard let id = result.createdID.flatMap({ Int($0) }) else {
            throw RegistryError(
                .invalidResponse, "Harbor at \(client.host) started a retention run but did not say its id",
                hint: "its Location header is missing; the run is listed under the policy's executions")
        }
        return id
    }

    public func retentionExecutions(policyID: Int) async throws -> [RetentionExecution] {
        let pages: AsyncThrowingStream<[HarborRetentionExecutionRecord], any Error> = client.pages(
            executions(policyID), operation: "listing runs of retention policy \(policyID)", maxPages: 20)
        return try await pages.collect().map(\.execution)
    }

    public func retentionTasks(policyID: Int, executionID: Int) async throws -> [RetentionTask] {
        let pages: AsyncThrowingStream<[HarborRetentionTaskRecord], any Error> = client.pages(
            tasks(policyID, executionID), operation: "listing tasks of retention run \(executionID)")
        return try await pages.collect().map(\.task)
    }

    public func retentionTaskLog(policyID: Int, executionID: Int, taskID: Int) async throws -> String {
        try await client.text(
            tasks(policyID, executionID).appending(name: String(taskID)),
            operation: "reading the log of retention task \(taskID)")
    }

    public func retentionCandidates(project: String) async throws -> [RetentionCandidate] {
        let repositories = try await repositories(namespace: project).collect()
        let lists = try await BoundedConcurrency.map(repositories, limit: 4) { repository in
            try await artifacts(repository: repository.name).collect().map {
                Self.candidate($0, repository: repository.name)
            }
        }
        return lists.flatMap { $0 }
    }

    // MARK: Helpers

    static let retentions = HarborPath.root.appending("retentions")

    private func executions(_ policyID: Int) -> HarborPath {
        Self.retentions.appending(name: String(policyID)).appending("executions")
    }

    private func tasks(_ policyID: Int, _ executionID: Int) -> HarborPath {
        executions(policyID).appending(name: String(executionID)).appending("tasks")
    }

    func projectRecord(_ project: String) async throws -> HarborProjectRecord {
        try await client.get(
            HarborPath.project(project), headers: ["X-Is-Resource-Name": "true"],
            operation: "reading project \(project)")
    }

    static func candidate(_ record: HarborArtifactRecord, repository: String) -> RetentionCandidate {
        let tags = record.tags ?? []
        return RetentionCandidate(
            repository: record.repositoryName ?? repository, digest: record.digest.description, tags: tags.map(\.name),
            pushed: record.pushTime?.date, pulled: record.pullTime?.date,
            immutable: tags.contains { $0.immutable == true })
    }
}
