import Foundation

/// Replication to other instances: sync rules, their tasks, and one-off copies.
extension ACRProvider: Replicating {
    /// Every rule of the instance (listed whole: rules are few), narrowed to those covering the
    /// namespace or repository; the server's own filters only match a rule's names exactly.
    public func syncRules(namespace: String?, repository: String?) async throws -> [SyncRule] {
        var rules: [SyncRule] = []
        let pages: AsyncThrowingStream<[ACRSyncRuleRecord], any Error> = client.pages(
            .listRepoSyncRule, ["InstanceId": instanceID], itemsKey: "SyncRules")
        for try await page in pages { rules += page.map(Self.syncRule) }
        if let repository { return rules.filter { $0.covers(repository: repository) } }
        if let namespace {
            return rules.filter { $0.scope == .instance || $0.source.namespace == namespace }
        }
        return rules
    }

    public func createSyncRule(_ rule: SyncRule) async throws -> String {
        try instance.requireWritable(to: "create sync rules")
        try rule.validate()
        var parameters: ACRParameters = [
            "InstanceId": instanceID, "SyncRuleName": rule.name, "SyncScope": rule.scope.rawValue,
            "SyncTrigger": rule.trigger.rawValue, "TagFilter": rule.tagFilter, "TargetRegionId": rule.target.region,
            "TargetInstanceId": rule.target.instanceID, "NamespaceName": rule.source.namespace,
            "TargetNamespaceName": rule.target.namespace,
        ]
        if rule.scope == .repository {
            parameters["RepoName"] = rule.source.repository
            parameters["TargetRepoName"] = rule.target.repository
        }
        if rule.scope == .instance { parameters["NamespaceNameFilter"] = rule.namespaceFilter.nonEmpty }
        if rule.scope != .repository { parameters["RepoNameFilter"] = rule.repositoryFilter.nonEmpty }
        parameters.set("Priority", rule.priority)
        let created: ACRCreated = try await client.call(.createRepoSyncRule, parameters)
        return try Self.createdID(created.SyncRuleId, action: .createRepoSyncRule)
    }

    public func deleteSyncRule(id: String) async throws {
        try instance.requireWritable(to: "delete sync rules")
        try await client.perform(.deleteRepoSyncRule, ["InstanceId": instanceID, "SyncRuleId": id])
    }

    public func syncTasks(repository: String?, tag: String?) -> AsyncThrowingStream<[SyncTask], any Error> {
        var parameters: ACRParameters = ["InstanceId": instanceID, "Tag": tag]
        if let repository, let parts = try? Self.split(repository) {
            parameters["RepoNamespaceName"] = parts.0
            parameters["RepoName"] = parts.1
        }
        let pages: AsyncThrowingStream<[ACRSyncTaskRecord], any Error> = client.pages(
            .listRepoSyncTask, parameters, itemsKey: "SyncTasks")
        return pages.mapPages { $0.map(Self.syncTask) }
    }

    public func syncTask(id: String) async throws -> SyncTask {
        let record: ACRSyncTaskRecord = try await client.call(
            .getRepoSyncTask, ["InstanceId": instanceID, "SyncTaskId": id])
        return Self.syncTask(record)
    }

    public func startSync(ruleID: String, repository: String, tag: String) async throws -> String {
        try instance.requireWritable(to: "run sync rules")
        try Tag.requireValidName(tag)
        var parameters = try await repositoryParameters(repository)
        parameters["SyncRuleId"] = ruleID
        parameters["Tag"] = tag
        let created: ACRCreated = try await client.call(.createRepoSyncTaskByRule, parameters)
        return try Self.createdID(created.SyncTaskId, action: .createRepoSyncTaskByRule)
    }

    public func startSync(repository: String, tag: String, to target: ReplicaLocation) async throws -> String {
        try instance.requireWritable(to: "sync tags")
        try Tag.requireValidName(tag)
        guard let region = target.region, let instanceID = target.instanceID, let namespace = target.namespace,
            let name = target.repository
        else {
            throw RegistryError(
                .invalidReference, "a one-off sync needs the target's region, instance, namespace and repository",
                hint: "target \(target) is incomplete")
        }
        var parameters = try await repositoryParameters(repository)
        parameters["Tag"] = tag
        parameters["TargetRegionId"] = region
        parameters["TargetInstanceId"] = instanceID
        parameters["TargetNamespace"] = namespace
        parameters["TargetRepoName"] = name
        parameters["TargetTag"] = target.tag ?? tag
        let created: ACRCreated = try await client.call(.createRepoSyncTask, parameters)
        return try Self.createdID(created.SyncTaskId, action: .createRepoSyncTask)
    }

    public func cancelSyncTask(id: String) async throws {
        try instance.requireWritable(to: "cancel sync tasks")
        try await client.perform(.cancelRepoSyncTask, ["InstanceId": instanceID, "SyncTaskId": id])
    }

    static func syncRule(_ record: ACRSyncRuleRecord) -> SyncRule {
        let scope =
            record.SyncScope.flatMap { SyncRule.Scope(rawValue: $0.uppercased()) }
            ?? (record.LocalRepoName.nonEmpty != nil ? .repository : .namespace)
        return SyncRule(
            id: record.SyncRuleId, name: record.SyncRuleName ?? "", scope: scope,
            trigger: record.SyncTrigger.flatMap { SyncRule.Trigger(rawValue: $0.uppercased()) } ?? .automatic,
            tagFilter: record.TagFilter ?? ".*", namespaceFilter: record.NamespaceNameFilter.nonEmpty,
            repositoryFilter: record.RepoNameFilter.nonEmpty,
            source: ReplicaLocation(
                region: record.LocalRegionId, instanceID: record.LocalInstanceId,
                namespace: record.LocalNamespaceName, repository: record.LocalRepoName),
            target: ReplicaLocation(
                region: record.TargetRegionId, instanceID: record.TargetInstanceId,
                namespace: record.TargetNamespaceName, repository: record.TargetRepoName),
            priority: record.Priority?.value, created: record.CreateTime?.knownDate)
    }

    static func syncTask(_ record: ACRSyncTaskRecord) -> SyncTask {
        func location(_ image: ACRSyncTaskRecord.Image?) -> ReplicaLocation {
            ReplicaLocation(
                region: image?.RegionId, instanceID: image?.InstanceId, namespace: image?.RepoNamespaceName,
                repository: image?.RepoName, tag: image?.ImageTag)
        }
        let progress = record.LayerTasks.map { layers in
            SyncTask.Progress(
                syncedBytes: layers.map { Int64($0.SyncedSize?.value ?? 0) }.saturatingSum,
                totalBytes: layers.map { Int64($0.Size?.value ?? 0) }.saturatingSum,
                layersDone: layers.filter { SyncTaskStatus($0.TaskStatus ?? "") == .success }.count,
                layerCount: layers.count)
        }
        return SyncTask(
            id: record.SyncTaskId, ruleID: record.SyncRuleId.nonEmpty, batchID: record.SyncBatchTaskId.nonEmpty,
            status: SyncTaskStatus(record.TaskStatus ?? ""),
            trigger: record.TaskTrigger.flatMap { SyncRule.Trigger(rawValue: $0.uppercased()) },
            issue: record.TaskIssue.nonEmpty.map(SyncIssue.init), source: location(record.ImageFrom),
            target: location(record.ImageTo), created: record.CreateTime?.knownDate,
            modified: record.ModifiedTime?.knownDate, progress: progress)
    }
}
