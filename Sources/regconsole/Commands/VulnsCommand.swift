import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

extension TagScope: ExpressibleByArgument {}

/// `regconsole vulns [INSTANCE[/NAMESPACE] | --all]`: the newest tag of every repository with the
/// open findings of its report, worst first — the console's `:vulns` for scripts and alerting.
struct VulnsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vulns", abstract: "The newest image of every repository with its open findings, worst first.",
        discussion: """
            One row per repository (with --tags all, per tagged image): its newest tag, digest, created time, open findings per severity (after the
            instance's suppressions), how many are fixable, and the worst few. A repository whose newest image has
            no report shows no counts and is left out by any severity filter. --filter keeps the repositories
            with a finding matching the expression (sev>=high fixable:y pkg:openssl id:CVE-2024 cvss>=7 …).
            With --fail-on, exits 3 when a shown repository has an open finding at or above the level. OLDER counts
            the repository's older images that also match. Every run saves the overview; --cached shows the saved one
            without a request, and the next run uses it to send fewer requests (--refresh does not).
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp(
            "INSTANCE or INSTANCE/NAMESPACE (a registry HOST[:PORT] works as INSTANCE).",
            valueName: "instance[/namespace]"),
        completion: Completions.reference)
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
    @Flag(
        help:
            "Where the rows come from: the registry, hinted by the saved overview (default); the saved overview only; the registry afresh."
    )
    var source: Source = .live
    @Option(
        name: .long,
        help: ArgumentHelp(
            "newest: one row per repository, its newest tag (default); all: one row per tagged image.",
            valueName: "scope"))
    var tags: TagScope = .newest
    @Option(name: .shortAndLong, help: "Output format: table, json, csv or markdown.")
    var output: ListOutputFormat = .table

    /// Where the rows come from.
    enum Source: String, EnumerableFlag {
        /// The registry, with the saved overview's hints.
        case live
        /// The saved overview only: no request.
        case cached
        /// The registry, without the saved overview's hints.
        case refresh

        static func name(for value: Source) -> NameSpecification { value == .live ? [] : .long }
    }

    /// How many repositories of one instance are read at once.
    static let concurrency = 32

    func validate() throws {
        if all == (scope != nil) { throw ValidationError("give INSTANCE[/NAMESPACE] or --all") }
    }

    func run() async throws {
        let context = try CLIContext(global)
        let query: VulnerabilityQuery
        do {
            query = try VulnerabilityQuery(filter: filter, severity: severity, fixable: fixable)
        } catch {
            throw UsageError(description: "--filter: \(error.description)")
        }
        let targets = try await self.targets(context)
        let progress = ProgressLine("repositories", total: 0)
        let now = Date()
        let rows = try await withThrowingTaskGroup(of: [VulnerabilityRow].self) { group in
            for (index, (instance, namespace)) in targets.enumerated() {
                group.addTask {
                    try await self.rows(
                        instance: instance, namespace: namespace, query: query, context: context, now: now
                    ) { progress.report(part: index, done: $0, of: $1) }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        progress.finish()
        let shown = VulnerabilityRow.worstFirst(rows.filter { $0.failure == nil && query.keeps($0.open) })
        VulnerabilityRow.records(shown, showInstance: targets.count > 1, scope: tags).print(output)
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

    /// The rows of one instance (or namespace): from its saved overview, or read from the registry
    /// and saved.
    private func rows(
        instance: String, namespace: String?, query: VulnerabilityQuery, context: CLIContext, now: Date,
        progress: @escaping @Sendable (Int, Int) -> Void
    ) async throws -> [VulnerabilityRow] {
        let provider = try await context.session.provider(for: instance)
        let name = provider.instance.name
        let store = VulnerabilitySnapshotStore(instance: name, directories: context.directories)
        let saved = store.load()
        let suppressions = try SuppressionStore(instance: name, directories: context.directories).load()
        func rows(_ entry: RepositoryVulnerabilities) -> [VulnerabilityRow] {
            VulnerabilityRow.rows(
                instance: name, entry: entry, scope: tags, query: query, suppressions: suppressions, now: now)
        }
        if source == .cached {
            guard let saved else {
                throw CommandFailure(
                    status: .runtime,
                    description: "no saved overview of \(name): run `regconsole vulns \(name)` once without --cached")
            }
            let age = Int(now.timeIntervalSince(saved.savedAt) / 60)
            FileHandle.standardError.write(Data("regconsole: \(Sanitizer.clean(name)): as of \(age) min ago\n".utf8))
            return saved.entries(namespace: namespace).flatMap(rows)
        }
        let reader = VulnerabilityReader(
            provider: provider, scope: tags, previous: source == .refresh ? nil : saved,
            concurrency: Self.concurrency)
        let outcomes = try await reader.readAll(namespace: namespace, progress: progress)
        do {
            try store.save(reader.snapshot(after: outcomes, namespace: namespace, at: now))
        } catch {
            FileHandle.standardError.write(Data("regconsole: cannot save the overview: \(error)\n".utf8))
        }
        return outcomes.flatMap { outcome -> [VulnerabilityRow] in
            switch outcome.result {
            case .success(let entry): return rows(entry)
            case .failure(let error):
                return [VulnerabilityRow(instance: name, repository: outcome.repository, failure: error.description)]
            }
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
