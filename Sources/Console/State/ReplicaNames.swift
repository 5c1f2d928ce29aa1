import RegistryClient

/// The session's instances by server id, so that a replica shows as `acr.beijing/ns/app:v1` rather
/// than `cn-beijing/cri-…/ns/app:v1`; a location on an instance the session does not see keeps
/// its region and id.
struct ReplicaNames: Sendable {
    private var names: [String: String] = [:]

    /// Reads the session's instances (listed once per session).
    static func load(from session: RegistrySession) async -> ReplicaNames {
        var directory = ReplicaNames()
        for instance in await session.instances() {
            guard let id = instance.serverID, directory.names[id] == nil else { continue }
            directory.names[id] = instance.name
        }
        return directory
    }

    /// The instance with server id `id`, when the session sees it.
    func name(of id: String?) -> String? { id.flatMap { names[$0] } }

    /// `NAME/namespace/repository[:tag]` for a known instance, else the location as it describes
    /// itself.
    func label(_ location: ReplicaLocation) -> String {
        guard let name = name(of: location.instanceID) else { return location.description }
        var unnamed = location
        unnamed.region = nil
        unnamed.instanceID = nil
        return "\(name)/\(unnamed)"
    }
}
