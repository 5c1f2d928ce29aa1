import Foundation

/// An instance's ArtifactLifecycleRules: ACR runs them on their schedule. Update replaces the whole
/// rule server-side, so every field is always sent. Changes are written to the audit log.
public struct ACRLifecycleRuleStore: LifecycleRuleStore {
    private let client: ACRClient
    private let instanceID: String
    private let instance: Instance
    private let audit: AuditLog

    /// The store of one ACR instance.
    public init(client: ACRClient, instanceID: String, instance: Instance, directories: XDGDirectories) {
        self.client = client
        self.instanceID = instanceID
        self.instance = instance
        self.audit = AuditLog(directories: directories)
    }

    public var runsOnServer: Bool { true }

    public func rules() async throws -> [LifecycleRule] {
        let pages: AsyncThrowingStream<[ACRLifecycleRuleRecord], any Error> = client.pages(
            .listArtifactLifecycleRule, ["InstanceId": instanceID], itemsKey: "Rules")
        return try await pages.collect().map(Self.rule)
    }

    /// Updates the rule when ACR has its id, creates it (and returns ACR's id) otherwise.
    public func save(_ rule: LifecycleRule) async throws -> LifecycleRule {
        try check(rule)
        try instance.requireWritable(to: "change rules")
        let exists = try await isStored(rule.id)
        var parameters = Self.parameters(of: rule)
        parameters["InstanceId"] = instanceID
        var saved = rule
        if exists {
            parameters["RuleId"] = rule.id
            try await client.perform(.updateArtifactLifecycleRule, parameters)
        } else {
            let created: ACRCreated = try await client.call(.createArtifactLifecycleRule, parameters)
            guard let id = created.RuleId else {
                throw RegistryError(.invalidResponse, "ACR created the rule but returned no RuleId")
            }
            saved.id = id
        }
        saved.schedule = rule.schedule ?? .week
        try audit.append(
            .init(
                action: exists ? "lifecycle-update" : "lifecycle-create", phase: "done",
                instance: instance.name, detail: "\(saved.id): \(saved.scope), keep \(saved.keepSummary)"))
        return saved
    }

    /// Whether ACR has a rule with this id; a new rule carries a local placeholder id, ACR's ids
    /// are `cralr-…`.
    private func isStored(_ id: String) async throws -> Bool {
        guard id.hasPrefix("cralr-") else { return false }
        do {
            _ =
                try await client.call(.getArtifactLifecycleRule, ["InstanceId": instanceID, "RuleId": id])
                as ACRLifecycleRuleRecord
            return true
        } catch let error as RegistryError where error.code == .notFound {
            return false
        }
    }

    public func delete(id: String) async throws {
        try instance.requireWritable(to: "change rules")
        try await client.perform(.deleteArtifactLifecycleRule, ["InstanceId": instanceID, "RuleId": id])
        try audit.append(.init(action: "lifecycle-delete", phase: "done", instance: instance.name, detail: id))
    }

    public func unsupportedFields(of rule: LifecycleRule) -> [LifecycleRule.Problem] {
        var problems: [LifecycleRule.Problem] = []
        if rule.keepPushedWithinDays != nil {
            problems.append(
                .init(
                    field: "keep_pushed_within_days",
                    message: "ACR rules cannot keep tags by age; keep by count and tag_regexp instead"))
        }
        if rule.retentionTagCount == nil {
            problems.append(.init(field: "retention_tag_count", message: "ACR rules need a count of tags to keep"))
        }
        if rule.deleteUntagged {
            problems.append(
                .init(
                    field: "delete_untagged",
                    message:
                        "an ACR rule deletes either tags or untagged manifests, not both; ACR's garbage collection removes untagged manifests"
                ))
        }
        if rule.schedule == .day {
            problems.append(.init(field: "schedule", message: "ACR runs rules weekly (WEEK) or monthly (MONTH)"))
        }
        if case .repository(let repository) = rule.scope, !repository.contains("/") {
            problems.append(.init(field: "repository", message: "ACR repositories are NAMESPACE/NAME"))
        }
        return problems
    }

    /// Every field, as Create and Update take them.
    static func parameters(of rule: LifecycleRule) -> ACRParameters {
        var parameters: ACRParameters = [
            "ScheduleTime": (rule.schedule ?? .week).rawValue, "TagRegexp": rule.tagRegexp,
        ]
        switch rule.scope {
        case .instance:
            parameters["Scope"] = "INSTANCE"
        case .namespace(let namespace):
            parameters["Scope"] = "NAMESPACE"
            parameters["NamespaceName"] = namespace
        case .repository(let repository):
            let slash = repository.firstIndex(of: "/") ?? repository.endIndex
            parameters["Scope"] = "REPO"
            parameters["NamespaceName"] = String(repository[..<slash])
            parameters["RepoName"] =
                slash == repository.endIndex ? "" : String(repository[repository.index(after: slash)...])
        }
        parameters.set("RetentionTagCount", rule.retentionTagCount)
        parameters.set("Auto", rule.auto)
        parameters.set("EnableDeleteTag", true)
        parameters.set("EnableDeleteUntaggedManifest", false)
        return parameters
    }

    static func rule(_ record: ACRLifecycleRuleRecord) -> LifecycleRule {
        let namespace = record.NamespaceName ?? ""
        let scope: LifecycleRule.Scope
        switch record.Scope?.uppercased() {
        case "REPO": scope = .repository("\(namespace)/\(record.RepoName ?? "")")
        case "NAMESPACE": scope = .namespace(namespace)
        default: scope = .instance
        }
        return LifecycleRule(
            id: record.RuleId, scope: scope, retentionTagCount: record.RetentionTagCount?.value,
            tagRegexp: record.TagRegexp.flatMap { $0.isEmpty ? nil : $0 },
            deleteUntagged: record.EnableDeleteUntaggedManifest ?? false,
            schedule: record.ScheduleTime.flatMap { LifecycleRule.Schedule(rawValue: $0.uppercased()) },
            auto: record.Auto ?? false)
    }
}
