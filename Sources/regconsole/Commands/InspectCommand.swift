import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole inspect IMAGE`: manifest or index, platforms, layers, config, history, referrers.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Show a manifest or index: platforms, layers, config, history and referrers.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("REPO:TAG or REPO@DIGEST.", valueName: "image"), completion: Completions.reference)
    var image: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let (provider, reference) = try await context.image(image)
        let artifact = try await provider.artifact(reference)
        let report = ArtifactReport(artifact)
        switch format.output {
        case .json: print(report.json.serialized())
        case .csv: report.descriptors.print(as: .csv)
        case .table: print(report.text, terminator: "")
        }
    }
}
