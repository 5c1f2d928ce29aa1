import ArgumentParser
import RegistryClient

/// `regconsole chains …`: an ACR instance's delivery chains and their runs.
struct ChainsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chains",
        abstract: "ACR delivery chains (build → push → scan → replicate …) and their runs; edited in the ACR console.",
        subcommands: [ChainsListCommand.self, ChainsShowCommand.self, ChainsRunsCommand.self])
}

extension DeliveryTarget where Capability == any DeliveryChains {
    /// The instance of a `chains` command.
    static func chains(_ text: String, context: CLIContext) async throws -> Self {
        try await instance(text, context: context, command: "chains")
    }

    /// The chain `text` names, by id or by name.
    /// - Throws: `RegistryError(.notFound)` naming it.
    func chain(named text: String) async throws -> DeliveryChain {
        let chains = try await provider.chains(repository: nil)
        guard let chain = chains.first(where: { $0.id == text }) ?? chains.first(where: { $0.name == text }) else {
            throw unknown("delivery chain", text, listedBy: "chains list")
        }
        return chain
    }
}
