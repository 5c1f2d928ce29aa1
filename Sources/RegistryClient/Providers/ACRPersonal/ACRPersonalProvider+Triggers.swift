/// Repository webhooks: Personal Edition's triggers, called after a push or build.
extension ACRPersonalProvider: TriggerManaging {
    public func triggers(repository: String) async throws -> [RepositoryTrigger] {
        let list: ACRPersonalWebhookList = try await client.call(
            ACRPersonalRequest("GetRepoWebhook", path: try Self.repositoryPath(repository) + ["webhooks"]))
        return list.webhooks.map(Self.trigger)
    }

    public func createTrigger(repository: String, _ trigger: RepositoryTrigger) async throws -> String {
        try instance.requireWritable(to: "create triggers")
        try trigger.validate()
        let created: ACRPersonalCreated = try await client.call(
            try ACRPersonalRequest(
                "CreateRepoWebhook", .put, path: try Self.repositoryPath(repository) + ["webhooks"], wrapper: "Webhook",
                fields: Self.webhookFields(trigger)))
        return try ACRProvider.createdID(created.webhookId?.text, action: "CreateRepoWebhook")
    }

    public func updateTrigger(repository: String, _ trigger: RepositoryTrigger) async throws {
        try instance.requireWritable(to: "edit triggers")
        try trigger.validate()
        try await client.perform(
            try ACRPersonalRequest(
                "UpdateRepoWebhook", .post, path: try Self.repositoryPath(repository) + ["webhooks", trigger.id],
                wrapper: "Webhook", fields: Self.webhookFields(trigger)))
    }

    public func deleteTrigger(repository: String, id: String) async throws {
        try instance.requireWritable(to: "delete triggers")
        try await client.perform(
            ACRPersonalRequest(
                "DeleteRepoWebhook", .delete, path: try Self.repositoryPath(repository) + ["webhooks", id]))
    }

    private static func webhookFields(_ trigger: RepositoryTrigger) -> [String: any Sendable] {
        var fields: [String: any Sendable] = ["WebhookName": trigger.name, "WebhookUrl": trigger.url]
        switch trigger.match {
        case .allTags:
            fields["TriggerType"] = "ALL"
        case .tags(let tags):
            fields["TriggerType"] = "TAG_LIST"
            fields["TriggerList"] = tags
        case .regularExpression(let pattern):
            fields["TriggerType"] = "TAG_REG_EXP"
            fields["TriggerList"] = [pattern]
        }
        return fields
    }

    static func trigger(_ record: ACRPersonalWebhookRecord) -> RepositoryTrigger {
        let list = record.triggerList ?? []
        let match: RepositoryTrigger.Match =
            switch record.triggerType?.uppercased() ?? "ALL" {
            case "TAG_LIST": .tags(list)
            case "TAG_REG_EXP": .regularExpression(list.first ?? "")
            default: .allTags
            }
        return RepositoryTrigger(
            id: record.webhookId.text, name: record.webhookName ?? "", url: record.webhookUrl ?? "", match: match)
    }
}
