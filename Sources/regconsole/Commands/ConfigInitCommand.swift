import ArgumentParser
import CurlHTTP
import Foundation
import Logging
import RegistryClient
import TerminalUI

extension ConfigCommand {
    /// `regconsole config init [--yes] [--force]`.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Find the registries and Alibaba Cloud profiles on this machine and write a config file.",
            discussion: """
                Reads the docker config, the aliyun CLI's profiles and ~/.alibabacloud/credentials, asks \
                registry hosts whether they are Harbor and lists the ACR instances each AccessKey sees. No \
                secret is copied: entries name where regconsole finds credentials at run time.
                """)
        @OptionGroup var global: GlobalOptions

        @Flag(name: .long, help: "Write every proposal without asking.")
        var yes = false

        @Flag(name: .long, help: "Replace an existing config file, keeping the old one as a .bak backup.")
        var force = false

        @Option(
            name: .long,
            help: ArgumentHelp(
                "The ACR OpenAPI endpoint to list instances at (a VPC endpoint or proxy); written on those entries.",
                valueName: "url"))
        var acrEndpoint: String?

        /// How long listing ACR instances may take.
        private static let apiTimeout: Duration = .seconds(5)

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let path = global.config ?? Config.defaultPath(environment: environment)
            if FileManager.default.fileExists(atPath: path), !force {
                throw UsageError(
                    description:
                        "\(path) exists; pass --force to replace it (the old file is kept as a .bak backup)")
            }
            CLIContext.bootstrapLogging(verbose: global.verbose)
            var options = CurlHTTPClient.Options()
            options.requestTimeout = Self.apiTimeout
            let http = CurlHTTPClient(options: options, logger: Logger(label: "regconsole.http"))
            let outcome = await ConfigDiscovery(environment: environment, http: http, acrEndpoint: try endpoint())
                .run()
            ProposalList.print(outcome)
            guard !outcome.proposals.isEmpty else {
                print("Nothing to propose; no file written.")
                return
            }
            let accepted = try ProposalList.choose(outcome.proposals, yes: yes)
            guard !accepted.isEmpty else {
                print("Nothing accepted; no file written.")
                return
            }
            let text = ConfigFileDocument.render(accepted)
            _ = try Config.parse(text, file: path, fileIsPrivate: true)
            let backup: URL?
            do {
                backup = try ConfigFileWriter.write(text, to: URL(fileURLWithPath: path))
            } catch {
                throw CommandFailure(
                    status: .runtime, description: "cannot write \(path): \(error.localizedDescription)")
            }
            print(Sanitizer.clean("Wrote \(path) (\(accepted.count) instance(s), mode 0600)."))
            if let backup { print(Sanitizer.clean("The old file is kept as \(backup.path).")) }
            print("Check it with `regconsole config check`; `regconsole instances` lists what it names.")
        }

        /// `--acr-endpoint`, which must be an http(s) URL with a host.
        private func endpoint() throws -> URL? {
            guard let acrEndpoint else { return nil }
            guard let url = URL(string: acrEndpoint), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host?.isEmpty == false
            else {
                throw UsageError(description: "--acr-endpoint '\(acrEndpoint)' is not an http:// or https:// URL")
            }
            return url
        }
    }
}
