/// Which provider serves an instance.
public enum InstanceKind: String, Sendable, Codable, CaseIterable {
    /// OCI distribution / Docker registry v2 (CNCF distribution, Zot, Harbor's registry, GHCR…).
    case distribution
    /// Alibaba Cloud Container Registry Enterprise Edition.
    case acr
    /// Harbor's own API.
    case harbor
}
