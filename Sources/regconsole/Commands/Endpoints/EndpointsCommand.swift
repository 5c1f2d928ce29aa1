import ArgumentParser
import RegistryClient

/// `regconsole endpoints …`: how clients reach an ACR instance's registry.
struct EndpointsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "endpoints",
        abstract: "An ACR instance's endpoints: the internet access list and linked VPCs; switch the internet one.",
        subcommands: [
            EndpointsListCommand.self, EndpointsACLCommand.self, EndpointsEnableCommand.self,
            EndpointsDisableCommand.self,
        ],
        defaultSubcommand: EndpointsListCommand.self)
}

extension DeliveryTarget where Capability == any AccessManaging {
    /// The instance of an `endpoints` or `login` command.
    static func access(
        _ text: String, context: CLIContext, command: String = "endpoints", writing verb: String? = nil
    ) async throws -> Self {
        try await instance(text, context: context, command: command, writing: verb)
    }

    /// The internet endpoint as the server reports it now.
    func internetEndpoint() async throws -> InstanceEndpoint {
        guard let endpoint = try await provider.endpoints().first(where: { $0.kind == .internet }) else {
            throw RegistryError(
                .notFound, "\(instance.name) reports no internet endpoint",
                hint: "check the instance in the ACR console")
        }
        return endpoint
    }
}
