import Foundation

/// Repository triggers: webhooks ACR calls after a build.
extension ACRProvider: TriggerManaging {
    public func triggers(repository: String) async throws -> [RepositoryTrigger] {
        let list: ACRTriggerList = try await client.call(.listRepoTrigger, try await repositoryParameters(repository))
        return list.triggers.map(Self.trigger)
    }

    public func createTrigger(repository: String, _ trigger: RepositoryTrigger) async throws -> String {
        try instance.requireWritable(to: "create triggers")
        try trigger.validate()
        let created: ACRCreated = try await client.call(
            .createRepoTrigger, try await triggerParameters(repository, trigger))
        return try Self.createdID(created.TriggerId, action: .createRepoTrigger)
    }

    public func updateTrigger(repository: String, _ trigger: RepositoryTrigger) async throws {
        try instance.requireWritable(to: "edit triggers")
        try trigger.validate()
        var parameters = try await triggerParameters(repository, trigger)
        parameters["TriggerId"] = trigger.id
        try await client.perform(.updateRepoTrigger, parameters)
    }

    public func deleteTrigger(repository: String, id: String) async throws {
        try instance.requireWritable(to: "delete triggers")
        var parameters = try await repositoryParameters(repository)
        parameters["TriggerId"] = id
        try await client.perform(.deleteRepoTrigger, parameters)
    }

    private func triggerParameters(_ repository: String, _ trigger: RepositoryTrigger) async throws -> ACRParameters {
        var parameters = try await repositoryParameters(repository)
        parameters["TriggerName"] = trigger.name
        parameters["TriggerUrl"] = trigger.url
        switch trigger.match {
        case .allTags:
            parameters["TriggerType"] = "ALL"
            parameters["TriggerTag"] = "*"
        case .tags(let tags):
            parameters["TriggerType"] = "TAG_LIST"
            parameters.set("TriggerTag", jsonList: tags)
        case .regularExpression(let pattern):
            parameters["TriggerType"] = "TAG_REG_EXP"
            parameters["TriggerTag"] = pattern
        }
        return parameters
    }

    /// A listed trigger; a tag list is a JSON array in one string (the docs also spell the
    /// type `TAG_LISTTAG`).
    static func trigger(_ record: ACRTriggerRecord) -> RepositoryTrigger {
        let tag = record.TriggerTag ?? ""
        let match: RepositoryTrigger.Match =
            switch record.TriggerType?.uppercased() ?? "ALL" {
            case "TAG_LIST", "TAG_LISTTAG":
                .tags(
                    (try? JSONDecoder().decode([String].self, from: Data(tag.utf8)))
                        ?? tag.split(separator: ",").map(String.init))
            case "TAG_REG_EXP": .regularExpression(tag)
            default: .allTags
            }
        return RepositoryTrigger(
            id: record.TriggerId, name: record.TriggerName ?? "", url: record.TriggerUrl ?? "", match: match,
            event: record.RepoEvent)
    }
}
