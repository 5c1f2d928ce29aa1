import Foundation

/// Harbor's replication (system level): `/replication/policies`, `/replication/executions` and
/// their tasks and logs. Enabling a policy writes it back whole, as Harbor's `PUT` expects.
extension HarborProvider: ReplicationPolicyManaging {
    static let replicationPolicies = HarborPath.root.appending("replication/policies")
    static let replicationExecutions = HarborPath.root.appending("replication/executions")

    public func replicationPolicies() async throws -> [ReplicationPolicy] {
        let pages: AsyncThrowingStream<[HarborReplicationPolicyRecord], any Error> = client.pages(
            Self.replicationPolicies, operation: "listing replication policies")
        var policies: [ReplicationPolicy] = []
        for try await page in pages { policies += page.map(Self.policy) }
        return policies
    }

    public func replicationPolicy(id: Int) async throws -> ReplicationPolicy {
        Self.policy(try await policyRecord(id: id))
    }

    public func replicationExecutions(
        policyID: Int?, status: String?, limit: Int
    ) async throws -> [ReplicationExecution] {
        var query: [(String, String)] = []
        if let policyID { query.append(("policy_id", String(policyID))) }
        if let status { query.append(("status", status)) }
        let records: [HarborReplicationExecutionRecord] = try await newest(
            Self.replicationExecutions, query: query, limit: limit, operation: "listing replication executions")
        return records.map(Self.execution).sorted { $0.id > $1.id }
    }

    public func replicationExecution(id: Int) async throws -> ReplicationExecution {
        Self.execution(
            try await client.get(
                Self.replicationExecutions.appending(name: String(id)), as: HarborReplicationExecutionRecord.self,
                operation: "reading replication execution \(id)"))
    }

    public func replicationTasks(executionID: Int, status: String?) async throws -> [ReplicationTask] {
        let pages: AsyncThrowingStream<[HarborReplicationTaskRecord], any Error> = client.pages(
            Self.replicationExecutions.appending(name: String(executionID)).appending("tasks"),
            query: status.map { [("status", $0)] } ?? [],
            operation: "listing the tasks of replication execution \(executionID)")
        var tasks: [ReplicationTask] = []
        for try await page in pages { tasks += page.map { Self.task($0, execution: executionID) } }
        return tasks
    }

    public func replicationTaskLog(executionID: Int, taskID: Int) async throws -> String {
        try await client.text(
            Self.replicationExecutions.appending(name: String(executionID)).appending("tasks")
                .appending(name: String(taskID)).appending("log"),
            operation: "reading the log of replication task \(taskID)")
    }

    /// Starts an execution; a disabled policy is refused with a hint to enable it.
    public func startReplication(policyID: Int) async throws -> Int {
        try instance.requireWritable(to: "run replication policies")
        let result: HarborClient.WriteResult
        do {
            result = try await client.send(
                .post, Self.replicationExecutions, json: ["policy_id": policyID],
                operation: "starting replication policy \(policyID)")
        } catch let error as RegistryError where error.status == 412 {
            throw RegistryError(
                .refused, "replication policy \(policyID) on \(instance.name) is disabled, so Harbor will not run it",
                hint: "enable it first: regconsole replication enable \(instance.name) \(policyID)")
        }
        guard let id = result.createdID.flatMap({ Int($0) }) else {
            throw RegistryError(
                .invalidResponse,
                "Harbor at \(client.host) started replication policy \(policyID) but named no execution (no Location header)",
                hint: "list the executions: regconsole replication executions \(instance.name) --policy \(policyID)")
        }
        return id
    }

    public func stopReplication(executionID: Int) async throws {
        try instance.requireWritable(to: "stop replication executions")
        try await client.send(
            .put, Self.replicationExecutions.appending(name: String(executionID)),
            operation: "stopping replication execution \(executionID)")
    }

    public func setReplicationPolicy(id: Int, enabled: Bool) async throws {
        try instance.requireWritable(to: "\(enabled ? "enable" : "disable") replication policies")
        var record = try await policyRecord(id: id)
        record.enabled = enabled
        try await client.send(
            .put, Self.replicationPolicies.appending(name: String(id)), json: record,
            operation: "\(enabled ? "enabling" : "disabling") replication policy \(id)")
    }

    /// The first `limit` items of a list Harbor sorts newest first: one page when they fit in one,
    /// else pages of 100 until there are enough.
    func newest<Item: Decodable & Sendable>(
        _ path: HarborPath, query: [(String, String)] = [], headers: HTTPHeaders = [:], limit: Int, operation: String
    ) async throws -> [Item] {
        guard limit > HarborPage.maxSize else {
            let page: [Item]? = try await client.get(
                path, query: query + [("page", "1"), ("page_size", String(max(1, limit)))], headers: headers,
                operation: operation)
            return page ?? []
        }
        var items: [Item] = []
        let pages: AsyncThrowingStream<[Item], any Error> = client.pages(
            path, query: query, headers: headers, operation: operation)
        for try await page in pages {
            items += page
            if items.count >= limit { break }
        }
        return Array(items.prefix(limit))
    }

    private func policyRecord(id: Int) async throws -> HarborReplicationPolicyRecord {
        try await client.get(
            Self.replicationPolicies.appending(name: String(id)), operation: "reading replication policy \(id)")
    }

    static func policy(_ record: HarborReplicationPolicyRecord) -> ReplicationPolicy {
        ReplicationPolicy(
            id: record.id, name: record.name, description: record.description.flatMap { $0.isEmpty ? nil : $0 },
            source: endpoint(record.srcRegistry), destination: endpoint(record.destRegistry),
            destinationNamespace: record.destNamespace.flatMap { $0.isEmpty ? nil : $0 },
            trigger: record.trigger?.type ?? "manual", cron: record.trigger?.triggerSettings?.cron,
            filters: (record.filters ?? []).map {
                ReplicationPolicy.Filter(type: $0.type ?? "", value: $0.value?.text ?? "", decoration: $0.decoration)
            },
            enabled: record.enabled ?? false, override: record.override ?? false,
            replicatesDeletion: record.replicateDeletion ?? false, speed: record.speed, updated: record.updateTime?.date
        )
    }

    static func endpoint(_ record: HarborReplicationPolicyRecord.Registry?) -> ReplicationPolicy.Endpoint {
        let id = record?.id ?? 0
        let name = record?.name.flatMap { $0.isEmpty ? nil : $0 } ?? (id == 0 ? "Local" : "registry \(id)")
        return ReplicationPolicy.Endpoint(id: id, name: name, url: record?.url, type: record?.type)
    }

    static func execution(_ record: HarborReplicationExecutionRecord) -> ReplicationExecution {
        ReplicationExecution(
            id: record.id, policyID: record.policyID ?? 0, status: HarborJobStatus(record.status),
            statusText: record.statusText.flatMap { $0.isEmpty ? nil : $0 }, trigger: record.trigger ?? "",
            started: record.startTime?.date, ended: record.endTime?.date, total: record.total ?? 0,
            failed: record.failed ?? 0, succeeded: record.succeed ?? 0, inProgress: record.inProgress ?? 0,
            stopped: record.stopped ?? 0)
    }

    static func task(_ record: HarborReplicationTaskRecord, execution: Int) -> ReplicationTask {
        ReplicationTask(
            id: record.id, executionID: record.executionID ?? execution, status: HarborJobStatus(record.status),
            operation: record.operation, resourceType: record.resourceType, source: record.srcResource ?? "",
            destination: record.dstResource ?? "", started: record.startTime?.date, ended: record.endTime?.date)
    }
}
