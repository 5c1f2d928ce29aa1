/// A replication policy (`GET|PUT /replication/policies/{id}`), read and written back whole: a
/// `PUT` replaces every field, so enabling one keeps everything else as Harbor sent it. The
/// registries' credentials come back masked (`*****`) and are never sent: Harbor reads only their
/// ids on a `PUT`.
struct HarborReplicationPolicyRecord: Codable, Sendable {
    var id: Int
    var name: String
    var description: String?
    var srcRegistry: Registry?
    var destRegistry: Registry?
    var destNamespace: String?
    var destNamespaceReplaceCount: Int?
    var trigger: Trigger?
    var filters: [Filter]?
    var replicateDeletion: Bool?
    var override: Bool?
    var enabled: Bool?
    var creationTime: HarborTime?
    var updateTime: HarborTime?
    var speed: Int?
    var copyByChunk: Bool?
    var singleActiveReplication: Bool?

    /// A registry endpoint; id 0 (or none) is this Harbor.
    struct Registry: Codable, Sendable {
        var id: Int?
        var name: String?
        var url: String?
        var type: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id ?? 0, forKey: .id)
        }
    }

    struct Trigger: Codable, Sendable {
        var type: String?
        var triggerSettings: Settings?

        struct Settings: Codable, Sendable {
            var cron: String?
        }

        enum CodingKeys: String, CodingKey {
            case type
            case triggerSettings = "trigger_settings"
        }
    }

    /// A filter; `value` is a text for name, tag and resource filters and a list for labels.
    struct Filter: Codable, Sendable {
        var type: String?
        var value: Value?
        var decoration: String?

        enum Value: Codable, Sendable {
            case text(String)
            case list([String])

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let list = try? container.decode([String].self) {
                    self = .list(list)
                } else {
                    self = .text(try container.decode(String.self))
                }
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .text(let text): try container.encode(text)
                case .list(let list): try container.encode(list)
                }
            }

            /// The text, or the list joined by `,`.
            var text: String {
                switch self {
                case .text(let text): text
                case .list(let list): list.joined(separator: ",")
                }
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, trigger, filters, override, enabled, speed
        case srcRegistry = "src_registry"
        case destRegistry = "dest_registry"
        case destNamespace = "dest_namespace"
        case destNamespaceReplaceCount = "dest_namespace_replace_count"
        case replicateDeletion = "replicate_deletion"
        case creationTime = "creation_time"
        case updateTime = "update_time"
        case copyByChunk = "copy_by_chunk"
        case singleActiveReplication = "single_active_replication"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(srcRegistry, forKey: .srcRegistry)
        try container.encodeIfPresent(destRegistry, forKey: .destRegistry)
        try container.encodeIfPresent(destNamespace, forKey: .destNamespace)
        try container.encodeIfPresent(destNamespaceReplaceCount, forKey: .destNamespaceReplaceCount)
        try container.encodeIfPresent(trigger, forKey: .trigger)
        try container.encodeIfPresent(filters, forKey: .filters)
        try container.encodeIfPresent(replicateDeletion, forKey: .replicateDeletion)
        try container.encodeIfPresent(override, forKey: .override)
        try container.encodeIfPresent(enabled, forKey: .enabled)
        try container.encodeIfPresent(speed, forKey: .speed)
        try container.encodeIfPresent(copyByChunk, forKey: .copyByChunk)
        try container.encodeIfPresent(singleActiveReplication, forKey: .singleActiveReplication)
    }
}
