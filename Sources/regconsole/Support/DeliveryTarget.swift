import RegistryClient

/// The repository or instance a command for an ACR Enterprise capability (`builds`, `triggers`,
/// `events`, `chains`, `sync`, `subscriptions`, `endpoints`, `login`) names, on a provider with
/// that capability; other registries get a usage error.
struct DeliveryTarget<Capability: Sendable> {
    let provider: Capability
    /// The instance's name, as references spell it.
    let instance: Instance
    /// `namespace/name` within the instance; empty for an instance target.
    let repository: String

    /// `INSTANCE/NAMESPACE/NAME`. With `writing`, a read-only instance is refused before anything
    /// is read or asked.
    static func repository(
        _ text: String, context: CLIContext, command: String, writing verb: String? = nil
    ) async throws -> DeliveryTarget {
        let (provider, reference) = try await context.repository(text)
        let capable = try require(provider, command: command)
        guard reference.repository.contains("/") else {
            throw UsageError(description: "'\(text)' is not INSTANCE/NAMESPACE/NAME")
        }
        try requireWritable(provider.instance, verb)
        return DeliveryTarget(provider: capable, instance: provider.instance, repository: reference.repository)
    }

    /// `INSTANCE`. With `writing`, a read-only instance is refused before anything is read or asked.
    static func instance(
        _ text: String, context: CLIContext, command: String, writing verb: String? = nil
    ) async throws -> DeliveryTarget {
        let provider = try await context.session.provider(for: text)
        let capable = try require(provider, command: command)
        try requireWritable(provider.instance, verb)
        return DeliveryTarget(provider: capable, instance: provider.instance, repository: "")
    }

    /// `instance/namespace/name`, as the commands take it back.
    var reference: String { "\(instance.name)/\(repository)" }

    /// Asks before a delete, cancel or access change as other deletes do: the id typed out on a
    /// production instance, `y` otherwise; `--yes` without a terminal.
    func confirm(
        _ question: String, id: String, yes: Bool, action: Confirmation.Action = .delete
    ) throws {
        try Confirmation.ask(question, typing: instance.production ? id : nil, yes: yes, action: action)
    }

    /// Runs a call about one object (`build`, `build rule`, `trigger`) that the server may not
    /// know: its not-found answer becomes one naming the id and the command that lists them.
    func naming<Result>(
        _ kind: String, _ id: String, listedBy listing: String, _ call: () async throws -> Result
    ) async throws -> Result {
        do {
            return try await call()
        } catch let error as RegistryError where error.code == .notFound && error.serverCode != "REPO_NOT_EXIST" {
            throw unknown(kind, id, listedBy: listing)
        }
    }

    /// `acr.main/ns/app has no build 'x'; list them with: regconsole builds list acr.main/ns/app`.
    func unknown(_ kind: String, _ id: String, listedBy listing: String) -> RegistryError {
        let place = repository.isEmpty ? instance.name : reference
        return RegistryError(
            .notFound, "\(place) has no \(kind) '\(id)'", hint: "list them with: regconsole \(listing) \(place)")
    }

    private static func requireWritable(_ instance: Instance, _ verb: String?) throws {
        guard let verb, instance.readOnly else { return }
        throw RegistryError(
            .readOnly, "instance '\(instance.name)' is read-only",
            hint: "drop --read-only, or read_only from its config entry, to \(verb)")
    }

    private static func require(_ provider: any RegistryProvider, command: String) throws -> Capability {
        guard let capable = provider as? Capability else {
            let instance = provider.instance
            let why =
                instance.isACRPersonal
                ? "\(instance.name) is ACR Personal Edition, whose API has none"
                : "\(instance.name) is not one (\(instance.kind.rawValue))"
            throw UsageError(description: "\(command) need an ACR Enterprise instance: \(why)")
        }
        return capable
    }
}
