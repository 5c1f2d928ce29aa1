import ArgumentParser
import RegistryClient

/// `regconsole endpoints acl add INSTANCE CIDR [--comment TEXT] [--yes]`.
struct EndpointsACLAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Let an address or network in over the internet (confirm, or --yes).")

    @OptionGroup var entry: ACLEntryArguments
    @Option(name: .long, help: ArgumentHelp("Why it is let in.", valueName: "text"))
    var comment: String?

    func run() async throws {
        let (context, block, target) = try await entry.resolve(writing: "change the access list")
        let subject = "the internet access list of \(target.instance.name)"
        try target.confirm("add \(block) to \(subject)", id: block.description, yes: entry.yes, action: .change)
        try await context.access.addACLEntries(
            [ACLEntry(entry: block.description, comment: comment)], on: target.provider)
        print("added \(block) to \(subject)")
    }
}
