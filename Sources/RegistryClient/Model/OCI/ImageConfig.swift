import Foundation

/// The image configuration blob (OCI or Docker), the fields a console shows.
public struct ImageConfig: Sendable, Codable {
    /// The runtime part of the config (`config` in JSON).
    public struct Runtime: Sendable, Codable {
        public var User: String?
        public var Env: [String]?
        public var Entrypoint: [String]?
        public var Cmd: [String]?
        public var WorkingDir: String?
        public var Labels: [String: String]?
        public var StopSignal: String?
        public var ExposedPorts: [String: EmptyObject]?
        public var Volumes: [String: EmptyObject]?
    }

    /// A `{}` value in maps such as `ExposedPorts`.
    public struct EmptyObject: Sendable, Codable {}

    /// One build step.
    public struct HistoryEntry: Sendable, Codable {
        public var created: String?
        public var created_by: String?
        public var author: String?
        public var comment: String?
        public var empty_layer: Bool?
    }

    /// The uncompressed layer digests.
    public struct RootFS: Sendable, Codable {
        public var type: String?
        public var diff_ids: [String]?
    }

    public var created: String?
    public var author: String?
    public var architecture: String?
    public var os: String?
    public var variant: String?
    public var config: Runtime?
    public var history: [HistoryEntry]?
    public var rootfs: RootFS?

    /// `created` as a date, when it is RFC 3339.
    public var createdDate: Date? { created.flatMap(RFC3339.parse) }

    /// The platform the config describes.
    public var platform: Platform? {
        guard let os, let architecture else { return nil }
        return Platform(os: os, architecture: architecture, variant: variant)
    }
}
