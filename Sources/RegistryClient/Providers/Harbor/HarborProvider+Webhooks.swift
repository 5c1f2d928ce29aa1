import Foundation

/// Harbor's project webhooks: `/projects/{project_name_or_id}/webhook/policies`, their executions
/// (v2.8+), tasks and logs. Projects are named (`X-Is-Resource-Name: true`, so a project called
/// `123` is not taken for an id); writes go to the policy's project id, which needs no header.
extension HarborProvider: WebhookManaging {
    static let byName: HTTPHeaders = ["X-Is-Resource-Name": "true"]

    public func webhookPolicies(project: String) async throws -> [WebhookPolicy] {
        let pages: AsyncThrowingStream<[HarborWebhookPolicyRecord], any Error> = client.pages(
            Self.webhookPolicies(of: project), headers: Self.byName,
            operation: "listing the webhook policies of project \(project)")
        var policies: [WebhookPolicy] = []
        for try await page in pages { policies += page.map { Self.webhook($0, project: project) } }
        return policies
    }

    public func webhookPolicy(project: String, id: Int) async throws -> WebhookPolicy {
        Self.webhook(try await webhookRecord(project: project, id: id), project: project)
    }

    public func webhookExecutions(project: String, policyID: Int, limit: Int) async throws -> [WebhookExecution] {
        let records: [HarborWebhookExecutionRecord] = try await newest(
            Self.webhookPolicy(policyID, of: project).appending("executions"), headers: Self.byName, limit: limit,
            operation: "listing the jobs of webhook policy \(policyID) in \(project)")
        return records.map { record in
            WebhookExecution(
                id: record.id, policyID: record.vendorID ?? policyID, status: HarborJobStatus(record.status),
                statusMessage: record.statusMessage.flatMap { $0.isEmpty ? nil : $0 },
                eventType: record.extraAttrs?.eventType, started: record.startTime?.date, ended: record.endTime?.date)
        }.sorted { $0.id > $1.id }
    }

    public func webhookTasks(project: String, policyID: Int, executionID: Int) async throws -> [WebhookTask] {
        let pages: AsyncThrowingStream<[HarborTaskRecord], any Error> = client.pages(
            Self.webhookExecution(executionID, policy: policyID, of: project).appending("tasks"),
            headers: Self.byName, operation: "listing the tasks of webhook job \(executionID)")
        var tasks: [WebhookTask] = []
        for try await page in pages {
            tasks += page.map { record in
                WebhookTask(
                    id: record.id, executionID: record.executionID ?? executionID,
                    status: HarborJobStatus(record.status),
                    statusMessage: record.statusMessage.flatMap { $0.isEmpty ? nil : $0 }, runCount: record.runCount,
                    started: record.startTime?.date, ended: record.endTime?.date)
            }
        }
        return tasks
    }

    public func webhookTaskLog(project: String, policyID: Int, executionID: Int, taskID: Int) async throws -> String {
        let path = Self.webhookExecution(executionID, policy: policyID, of: project).appending("tasks")
            .appending(name: String(taskID)).appending("log")
        return try await client.text(
            path, headers: Self.byName, operation: "reading the log of webhook task \(taskID)")
    }

    public func setWebhookPolicy(project: String, id: Int, enabled: Bool) async throws {
        try instance.requireWritable(to: "\(enabled ? "enable" : "disable") webhook policies")
        var record = try await webhookRecord(project: project, id: id)
        record.enabled = enabled
        try await client.send(
            .put, try writablePath(record, project: project), json: record,
            operation: "\(enabled ? "enabling" : "disabling") webhook policy \(id) of \(project)")
    }

    public func deleteWebhookPolicy(project: String, id: Int) async throws {
        try instance.requireWritable(to: "delete webhook policies")
        let record = try await webhookRecord(project: project, id: id)
        try await client.send(
            .delete, try writablePath(record, project: project),
            operation: "deleting webhook policy \(id) of \(project)")
    }

    private func webhookRecord(project: String, id: Int) async throws -> HarborWebhookPolicyRecord {
        try await client.get(
            Self.webhookPolicy(id, of: project), headers: Self.byName,
            operation: "reading webhook policy \(id) of \(project)")
    }

    /// `…/projects/{project_id}/webhook/policies/{id}`: the id, since writes send no name header.
    private func writablePath(_ record: HarborWebhookPolicyRecord, project: String) throws -> HarborPath {
        guard let projectID = record.projectID else {
            throw RegistryError(
                .invalidResponse,
                "Harbor at \(client.host) sent webhook policy \(record.id) of \(project) without its project id")
        }
        return Self.webhookPolicy(record.id, of: String(projectID))
    }

    static func webhookPolicies(of project: String) -> HarborPath {
        HarborPath.project(project).appending("webhook/policies")
    }

    static func webhookPolicy(_ id: Int, of project: String) -> HarborPath {
        webhookPolicies(of: project).appending(name: String(id))
    }

    static func webhookExecution(_ id: Int, policy: Int, of project: String) -> HarborPath {
        webhookPolicy(policy, of: project).appending("executions").appending(name: String(id))
    }

    static func webhook(_ record: HarborWebhookPolicyRecord, project: String) -> WebhookPolicy {
        WebhookPolicy(
            id: record.id, project: project, name: record.name ?? String(record.id),
            description: record.description.flatMap { $0.isEmpty ? nil : $0 }, enabled: record.enabled ?? false,
            eventTypes: record.eventTypes ?? [],
            targets: (record.targets ?? []).map { target in
                WebhookPolicy.Target(
                    type: target.type ?? "http", address: target.address ?? "",
                    hasAuthHeader: !(target.authHeader ?? "").isEmpty,
                    skipsCertificateCheck: target.skipCertVerify ?? false, payloadFormat: target.payloadFormat)
            }, creator: record.creator, updated: record.updateTime?.date)
    }
}
