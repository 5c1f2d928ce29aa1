import Foundation

/// Artifact subscriptions: rules that pull upstream tags into the instance, and their runs.
extension ACRProvider: Subscribing {
    public func subscriptionRules() async throws -> [SubscriptionRule] {
        var rules: [SubscriptionRule] = []
        let pages: AsyncThrowingStream<[ACRSubscriptionRuleRecord], any Error> = client.pages(
            .listArtifactSubscriptionRule, ["InstanceId": instanceID], itemsKey: "Rules")
        for try await page in pages { rules += page.map(Self.subscriptionRule) }
        return rules
    }

    public func saveSubscriptionRule(_ rule: SubscriptionRule) async throws -> String {
        try instance.requireWritable(to: "edit subscriptions")
        try rule.validate()
        var parameters: ACRParameters = [
            "InstanceId": instanceID, "SourceProvider": rule.upstream, "SourceNamespaceName": rule.upstreamNamespace,
            "SourceRepoName": rule.upstreamRepository, "NamespaceName": rule.namespace, "RepoName": rule.repository,
            "TagRegexp": rule.tagPattern,
        ]
        parameters.set("TagCount", rule.tagCount)
        parameters.set("Platform", list: rule.platforms)
        // Create types Override as a flag, Update as a string: both travel as "true"/"false".
        parameters.set("Override", rule.overwrite)
        if rule.id.isEmpty {
            let created: ACRCreated = try await client.call(.createArtifactSubscriptionRule, parameters)
            return try Self.createdID(created.RuleId, action: .createArtifactSubscriptionRule)
        }
        parameters["RuleId"] = rule.id
        try await client.perform(.updateArtifactSubscriptionRule, parameters)
        return rule.id
    }

    public func deleteSubscriptionRule(id: String) async throws {
        try instance.requireWritable(to: "delete subscriptions")
        try await client.perform(.deleteArtifactSubscriptionRule, ["InstanceId": instanceID, "RuleId": id])
    }

    public func runSubscription(ruleID: String) async throws -> String {
        try instance.requireWritable(to: "run subscriptions")
        let created: ACRCreated = try await client.call(
            .createArtifactSubscriptionTask, ["InstanceId": instanceID, "RuleId": ruleID])
        return try Self.createdID(created.TaskId, action: .createArtifactSubscriptionTask)
    }

    public func subscriptionTasks() -> AsyncThrowingStream<[SubscriptionTask], any Error> {
        let pages: AsyncThrowingStream<[ACRSubscriptionTaskRecord], any Error> = client.pages(
            .listArtifactSubscriptionTask, ["InstanceId": instanceID], itemsKey: "Tasks")
        return pages.mapPages { $0.map(Self.subscriptionTask) }
    }

    public func subscriptionTask(id: String) async throws -> SubscriptionTask {
        let record: ACRSubscriptionTaskRecord = try await client.call(
            .getArtifactSubscriptionTask, ["InstanceId": instanceID, "TaskId": id])
        return Self.subscriptionTask(record)
    }

    static func subscriptionRule(_ record: ACRSubscriptionRuleRecord) -> SubscriptionRule {
        SubscriptionRule(
            id: record.RuleId, upstream: record.SourceProvider ?? "", upstreamDomain: record.SourceDomain.nonEmpty,
            upstreamNamespace: record.SourceNamespaceName ?? "", upstreamRepository: record.SourceRepoName ?? "",
            namespace: record.NamespaceName ?? "", repository: record.RepoName ?? "",
            tagPattern: record.TagRegexp ?? "", tagCount: record.TagCount?.value ?? 0,
            platforms: record.Platform ?? [], overwrite: record.Override?.flag ?? false,
            created: record.CreateTime?.knownDate)
    }

    static func subscriptionTask(_ record: ACRSubscriptionTaskRecord) -> SubscriptionTask {
        let upstream = record.SourceProvider ?? ""
        let path = [record.SourceNamespaceName.nonEmpty, record.SourceRepoName.nonEmpty].compactMap { $0 }
        return SubscriptionTask(
            id: record.TaskId, type: record.TaskType.nonEmpty, status: record.TaskStatus ?? "",
            result: record.TaskResult.nonEmpty, message: record.Message.nonEmpty, upstream: upstream,
            upstreamPath: path.joined(separator: "/"),
            repository: "\(record.NamespaceName ?? "")/\(record.RepoName ?? "")",
            matchedTags: record.TagTotalCount?.value, pulledTags: record.TagSubscriptionCount?.value,
            started: record.StartTime?.knownDate, ended: record.EndTime?.knownDate)
    }
}
