/// A provider whose registry keeps its own list of accepted vulnerabilities (Harbor).
public protocol CVEAllowlisting: RegistryProvider {
    /// The allowlist that applies to a repository; nil when it has none.
    func cveAllowlist(repository: String) async throws -> CVEAllowlist?
}
