import ArgumentParser
import RegistryClient

/// `regconsole endpoints acl remove INSTANCE CIDR [--yes]`.
struct EndpointsACLRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Stop letting an address or network in (confirm, or --yes).")

    @OptionGroup var entry: ACLEntryArguments

    func run() async throws {
        let (context, block, target) = try await entry.resolve(writing: "change the access list")
        let subject = "the internet access list of \(target.instance.name)"
        try target.confirm("remove \(block) from \(subject)", id: block.description, yes: entry.yes, action: .change)
        try await target.naming("access list entry", block.description, listedBy: "endpoints") {
            try await context.access.removeACLEntries([block.description], on: target.provider)
        }
        print("removed \(block) from \(subject)")
    }
}
