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

extension AuditEventFilter {
    /// Whether `event` passes, as the server filters: user, operation and resource type exactly,
    /// the resource by substring, the time within the window.
    public func matches(_ event: AuditEvent) -> Bool {
        if let user, event.username != user { return false }
        if let operation, event.operation != operation { return false }
        if let resourceType, event.resourceType != resourceType { return false }
        if let resource, !event.resource.contains(resource) { return false }
        if let since, let time = event.time, time < since { return false }
        if let until, let time = event.time, time > until { return false }
        return true
    }
}
