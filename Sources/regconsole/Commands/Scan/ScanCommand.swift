import ArgumentParser
import RegistryClient

/// `regconsole scan …`: vulnerability reports of images.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan", abstract: "Show, attach, compare and triage vulnerability scan reports.",
        subcommands: [
            ScanShowCommand.self, ScanStartCommand.self, ScanAttachCommand.self, ScanDiffCommand.self,
            ScanSuppressCommand.self, ScanUnsuppressCommand.self, ScanSuppressionsCommand.self,
        ])
}

extension Severity: ExpressibleByArgument {
    public init?(argument: String) { self.init(level: argument) }
}
