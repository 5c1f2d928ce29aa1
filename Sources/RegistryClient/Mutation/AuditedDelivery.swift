/// Changes to a repository's builds and triggers and an instance's event rules, each between
/// audit entries: what the console and the CLI both run. Trigger URLs are logged masked.
public struct AuditedDelivery: Sendable {
    private let audit: AuditLog

    /// Changes recorded in `audit`.
    public init(audit: AuditLog) {
        self.audit = audit
    }

    /// Creates a build rule (`rule.id` empty; returns the new id) or replaces one.
    @discardableResult
    public func saveBuildRule(
        _ rule: BuildRule, repository: String, on provider: any BuildManaging
    ) async throws
        -> String
    {
        let isNew = rule.id.isEmpty
        let detail =
            "\(isNew ? "new rule" : rule.id): \(rule.pushType.rawValue) \(rule.pushName) → \(rule.imageTag) "
            + "(\(rule.dockerfileLocation)\(rule.dockerfileName), \(rule.platforms.joined(separator: " ")))"
        return try await audit.recording(
            isNew ? "build-rule-create" : "build-rule-update", on: provider, repository: repository, detail: detail
        ) {
            if isNew { return try await provider.createBuildRule(repository: repository, rule) }
            try await provider.updateBuildRule(repository: repository, rule)
            return rule.id
        }
    }

    public func deleteBuildRule(id: String, repository: String, on provider: any BuildManaging) async throws {
        try await audit.recording("build-rule-delete", on: provider, repository: repository, detail: id) {
            try await provider.deleteBuildRule(repository: repository, id: id)
        }
    }

    /// Binds the repository to a source repository, or changes the binding.
    public func bindSourceCode(
        _ binding: SourceCodeBinding, repository: String, on provider: any BuildManaging
    ) async throws {
        let detail = "\(binding.summary), auto-build \(binding.autoBuild)"
        try await audit.recording("source-bind", on: provider, repository: repository, detail: detail) {
            try await provider.bindSourceCode(repository: repository, binding)
        }
    }

    /// Starts a build of a rule; returns the build's id.
    public func startBuild(ruleID: String, repository: String, on provider: any BuildManaging) async throws -> String {
        try await audit.recording("build-start", on: provider, repository: repository, detail: "rule \(ruleID)") {
            try await provider.startBuild(repository: repository, ruleID: ruleID)
        }
    }

    /// Runs an earlier build again; returns the new build's id.
    public func rebuild(recordID: String, repository: String, on provider: any BuildManaging) async throws -> String {
        try await audit.recording("build-rebuild", on: provider, repository: repository, detail: "build \(recordID)") {
            try await provider.rebuild(repository: repository, recordID: recordID)
        }
    }

    public func cancelBuild(recordID: String, repository: String, on provider: any BuildManaging) async throws {
        try await audit.recording("build-cancel", on: provider, repository: repository, detail: "build \(recordID)") {
            try await provider.cancelBuild(repository: repository, recordID: recordID)
        }
    }

    /// Creates a trigger (`trigger.id` empty; returns the new id) or replaces one.
    @discardableResult
    public func saveTrigger(
        _ trigger: RepositoryTrigger, repository: String, on provider: any TriggerManaging
    ) async throws -> String {
        let isNew = trigger.id.isEmpty
        let detail =
            "\(isNew ? "new trigger" : trigger.id) \(trigger.name): \(trigger.maskedURL) "
            + "on \(trigger.match.kind) \(trigger.match.text)"
        return try await audit.recording(
            isNew ? "trigger-create" : "trigger-update", on: provider, repository: repository, detail: detail
        ) {
            do {
                if isNew { return try await provider.createTrigger(repository: repository, trigger) }
                try await provider.updateTrigger(repository: repository, trigger)
                return trigger.id
            } catch var error as RegistryError {
                // A server that repeats the URL in its error must not put it in the log or on screen.
                error.message = error.message.replacingOccurrences(of: trigger.url, with: trigger.maskedURL)
                throw error
            }
        }
    }

    public func deleteTrigger(id: String, repository: String, on provider: any TriggerManaging) async throws {
        try await audit.recording("trigger-delete", on: provider, repository: repository, detail: id) {
            try await provider.deleteTrigger(repository: repository, id: id)
        }
    }

    /// Overwrites an event-center rule.
    public func updateEventRule(id: String, _ settings: EventRuleSettings, on provider: any EventCenter) async throws {
        let detail =
            "\(id) \(settings.name): \(settings.eventType) \(settings.scope.rawValue) → "
            + "\(settings.notifyMethod) \(URLCredentialMask.mask(settings.notifyURL))"
        try await audit.recording("event-rule-update", on: provider, detail: detail) {
            try await provider.updateEventRule(id: id, settings)
        }
    }

    public func deleteEventRule(id: String, on provider: any EventCenter) async throws {
        try await audit.recording("event-rule-delete", on: provider, detail: id) {
            try await provider.deleteEventRule(id: id)
        }
    }
}
