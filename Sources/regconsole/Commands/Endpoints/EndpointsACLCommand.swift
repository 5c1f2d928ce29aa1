import ArgumentParser

/// `regconsole endpoints acl add|remove INSTANCE CIDR …`.
struct EndpointsACLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acl", abstract: "Add or remove an entry of the internet access list (confirm, or --yes).",
        subcommands: [EndpointsACLAddCommand.self, EndpointsACLRemoveCommand.self])
}
