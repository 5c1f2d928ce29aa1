import ArgumentParser

/// `regconsole endpoints disable INSTANCE internet [--yes] [--no-wait]`.
struct EndpointsDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Switch the internet endpoint off (confirm, or --yes) and wait until it takes effect.",
        discussion: "Every client outside the instance's VPCs loses the registry, the access list's addresses too.")

    @OptionGroup var arguments: InternetEndpointSwitch

    func run() async throws { try await arguments.run(enable: false) }
}
