/// A provider whose API hands out temporary credentials for its registry (ACR, both editions).
public protocol RegistryLoginIssuing: RegistryProvider {
    /// Temporary credentials for the registry domain, valid `hours` (1–24) where the API lets the
    /// caller choose; the login's `expires` says what the server granted.
    func registryLogin(hours: Int) async throws -> RegistryLogin
}
