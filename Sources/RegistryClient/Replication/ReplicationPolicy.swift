import Foundation

/// A Harbor replication policy: which repositories it copies between this Harbor and a remote
/// registry, into which namespace, on which trigger.
public struct ReplicationPolicy: Sendable, Hashable, Identifiable {
    /// One side of a policy: this Harbor (id 0) or a registry endpoint configured in it.
    public struct Endpoint: Sendable, Hashable {
        public var id: Int
        /// The endpoint's name; `Local` for this Harbor.
        public var name: String
        public var url: String?
        /// `harbor`, `docker-hub`, …
        public var type: String?

        public init(id: Int, name: String, url: String? = nil, type: String? = nil) {
            self.id = id
            self.name = name
            self.url = url
            self.type = type
        }

        /// Whether this side is the Harbor the policy belongs to.
        public var isLocal: Bool { id == 0 }
    }

    /// A resource filter: `type` name, tag, label or resource; `decoration` matches or excludes.
    public struct Filter: Sendable, Hashable {
        public var type: String
        public var value: String
        public var decoration: String?

        public init(type: String, value: String, decoration: String? = nil) {
            self.type = type
            self.value = value
            self.decoration = decoration
        }

        /// `name=ns/**`, or `tag!=dev*` for an excluding filter.
        public var summary: String {
            "\(type)\(decoration?.lowercased() == "excludes" ? "!=" : "=")\(value)"
        }
    }

    public var id: Int
    public var name: String
    public var description: String?
    public var source: Endpoint
    public var destination: Endpoint
    /// Where copies go on the destination; nil keeps the source's namespace.
    public var destinationNamespace: String?
    /// `manual`, `scheduled` or `event_based`.
    public var trigger: String
    /// The cron expression of a scheduled trigger.
    public var cron: String?
    public var filters: [Filter]
    public var enabled: Bool
    public var override: Bool
    public var replicatesDeletion: Bool
    /// Bandwidth limit per task in KB/s; nil or ≤ 0 is unlimited.
    public var speed: Int?
    public var updated: Date?

    public init(
        id: Int, name: String, description: String? = nil, source: Endpoint, destination: Endpoint,
        destinationNamespace: String? = nil, trigger: String, cron: String? = nil, filters: [Filter] = [],
        enabled: Bool, override: Bool = false, replicatesDeletion: Bool = false, speed: Int? = nil,
        updated: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.source = source
        self.destination = destination
        self.destinationNamespace = destinationNamespace
        self.trigger = trigger
        self.cron = cron
        self.filters = filters
        self.enabled = enabled
        self.override = override
        self.replicatesDeletion = replicatesDeletion
        self.speed = speed
        self.updated = updated
    }

    /// `push` when this Harbor is the source, `pull` when it is the destination.
    public var direction: String { source.isLocal ? "push" : "pull" }

    /// `Local → dr-harbor/backup`: the endpoints' names, with the destination namespace.
    public var route: String {
        let namespace = destinationNamespace.map { $0.isEmpty ? "" : "/\($0)" } ?? ""
        return "\(source.name) → \(destination.name)\(namespace)"
    }

    /// `scheduled (0 0 3 * * *)`, or the trigger's word.
    public var triggerSummary: String {
        guard let cron, !cron.isEmpty, trigger == "scheduled" else { return trigger }
        return "\(trigger) (\(cron))"
    }
}
