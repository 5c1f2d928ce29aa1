import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole scan start IMAGE [--wait]`: asks a registry that scans images itself (ACR) to scan a tag.
struct ScanStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Ask the registry's own scanner (ACR) to scan a tag; with --wait, follow it and print the counts.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("REPO:TAG.", valueName: "image"), completion: Completions.reference)
    var image: String
    @Flag(name: .long, help: "Wait until the scan finishes, then print the finding counts.")
    var wait = false
    @Option(name: .long, help: "Give up waiting after this many seconds.")
    var timeout: Double = 600
    @Option(name: .long, help: ArgumentHelp("Seconds between status checks.", visibility: .hidden))
    var pollInterval: Double = 2

    func run() async throws {
        let context = try CLIContext(global)
        let (provider, reference) = try await context.image(image)
        guard let scanner = provider as? any ServerScanning else {
            throw UsageError(
                description:
                    "\(provider.instance.name) does not scan images itself; scan with Trivy or Grype and attach the report: regconsole scan attach \(reference) REPORT"
            )
        }
        guard let tag = reference.tag, reference.digest == nil else {
            throw UsageError(description: "give a tag (REPO:TAG): ACR scans tags")
        }
        try await scanner.startScan(repository: reference.repository, tag: tag)
        guard wait else {
            print(
                "scan of \(reference) started; follow it with: regconsole scan start \(reference) --wait, or see it with: regconsole scan show \(reference)"
            )
            return
        }
        let state = try await scanner.waitForScan(
            repository: reference.repository, tag: tag, every: .milliseconds(Int(pollInterval * 1000))
        ) { elapsed in
            guard elapsed < .seconds(timeout) else {
                throw RegistryError(
                    .timeout, "the scan of \(reference) did not finish within \(Int(timeout)) s",
                    hint: "it goes on on the server: check later with regconsole scan show \(reference)")
            }
            if isatty(STDERR_FILENO) == 1 {
                FileHandle.standardError.write(
                    Data("\rscanning \(reference) … \(elapsed.components.seconds) s\u{1B}[K".utf8))
            }
        }
        guard state == .complete else {
            throw RegistryError(
                .server, "the scan of \(reference) failed on \(provider.instance.name)",
                hint: "start it again; if it keeps failing, check the instance's scan service in the ACR console")
        }
        let counts = try await scanner.scanSummary(repository: reference.repository, tag: tag)
        let parts = Severity.worstFirst.compactMap { level in counts[level].map { "\($0) \(level)" } }
        print(
            "\(reference) scanned by \(provider.instance.name): \(parts.joined(separator: ", ")) (\(counts.values.reduce(0, +)) total)"
        )
    }
}
