import ArgumentParser
import RegistryClient

/// The arguments of `endpoints acl add` and `remove`.
struct ACLEntryArguments: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("An IPv4 address or CIDR block.", valueName: "cidr"))
    var cidr: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    /// The block, checked before anything is read or sent, and the instance.
    func resolve(writing verb: String) async throws -> (CLIContext, CIDRBlock, DeliveryTarget<any AccessManaging>) {
        let block = try CIDRBlock(cidr)
        let context = try CLIContext(global)
        return (context, block, try await DeliveryTarget.access(instance, context: context, writing: verb))
    }
}
