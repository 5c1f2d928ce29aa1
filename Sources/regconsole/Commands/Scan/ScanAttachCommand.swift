import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole scan attach IMAGE REPORT`.
struct ScanAttachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Push a report as an OCI referrer of an image (referrers API, or the tag fallback).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("REPO:TAG or REPO@DIGEST.", valueName: "image"), completion: Completions.reference)
    var image: String
    @Argument(help: ArgumentHelp("A Trivy JSON, Grype JSON, SARIF, CycloneDX or Harbor report.", valueName: "report"))
    var report: String

    func run() async throws {
        let context = try CLIContext(global)
        let data = try ScanSubject.readReport(report)
        let (provider, reference) = try await context.image(image)
        let result = try await ScanAttacher.attach(data, file: report, to: reference, provider: provider)
        let how =
            result.referrer.discovery == .api
            ? "referrers API" : "tag fallback \(result.subject.digest.referrersFallbackTag)"
        print(
            "attached \(result.report.format.rawValue) report (\(result.report.findings.count) findings) to \(reference.repository)@\(result.subject.digest) as \(result.referrer.descriptor.digest) (\(how))"
        )
    }
}
