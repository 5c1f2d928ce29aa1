/// A provider whose network access is managed through its API (ACR Enterprise): endpoints, the
/// internet access list, temporary registry logins and the fixed login password.
public protocol AccessManaging: RegistryLoginIssuing {
    /// The internet endpoint (with its access list) and the VPC endpoint (with its linked VPCs).
    func endpoints() async throws -> [InstanceEndpoint]
    /// Switches the internet endpoint on or off; the switch takes effect asynchronously.
    func setInternetEndpoint(enabled: Bool) async throws
    /// Adds entries to the internet access list; every entry is checked before any is sent.
    func addACLEntries(_ entries: [ACLEntry]) async throws
    func removeACLEntries(_ entries: [String]) async throws
    /// Replaces the instance's fixed login password (8–32 characters of at least two kinds).
    func resetLoginPassword(_ password: String) async throws
}
