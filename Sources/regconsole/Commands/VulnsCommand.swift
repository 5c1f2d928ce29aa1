import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole vulns [INSTANCE[/NAMESPACE] | --all]`: the newest tag of every repository with the
/// open findings of its report, worst first — the console's `:vulns` for scripts and alerting.
struct VulnsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vulns", abstract: "The newest image of every repository with its open findings, worst first.",
        discussion: """
            One row per repository: its newest tag, digest, created time, open findings per severity (after the
            instance's suppressions), how many are fixable, and the worst few. A repository whose newest image has
            no report shows no counts and is left out by any severity filter. --filter keeps the repositories
            with a finding matching the expression (sev>=high fixable:y pkg:openssl id:CVE-2024 cvss>=7 …).
            With --fail-on, exits 3 when a shown repository has an open finding at or above the level.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp(
            "INSTANCE or INSTANCE/NAMESPACE (a registry HOST[:PORT] works as INSTANCE).",
            valueName: "instance[/namespace]"))
    var scope: String?
    @Flag(name: .long, help: "Every configured instance.")
    var all = false
    @Option(name: .long, help: ArgumentHelp("A finding filter expression (see below).", valueName: "expression"))
    var filter: String?
    @Option(
        name: .long,
        help: ArgumentHelp("Only repositories with a finding of this severity or worse.", valueName: "level"))
    var severity: Severity?
    @Flag(name: .long, help: "Only repositories with a fixable finding (at the --severity level, if given).")
    var fixable = false
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Exit 3 when a shown repository has a finding at or above this severity.", valueName: "level"))
    var failOn: Severity?
    @Option(name: .shortAndLong, help: "Output format: table, json, csv or markdown.")
    var output: ListOutputFormat = .table

    /// How many repositories are looked at at once.
    static let concurrency = 8

    func validate() throws {
        if all == (scope != nil) { throw ValidationError("give INSTANCE[/NAMESPACE] or --all") }
    }

    func run() async throws {
        let context = try CLIContext(global)
        let expression: FindingFilter
        do {
            expression = try FindingFilter(filter ?? "")
        } catch {
            throw UsageError(description: "--filter: \(error.description)")
        }
        let targets = try await self.targets(context)
        var rows: [VulnerabilityRow] = []
        for (instance, namespace) in targets {
            rows += try await VulnerabilityRow.collect(
                instance: instance, namespace: namespace, context: context, concurrency: Self.concurrency)
        }
        let wantsFindings = filter != nil || severity != nil || fixable
        let shown = rows.filter { row in
            guard wantsFindings else { return true }
            return row.open?.contains { finding in
                expression.matches(finding, suppressed: false) && severity.map { finding.severity >= $0 } ?? true
                    && (!fixable || finding.isFixable)
            } ?? false
        }.sorted(by: VulnerabilityRow.worstFirst)
        VulnerabilityRow.records(shown, showInstance: targets.count > 1).print(output)
        let failed = rows.filter { $0.failure != nil }
        for row in failed {
            FileHandle.standardError.write(
                Data("regconsole: \(Sanitizer.clean("\(row.instance)/\(row.repository): \(row.failure ?? "")"))\n".utf8)
            )
        }
        if let failOn, let worst = shown.compactMap(\.worst).max(), worst >= failOn {
            let names = shown.filter { ($0.worst ?? .unknown) >= failOn }.map { "\($0.instance)/\($0.repository)" }
            throw CommandFailure(
                status: .findings,
                description:
                    "\(names.prefix(5).joined(separator: ", "))\(names.count > 5 ? " …" : "") \(names.count == 1 ? "has" : "have") \(worst) findings (--fail-on \(failOn))"
            )
        }
        if !failed.isEmpty {
            throw CommandFailure(
                status: .runtime, description: "\(failed.count) of \(rows.count) repositories could not be read")
        }
    }

    /// The instances (and namespace) to look at.
    private func targets(_ context: CLIContext) async throws -> [(instance: String, namespace: String?)] {
        if all {
            let instances = await context.session.instances().filter { $0.unavailableReason == nil }
            guard !instances.isEmpty else {
                throw UsageError(description: "the config names no instance (regconsole config path)")
            }
            return instances.map { ($0.name, nil) }
        }
        let parts = (scope ?? "").split(separator: "/", maxSplits: 1).map(String.init)
        guard let locator = parts.first, !locator.isEmpty else {
            throw UsageError(description: "give INSTANCE[/NAMESPACE] or --all")
        }
        if parts.count > 1, parts[1].contains("/") {
            throw UsageError(description: "'\(scope ?? "")': a namespace is one path segment")
        }
        return [(locator, parts.count > 1 ? parts[1] : nil)]
    }
}
