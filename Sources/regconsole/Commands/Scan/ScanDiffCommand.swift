import ArgumentParser
import RegistryClient

/// `regconsole scan diff IMAGE_A IMAGE_B`.
struct ScanDiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "New, fixed and unchanged findings from A to B (images or report files).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The earlier image (or report file).", valueName: "a"))
    var before: String
    @Argument(help: ArgumentHelp("The later image (or report file).", valueName: "b"))
    var after: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let a = try await ScanSubject.load(imageOrFile: before, context: context)
        let b = try await ScanSubject.load(imageOrFile: after, context: context)
        let diff = FindingDiff(before: a.report.findings, after: b.report.findings)
        var records = RecordSet(columns: [
            .init(key: "change", header: "CHANGE"), .init(key: "id", header: "ID"),
            .init(key: "severity", header: "SEVERITY"),
            .init(key: "package", header: "PACKAGE"), .init(key: "installedVersion", header: "INSTALLED"),
            .init(key: "fixedVersion", header: "FIXED"),
            .init(key: "title", header: "TITLE"),
        ])
        records.rows = diff.entries.map { change, finding in
            [
                .text(change.rawValue), .text(finding.vulnerability), .text(finding.severity.description),
                .text(finding.package),
                .text(finding.installedVersion), .text(finding.fixedVersion), .text(finding.title),
            ]
        }
        records.print(as: format.output)
        if format.output == .table {
            let counts = diff.counts
            print(
                "\(a.label) → \(b.label): \(counts[.new] ?? 0) new, \(counts[.fixed] ?? 0) fixed, \(counts[.unchanged] ?? 0) unchanged"
            )
        }
    }
}
