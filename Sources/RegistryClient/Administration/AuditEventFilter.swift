import Foundation

/// Which audit entries to read: exact user and operation, a resource or resource type by
/// substring, and a time window. Empty fields match everything.
public struct AuditEventFilter: Sendable, Hashable {
    public var user: String?
    /// A substring of the resource's name.
    public var resource: String?
    public var resourceType: String?
    public var operation: String?
    public var since: Date?
    public var until: Date?

    /// Creates a filter.
    public init(
        user: String? = nil, resource: String? = nil, resourceType: String? = nil, operation: String? = nil,
        since: Date? = nil, until: Date? = nil
    ) {
        self.user = user
        self.resource = resource
        self.resourceType = resourceType
        self.operation = operation
        self.since = since
        self.until = until
    }

    /// Whether nothing is filtered.
    public var isEmpty: Bool { self == AuditEventFilter() }
}
