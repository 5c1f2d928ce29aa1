/// An OS/architecture pair, as in an index's `platform` or an image config.
public struct Platform: Hashable, Sendable, Codable, CustomStringConvertible {
    public var architecture: String
    public var os: String
    public var variant: String?
    public var osVersion: String?

    enum CodingKeys: String, CodingKey {
        case architecture, os, variant
        case osVersion = "os.version"
    }

    /// Creates a platform.
    public init(os: String, architecture: String, variant: String? = nil, osVersion: String? = nil) {
        self.os = os
        self.architecture = architecture
        self.variant = variant
        self.osVersion = osVersion
    }

    /// `os/architecture[/variant]`, e.g. `linux/arm64/v8`.
    public var description: String {
        [os, architecture, variant].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: "/")
    }

    /// BuildKit's attestation manifests carry `unknown/unknown`; they are not runnable platforms.
    public var isUnknown: Bool { os == "unknown" && architecture == "unknown" }
}
