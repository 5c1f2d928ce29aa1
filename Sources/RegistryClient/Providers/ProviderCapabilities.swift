/// What a provider can do, so screens and commands offer only what works.
public struct ProviderCapabilities: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Deleting manifests by digest (removes every tag on it).
    public static let deleteManifest = ProviderCapabilities(rawValue: 1 << 0)
    /// Deleting a single tag without touching its digest's other tags.
    public static let deleteTag = ProviderCapabilities(rawValue: 1 << 1)
    /// Listing referrers (signatures, SBOMs, scan reports).
    public static let referrers = ProviderCapabilities(rawValue: 1 << 2)
    /// Namespaces are real server objects that can be created and edited (ACR).
    public static let manageNamespaces = ProviderCapabilities(rawValue: 1 << 3)
    /// Repositories can be created and edited (ACR).
    public static let manageRepositories = ProviderCapabilities(rawValue: 1 << 4)
    /// The server scans images (ACR).
    public static let serverScan = ProviderCapabilities(rawValue: 1 << 5)
    /// Lifecycle rules live on the server (ACR).
    public static let serverLifecycle = ProviderCapabilities(rawValue: 1 << 6)
}
