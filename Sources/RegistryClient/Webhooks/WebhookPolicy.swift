import Foundation

/// A project's webhook policy: which events it sends, and where. Secrets never reach this model:
/// each target's address has its credentials masked and its auth header is only known to exist.
public struct WebhookPolicy: Sendable, Hashable, Identifiable {
    /// Where a policy sends events.
    public struct Target: Sendable, Hashable {
        /// `http` or `slack`.
        public var type: String
        /// The address with the password of its userinfo and its query values masked (`***`).
        public var address: String
        /// Whether Harbor sends an `Authorization` header (whose value is a secret).
        public var hasAuthHeader: Bool
        public var skipsCertificateCheck: Bool
        /// `Default` or `CloudEvents`.
        public var payloadFormat: String?

        /// A target whose `address` is masked here, whatever it carries.
        public init(
            type: String, address: String, hasAuthHeader: Bool, skipsCertificateCheck: Bool = false,
            payloadFormat: String? = nil
        ) {
            self.type = type
            self.address = URLCredentialMask.mask(address)
            self.hasAuthHeader = hasAuthHeader
            self.skipsCertificateCheck = skipsCertificateCheck
            self.payloadFormat = payloadFormat
        }
    }

    public var id: Int
    public var project: String
    public var name: String
    public var description: String?
    public var enabled: Bool
    /// `PUSH_ARTIFACT`, `SCANNING_FAILED`, …
    public var eventTypes: [String]
    public var targets: [Target]
    public var creator: String?
    public var updated: Date?

    public init(
        id: Int, project: String, name: String, description: String? = nil, enabled: Bool, eventTypes: [String],
        targets: [Target], creator: String? = nil, updated: Date? = nil
    ) {
        self.id = id
        self.project = project
        self.name = name
        self.description = description
        self.enabled = enabled
        self.eventTypes = eventTypes
        self.targets = targets
        self.creator = creator
        self.updated = updated
    }
}
