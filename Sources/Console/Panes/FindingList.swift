import Foundation
import RegistryClient
import TerminalUI

/// The findings of one image's newest report: severity first (then CVSS, then fixable), filtered
/// with expressions such as `sev>=high fixable:y pkg:openssl id:CVE-2024`, grouped by package (with
/// "upgrade to X fixes N") or by vulnerability. Suppressed findings are hidden but counted.
@MainActor
final class FindingList: ResourceKind {
    enum Mode { case findings, packages, vulnerabilities }

    /// A row in one of the three modes.
    enum Row: Identifiable, Sendable {
        case finding(TriagedFinding)
        case package(FixRollup)
        case vulnerability(VulnerabilityGroup)

        var id: String {
            switch self {
            case .finding(let entry): "finding|" + entry.id
            case .package(let rollup): "package|" + rollup.id
            case .vulnerability(let group): "vulnerability|" + group.id
            }
        }
    }

    /// One vulnerability across packages.
    struct VulnerabilityGroup: Identifiable, Sendable {
        var id: String
        var severity: Severity
        var packages: [String]
        var fixable: Int
        var title: String?
    }

    unowned let context: any PaneContext
    let instance: Instance
    let repository: String
    let tag: String
    private var digest: Digest?
    /// The report as loaded; nil before the first load ends or when the image has none.
    private var report: ScanReport?
    private var loaded = false
    private var triaged: [TriagedFinding] = []
    private var showSuppressed = false
    private var mode = Mode.findings
    /// The registry's own list of accepted vulnerabilities (Harbor), shown beside the suppressions.
    private var allowlist: CVEAllowlist?

