/// The instance's event center: rules by name, overwritten or deleted, and delivered records.
extension ACRProvider: EventCenter {
    /// Rules by name, with type and channel taken from the newest 100 records that name them.
    public func eventRules() async throws -> [EventRule] {
        let names: ACRPage<ACREventRuleNameRecord> = try await client.call(
            .listEventCenterRuleName, ["InstanceId": instanceID], itemsKey: "RuleNames")
        var recent: [String: ACREventRecordRecord] = [:]
        if !names.items.isEmpty {
            let page: ACRPage<ACREventRecordRecord> = try await client.call(
                .listEventCenterRecord, ["InstanceId": instanceID, "PageNo": "1", "PageSize": "100"],
                itemsKey: "Records")
            for record in page.items.reversed() { if let rule = record.RuleId { recent[rule] = record } }
        }
        return names.items.map { name in
            let record = recent[name.RuleId]
            return EventRule(
                id: name.RuleId, name: name.RuleName ?? "", type: record?.EventType, channel: record?.EventChannel)
        }
    }

    public func updateEventRule(id: String, _ settings: EventRuleSettings) async throws {
        try instance.requireWritable(to: "edit event rules")
        try settings.validate()
        var parameters: ACRParameters = [
            "InstanceId": instanceID, "RuleId": id, "RuleName": settings.name, "EventType": settings.eventType,
            "EventScope": settings.scope.rawValue, "EventChannel": settings.channel,
            "RepoTagFilterPattern": settings.tagFilter,
        ]
        parameters.set(
            "EventConfig",
            json: [
                "notifyMethod": settings.notifyMethod, "notifyConfig": ["Url": settings.notifyURL],
                "notifyFilter": [String: String](),
            ])
        parameters.set("Namespaces", jsonList: settings.namespaces)
        parameters.set("RepoNames", jsonList: settings.repositories)
        try await client.perform(.updateEventCenterRule, parameters)
    }

    public func deleteEventRule(id: String) async throws {
        try instance.requireWritable(to: "delete event rules")
        try await client.perform(.deleteEventCenterRule, ["InstanceId": instanceID, "RuleId": id])
    }

    public func eventRecords(ruleID: String?) -> AsyncThrowingStream<[EventRecord], any Error> {
        let pages: AsyncThrowingStream<[ACREventRecordRecord], any Error> = client.pages(
            .listEventCenterRecord, ["InstanceId": instanceID, "RuleId": ruleID], itemsKey: "Records")
        return pages.mapPages { $0.map(Self.eventRecord) }
    }

    static func eventRecord(_ record: ACREventRecordRecord) -> EventRecord {
        let repository = record.Namespace.flatMap { namespace in record.RepoName.map { "\(namespace)/\($0)" } }
        return EventRecord(
            id: record.RecordId, ruleID: record.RuleId, ruleName: record.RuleName, type: record.EventType ?? "",
            channel: record.EventChannel, notifyMethod: record.EventNotifyMethod, repository: repository,
            tag: record.Tag, time: (record.CreateTime ?? record.UpdateTime)?.knownDate)
    }
}
