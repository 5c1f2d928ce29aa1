/// Changes to an instance's endpoints, access list and login password, each between audit
/// entries. Passwords never reach the log: the entry says only that one was reset.
public struct AuditedAccess: Sendable {
    private let audit: AuditLog

    /// Changes recorded in `audit`.
    public init(audit: AuditLog) {
        self.audit = audit
    }

    public func setInternetEndpoint(enabled: Bool, on provider: any AccessManaging) async throws {
        try await audit.recording(enabled ? "endpoint-enable" : "endpoint-disable", on: provider, detail: "internet") {
            try await provider.setInternetEndpoint(enabled: enabled)
        }
    }

    public func addACLEntries(_ entries: [ACLEntry], on provider: any AccessManaging) async throws {
        let detail = entries.map { "\($0.entry)\($0.comment.map { " (\($0))" } ?? "")" }.joined(separator: ", ")
        try await audit.recording("acl-add", on: provider, detail: detail) { try await provider.addACLEntries(entries) }
    }

    public func removeACLEntries(_ entries: [String], on provider: any AccessManaging) async throws {
        try await audit.recording("acl-remove", on: provider, detail: entries.joined(separator: ", ")) {
            try await provider.removeACLEntries(entries)
        }
    }

    public func resetLoginPassword(_ password: String, on provider: any AccessManaging) async throws {
        try await audit.recording("password-reset", on: provider, detail: "fixed login password replaced") {
            try await provider.resetLoginPassword(password)
        }
    }

    /// Records that temporary credentials were written for `login.host` (never the password).
    public func recordLogin(_ login: RegistryLogin, destination: String, on provider: any RegistryLoginIssuing) throws {
        try audit.append(
            AuditLog.Entry(
                action: "login", phase: "done", instance: provider.instance.name, repository: nil,
                detail: "\(login.username)@\(login.host) → \(destination)"))
    }
}
