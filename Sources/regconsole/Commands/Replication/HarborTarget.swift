import RegistryClient

extension DeliveryTarget {
    /// `INSTANCE` of a command for a Harbor capability (`replication`, `webhooks`); other
    /// registries get a usage error. With `writing`, a read-only instance is refused before
    /// anything is read or asked.
    static func harbor(
        _ text: String, context: CLIContext, command: String, writing verb: String? = nil
    ) async throws -> DeliveryTarget {
        let provider = try await context.session.provider(for: text)
        guard let capable = provider as? Capability else {
            let instance = provider.instance
            throw UsageError(
                description:
                    "\(command) need a Harbor instance: \(instance.name) is not one (\(instance.kind.rawValue))")
        }
        if let verb { try provider.instance.requireWritable(to: verb) }
        return DeliveryTarget(provider: capable, instance: provider.instance, repository: "")
    }
}

extension CLIContext {
    /// Runs, stops and switches of Harbor's replication and webhook policies, audited.
    var automation: AuditedAutomation { AuditedAutomation(audit: AuditLog(directories: directories)) }
}
