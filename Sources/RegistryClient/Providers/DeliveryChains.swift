/// A provider with delivery chains (ACR): the chains, their steps, and their runs.
public protocol DeliveryChains: RegistryProvider {
    /// The chains with their steps, optionally only those over `repository` (`namespace/name`).
    func chains(repository: String?) async throws -> [DeliveryChain]
    /// One chain with its steps.
    func chain(id: String) async throws -> DeliveryChain
    /// Chain runs, newest first as the server lists them, optionally over `repository`.
    func chainRuns(repository: String?) -> AsyncThrowingStream<[ChainRun], any Error>
}
