import RegistryClient

/// The Harbor project a `retention` or `immutability` command names (`INSTANCE/PROJECT`), on a
/// provider with the capability; other registries get a usage error.
struct HarborProjectTarget<Capability: Sendable> {
    let provider: Capability
    let instance: Instance
    let project: String

    /// Parses `INSTANCE/PROJECT`. With `writing`, a read-only instance is refused before anything
    /// is read or asked.
    static func parse(
        _ text: String, context: CLIContext, command: String, writing verb: String? = nil
    ) async throws -> Self {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw UsageError(description: "'\(text)' is not INSTANCE/PROJECT")
        }
        let provider = try await context.session.provider(for: parts[0])
        guard let capable = provider as? Capability else {
            throw UsageError(
                description:
                    "\(command) needs a Harbor instance: \(provider.instance.name) is not one (\(provider.instance.kind.rawValue))"
            )
        }
        if let verb, provider.instance.readOnly {
            throw RegistryError(
                .readOnly, "instance '\(provider.instance.name)' is read-only",
                hint: "drop --read-only, or read_only from its config entry, to \(verb)")
        }
        return Self(provider: capable, instance: provider.instance, project: parts[1])
    }

    /// `instance/project`, as the commands take it back.
    var reference: String { "\(instance.name)/\(project)" }
}

extension HarborProjectTarget where Capability == any RetentionPolicyManaging {
    /// The project's policy.
    /// - Throws: `.notFound` naming the command that creates one when there is none.
    func policy() async throws -> HarborRetentionPolicy {
        guard let policy = try await provider.retentionPolicy(project: project) else {
            throw RegistryError(
                .notFound, "\(reference) has no retention policy",
                hint: "add a rule with: regconsole retention rule add \(reference) --template latestPushedK --count 10")
        }
        return policy
    }
}
