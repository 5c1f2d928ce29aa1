/// A tag retention policy (`RetentionPolicy`, `GET|PUT /retentions/{id}`, `POST /retentions`).
struct HarborRetentionPolicyRecord: Codable, Sendable {
    /// `RetentionRuleTrigger`: `kind` `Schedule`, `settings.cron` (empty: by hand only).
    struct Trigger: Codable, Sendable {
        struct Settings: Codable, Sendable {
            var cron: String?
        }

        /// An object whose fields regconsole does not read (`references`).
        struct Opaque: Codable, Sendable {}

        var kind: String?
        var settings: Settings?
        var references: Opaque?
    }

    /// `RetentionPolicyScope`: `level` `project`, `ref` the project id.
    struct Scope: Codable, Sendable {
        var level: String?
        var ref: Int?
    }

    var id: Int?
    var algorithm: String?
    var rules: [HarborRetentionRuleRecord]?
    var trigger: Trigger?
    var scope: Scope?

    /// The record of `policy`, as Harbor's portal sends it.
    init(_ policy: HarborRetentionPolicy) {
        id = policy.id
        algorithm = policy.algorithm
        rules = policy.rules.map(HarborRetentionRuleRecord.init)
        trigger = Trigger(kind: "Schedule", settings: .init(cron: policy.schedule), references: .init())
        scope = Scope(level: "project", ref: policy.projectID)
    }

    /// The policy it describes; `projectID` when it names no scope.
    func policy(projectID: Int) -> HarborRetentionPolicy {
        HarborRetentionPolicy(
            id: id, projectID: scope?.ref ?? projectID, algorithm: algorithm ?? "or",
            rules: (rules ?? []).map(\.retentionRule), schedule: trigger?.settings?.cron ?? "")
    }
}
