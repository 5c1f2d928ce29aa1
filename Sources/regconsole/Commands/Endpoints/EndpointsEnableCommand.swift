import ArgumentParser

/// `regconsole endpoints enable INSTANCE internet [--yes] [--no-wait]`.
struct EndpointsEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "Switch the internet endpoint on (confirm, or --yes) and wait until it takes effect.")

    @OptionGroup var arguments: InternetEndpointSwitch

    func run() async throws { try await arguments.run(enable: true) }
}
