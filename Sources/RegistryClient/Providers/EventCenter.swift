/// A provider with an event center (ACR): rules that notify about builds, scans, replication and
/// chains, and the record of what was sent. Rules are created in the registry's web console; the
/// API lists, overwrites and deletes them.
public protocol EventCenter: RegistryProvider {
    /// The rules, with type and channel where recent records tell them.
    func eventRules() async throws -> [EventRule]
    /// Overwrites a rule with `settings` (every field is sent).
    func updateEventRule(id: String, _ settings: EventRuleSettings) async throws
    func deleteEventRule(id: String) async throws
    /// Delivered notifications, newest first as the server lists them, optionally of one rule.
    func eventRecords(ruleID: String?) -> AsyncThrowingStream<[EventRecord], any Error>
}