    init(context: any PaneContext, instance: Instance, repository: String, tag: String, digest: Digest? = nil) {
        self.context = context
        self.instance = instance
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.findings] }
    var title: String { "\(context.catalog[.findings]) · \(repository):\(tag)" }
    var location: ViewLocation {
        ViewLocation(
            instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository, tag: tag)
    }
    var emptyText: String {
        guard loaded else { return context.catalog[.scanLoading] }
        return report == nil
            ? context.catalog[.noReport, "\(instance.name)/\(repository):\(tag)"] : context.catalog[.noFindings]
    }
    var filters: Bool { mode == .findings }
    var sortColumn: Int? { mode == .findings ? 0 : nil }

    func progress(in pane: ResourcePane<FindingList>) -> String? {
        let suppressed = triaged.count(where: \.isSuppressed)
        let expired = triaged.count(where: \.stateIsExpired)
        let allowlisted = allowlist.map { list in triaged.count { list.allows($0.finding, now: context.now) } } ?? 0
        let parts = [
            suppressed > 0 ? context.catalog[.suppressedCount, suppressed] : nil,
            expired > 0 ? context.catalog[.expiredCount, expired] : nil,
            allowlisted > 0 ? context.catalog[.allowlistedCount, allowlisted] : nil,
        ]
        let text = parts.compactMap { $0 }.joined(separator: " · ")
        return text.isEmpty ? nil : text
    }

    func searchFields(of row: Row) -> [String] {
        switch row {
        case .finding(let entry): [entry.finding.vulnerability]
        case .package(let rollup): [rollup.package, rollup.upgradeTo]
        case .vulnerability(let group): [group.id] + group.packages + [group.title ?? ""]
        }
    }

    var matcher: ((String) throws(FilterQuery.InvalidPattern) -> (Row) -> Bool)? {
        let findings = FindingFilter.rowMatcher { (entry: TriagedFinding) in entry }
        return { text throws(FilterQuery.InvalidPattern) in
            let test = try findings(text)
            return { row in if case .finding(let entry) = row { test(entry) } else { true } }
        }
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<FindingList>) -> Bool {
        switch change {
        case .suppressions:
            if loaded { show(in: pane) }
            return false
        case .scanFinished(_, let changed, let scanned):
            return changed == repository && (scanned == nil || scanned == digest)
        default:
            return false
        }
    }

    /// The report once (again after a change), then the rows of the current mode.
    func rows(in pane: ResourcePane<FindingList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, reports, instance, repository, tag, known) = (
            context.session, context.scanReports, instance, repository, tag, digest
        )
        return .producing { [weak self] continuation in
            let digest: Digest
            if let known {
                digest = known
            } else if let current = try await session.provider(for: instance.name).currentDigest(
                repository: repository, tag: tag)
            {
                digest = current
            } else {
                throw RegistryError(.notFound, "'\(tag)' is not in \(repository)")
            }
            let report = try await reports.report(
                instance: instance.name, repository: repository, tag: tag, digest: digest)
            let allowlisting = try await session.provider(for: instance.name) as? any CVEAllowlisting
            let allowlist = try? await allowlisting?.cveAllowlist(repository: repository)
            guard let rows = await self?.loaded(report, digest: digest, allowlist: allowlist ?? nil) else { return }
            continuation.yield(rows)
        }
    }

    /// Keeps the report as loaded and makes the rows from it.
    private func loaded(_ report: ScanReport?, digest: Digest, allowlist: CVEAllowlist?) -> [Row] {
        self.digest = digest
        self.report = report
        self.allowlist = allowlist
        loaded = true
        return triage()
    }

    /// Applies the instance's suppressions and makes the rows of the current mode.
    private func triage() -> [Row] {
        let suppressions = (try? context.suppressions(of: instance).load()) ?? []
        triaged = TriagedFinding.triage(
            report?.findings ?? [], suppressions: suppressions, repository: repository, digest: digest, now: context.now
        )
        .sorted { Finding.triageOrder($0.finding, $1.finding) }
        let open = triaged.filter { !$0.isSuppressed }.map(\.finding)
        switch mode {
        case .findings:
            return (showSuppressed ? triaged : triaged.filter { !$0.isSuppressed }).map(Row.finding)
        case .packages:
            return FixRollup.of(open).map(Row.package)
        case .vulnerabilities:
            let groups = Dictionary(grouping: open, by: \.vulnerability).map { id, group in
                VulnerabilityGroup(
                    id: id, severity: group.map(\.severity).max() ?? .unknown,
                    packages: group.map(\.package).uniquedSorted(),
                    fixable: group.filter(\.isFixable).count, title: group.first?.title)
            }
            return groups.sorted { ($0.severity, $1.id) > ($1.severity, $0.id) }.map(Row.vulnerability)
        }
    }

    /// Shows the current mode's rows from the report already loaded.
    private func show(in pane: ResourcePane<FindingList>) {
        pane.list.replace(with: triage())
        context.requestDisplay()
    }

    // MARK: Actions

    func actions(in pane: ResourcePane<FindingList>) -> [ConsoleAction] {
        [.open, .back, .suppress, .groupPackages, .groupVulnerabilities, .showSuppressed, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<FindingList>) -> Bool {
        let catalog = context.catalog
        switch (action, pane.selected) {
        case (.open, .finding(let entry)?):
            context.push(
                FindingDetailScreen(
                    context: context, instance: instance, repository: repository, tag: tag, digest: digest, entry: entry
                ))
        case (.open, .package(let rollup)?):
            showFindings(filter: "pkg:\(rollup.package)", in: pane)
        case (.open, .vulnerability(let group)?):
            showFindings(filter: "id:\(group.id)", in: pane)
        case (.open, nil):
            break
        case (.groupPackages, _):
            switchMode(mode == .packages ? .findings : .packages, in: pane)
            context.showFlash(catalog[mode == .packages ? .groupedByPackage : .ungrouped])
        case (.groupVulnerabilities, _):
            switchMode(mode == .vulnerabilities ? .findings : .vulnerabilities, in: pane)
            context.showFlash(catalog[mode == .vulnerabilities ? .groupedByVulnerability : .ungrouped])
        case (.showSuppressed, _):
            showSuppressed.toggle()
            show(in: pane)
            context.showFlash(catalog[showSuppressed ? .showingSuppressed : .hidingSuppressed])
        case (.suppress, .finding(let entry)?):
            SuppressionFlow(context: context, instance: instance, repository: repository, digest: digest).start(entry)
        case (.suppress, _):
            break
        case (.back, _) where mode != .findings:
            switchMode(.findings, in: pane)
        default:
            return false
        }
        return true
    }

    private func switchMode(_ newMode: Mode, in pane: ResourcePane<FindingList>) {
        mode = newMode
        show(in: pane)
    }

    private func showFindings(filter: String, in pane: ResourcePane<FindingList>) {
        switchMode(.findings, in: pane)
        try? pane.setFilter(filter)
    }

    // MARK: Drawing

    func columns(in pane: ResourcePane<FindingList>, theme: Theme) -> [TableColumn<Row>] {
        switch mode {
        case .findings: findingColumns(theme)
        case .packages: packageColumns(theme)
        case .vulnerabilities: vulnerabilityColumns(theme)
        }
    }

    private func findingColumns(_ theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        func cell(_ text: @escaping (TriagedFinding) -> String) -> (Row) -> String {
            { row in if case .finding(let entry) = row { text(entry) } else { "" } }
        }
        func style(_ pick: @escaping (TriagedFinding) -> Style?) -> (Row) -> Style? {
            { row in if case .finding(let entry) = row { pick(entry) } else { nil } }
        }
        return [
            TableColumn(
                catalog[.columnSeverity], width: .fit(min: 8, max: 12),
                style: style { theme.style(for: $0.finding.severity) }, text: cell { $0.severityCell(catalog) }),
            TableColumn(catalog[.columnID], width: .fit(min: 10, max: 22), text: cell { $0.finding.vulnerability }),
            TableColumn(catalog[.columnPackage], width: .fit(min: 8, max: 24), text: cell { $0.finding.package }),
            TableColumn(
                catalog[.columnInstalled], width: .fit(min: 8, max: 18), text: cell { $0.finding.installedVersion }),
            TableColumn(
                catalog[.columnFixed], width: .fit(min: 6, max: 18),
                style: style { $0.finding.isFixable ? theme[.ok] : nil }, text: cell { $0.finding.fixedVersion ?? "-" }),
            TableColumn(
                catalog[.columnCVSS], width: .fit(min: 4, max: 5), alignRight: true,
                text: cell { $0.finding.cvssScore.map { String(format: "%.1f", $0) } ?? "" }),
            TableColumn(catalog[.columnTitle], width: .flexible(min: 10), text: cell { $0.finding.title ?? "" }),
        ] + allowlistColumns(cell: cell)
    }

    /// ALLOWLIST, when the registry's allowlist accepts a listed finding: whose list accepts it.
    private func allowlistColumns(cell: (@escaping (TriagedFinding) -> String) -> (Row) -> String) -> [TableColumn<Row>]
    {
        let now = context.now
        guard let allowlist, triaged.contains(where: { allowlist.allows($0.finding, now: now) }) else { return [] }
        let catalog = context.catalog
        let owner =
            switch allowlist.level {
            case .system: catalog[.allowlistSystem]
            case .project(let project): catalog[.allowlistProject, project]
            }
        return [
            TableColumn(
                catalog[.columnAllowlist], width: .fit(min: 6, max: 20),
                text: cell { allowlist.allows($0.finding, now: now) ? owner : "" })
        ]
    }

    private func packageColumns(_ theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        func cell(_ text: @escaping (FixRollup) -> String) -> (Row) -> String {
            { row in if case .package(let rollup) = row { text(rollup) } else { "" } }
        }
        return [
            TableColumn(catalog[.columnPackage], width: .fit(min: 8, max: 30), text: cell { $0.package }),
            TableColumn(catalog[.columnInstalled], width: .fit(min: 8, max: 20), text: cell { $0.installedVersion }),
            TableColumn(
                catalog[.columnUpgradeTo], width: .fit(min: 10, max: 24), style: { _ in theme[.ok] },
                text: cell { $0.upgradeTo }),
            TableColumn(
                catalog[.columnFixes], width: .fit(min: 5, max: 8), alignRight: true, text: cell { String($0.fixes) }),
            TableColumn(
                catalog[.columnWorst], width: .flexible(min: 8),
                style: { row in if case .package(let rollup) = row { theme.style(for: rollup.worst) } else { nil } },
                text: cell { catalog.severity($0.worst) }),
        ]
    }

    private func vulnerabilityColumns(_ theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        func cell(_ text: @escaping (VulnerabilityGroup) -> String) -> (Row) -> String {
            { row in if case .vulnerability(let group) = row { text(group) } else { "" } }
        }
        return [
            TableColumn(
                catalog[.columnSeverity], width: .fit(min: 8, max: 10),
                style: { row in
                    if case .vulnerability(let group) = row { theme.style(for: group.severity) } else { nil }
                },
                text: cell { catalog.severity($0.severity) }),
            TableColumn(catalog[.columnID], width: .fit(min: 10, max: 22), text: cell { $0.id }),
            TableColumn(
                catalog[.columnFixable], width: .fit(min: 4, max: 8), alignRight: true,
                text: cell { String($0.fixable) }),
            TableColumn(
                catalog[.columnPackage], width: .fit(min: 8, max: 40), text: cell { $0.packages.joined(separator: ",") }
            ),
            TableColumn(catalog[.columnTitle], width: .flexible(min: 10), text: cell { $0.title ?? "" }),
        ]
    }
}

extension Array where Element == String {
    /// Sorted, without repeats.
    func uniquedSorted() -> [String] { Array(Set(self)).sorted() }
}
