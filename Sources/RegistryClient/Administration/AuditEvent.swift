import Foundation

/// One entry of a Harbor instance's own audit log (`auditlog-exts`): who did what to which resource.
public struct AuditEvent: Sendable, Hashable, Identifiable {
    public var id: Int
    public var time: Date?
    public var username: String
    /// The resource's name: `lib/app:v1`, `robot$ops`.
    public var resource: String
    /// `artifact`, `robot`, `project`, …
    public var resourceType: String
    /// `create`, `delete`, `pull`, `update`, …
    public var operation: String
    public var detail: String?
    public var succeeded: Bool

    /// Creates an entry.
    public init(
        id: Int, time: Date?, username: String, resource: String, resourceType: String, operation: String,
        detail: String? = nil, succeeded: Bool
    ) {
        self.id = id
        self.time = time
        self.username = username
        self.resource = resource
        self.resourceType = resourceType
        self.operation = operation
        self.detail = detail
        self.succeeded = succeeded
    }
}
