import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole scan show IMAGE | --file REPORT`.
struct ScanShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the findings of an image's attached report, or of a report file.",
        discussion: """
            Findings are sorted by severity, then CVSS score, then fixable first. Suppressed findings are hidden
            (and counted) unless --all. With --fail-on, exits 3 when a shown finding is at or above the level.
            --filter takes terms such as: sev>=high fixable:y pkg:openssl id:CVE-2024 cvss>=7 !pkg:kernel
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("REPO:TAG or REPO@DIGEST.", valueName: "image"), completion: Completions.reference)
    var image: String?
    @Option(name: .long, help: "Read a report file (Trivy, Grype, SARIF, CycloneDX, Harbor) instead.")
    var file: String?
    @Option(name: .long, help: ArgumentHelp("Only this severity and worse (high or high+).", valueName: "level"))
    var severity: Severity?
    @Flag(name: .long, help: "Only findings with a fixed version.")
    var fixable = false
    @Option(name: .long, help: ArgumentHelp("A filter expression (see below).", valueName: "expression"))
    var filter: String?
    @Flag(name: .long, help: "Also list suppressed findings.")
    var all = false
    @Option(
        name: .long, help: ArgumentHelp("Exit 3 when a shown finding is at or above this severity.", valueName: "level")
    )
    var failOn: Severity?
    @Option(name: .shortAndLong, help: "Output format: table, json, csv, sarif or markdown.")
    var output: ScanOutputFormat = .table

    func run() async throws {
        let context = try CLIContext(global)
        let subject = try await ScanSubject.load(image: image, file: file, context: context)
        let expression: FindingFilter
        do {
            expression = try FindingFilter(filter ?? "")
        } catch {
            throw UsageError(description: "--filter: \(error.description)")
        }
        let shown = subject.findings.lazy
            .filter { all || !$0.isSuppressed }
            .filter { entry in severity.map { entry.finding.severity >= $0 } ?? true }
            .filter { !fixable || $0.finding.isFixable }
            .filter { expression.matches($0.finding, suppressed: $0.isSuppressed) }
            .sortedInTriageOrder(by: \.finding)
        try FindingsReport(title: subject.label, report: subject.report, findings: shown, all: subject.findings).print(
            as: output)
        if let failOn, let worst = shown.filter({ !$0.isSuppressed }).map({ $0.finding.severity }).max(),
            worst >= failOn
        {
            throw CommandFailure(
                status: .findings, description: "\(subject.label) has \(worst) findings (--fail-on \(failOn))")
        }
    }
}
