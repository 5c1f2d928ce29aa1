import Foundation
import RegistryClient
import TerminalUI

/// The findings of one image's newest report: severity first (then CVSS, then fixable), filtered
/// with expressions such as `sev>=high fixable:y pkg:openssl id:CVE-2024`, grouped by package (with
/// "upgrade to X fixes N") or by vulnerability. Suppressed findings are hidden but counted.
@MainActor
final class FindingsScreen: Screen, InstanceScoped {
    enum Mode { case findings, packages, vulnerabilities }

    /// One vulnerability across packages.
    struct VulnerabilityGroup: Identifiable, Sendable {
        var id: String
        var severity: Severity
        var packages: [String]
        var fixable: Int
        var title: String?
    }

    let instance: Instance
    let repository: String
    let tag: String
    private unowned let app: ConsoleApp
    private let model: ListModel<TriagedFinding>
    private let packages: ListModel<FixRollup>
    private let vulnerabilities: ListModel<VulnerabilityGroup>
    private var digest: Digest?
    private var report: ScanReport?
    private var triaged: [TriagedFinding] = []
    private var showSuppressed = false
    private var mode = Mode.findings
    private let load: PaneLoad
    /// Why there is nothing to show although the load succeeded (no report).
    private var notice: String?

    init(app: ConsoleApp, instance: Instance, repository: String, tag: String, digest: Digest? = nil) {
        self.app = app
        self.instance = instance
        self.repository = repository
        self.tag = tag
        self.digest = digest
        load = PaneLoad { [unowned app] in app.requestDisplay() }
        model = ListModel(searchFields: { [$0.finding.vulnerability] })
        model.matcher = FindingFilter.rowMatcher { $0 }
        packages = ListModel(searchFields: { [$0.package, $0.upgradeTo] })
        vulnerabilities = ListModel(searchFields: { [$0.id] + $0.packages + [$0.title ?? ""] })
    }

    var crumb: String { app.catalog[.findings] }
    var title: String { "\(app.catalog[.findings]) · \(repository):\(tag)" }
    var counter: String {
        guard report != nil else { return "…" }
        let suppressed = triaged.filter(\.isSuppressed).count
        let expired = triaged.filter(\.stateIsExpired).count
        var parts = [model.counter(app.catalog)]
        if suppressed > 0 { parts.append(app.catalog[.suppressedCount, suppressed]) }
        if expired > 0 { parts.append(app.catalog[.expiredCount, expired]) }
        return parts.joined(separator: " · ")
    }
    var isBusy: Bool { load.isRunning }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository, tag: tag) }
    var filterText: String? { mode == .findings ? model.filterText : nil }
    var actions: [ConsoleAction] { [.open, .back, .suppress, .groupPackages, .groupVulnerabilities, .showSuppressed, .filter, .refresh] }

    func appear() { load.appear(refresh) }

    func close() { load.cancel() }

    func settle() async { await load.settle() }

    func refresh() {
        notice = nil
        load.run { [weak self, app, instance, repository, tag] in
            guard let self else { return }
            let digest = try await self.resolveDigest(app: app)
            let report = try await app.scanReports.report(instance: instance.name, repository: repository, tag: tag, digest: digest)
            guard !Task.isCancelled else { return }
            self.report = report
            self.digest = digest
            if report == nil { self.notice = app.catalog[.noReport, "\(instance.name)/\(repository):\(tag)"] }
            self.retriage()
        }
    }

    private func resolveDigest(app: ConsoleApp) async throws -> Digest {
        if let digest { return digest }
        guard let digest = try await app.session.provider(for: instance.name).currentDigest(repository: repository, tag: tag) else {
            throw RegistryError(.notFound, "'\(tag)' is not in \(repository)")
        }
        return digest
    }

    /// Applies the instance's suppressions and rebuilds the rows.
    private func retriage() {
        let suppressions = (try? app.suppressions(of: instance).load()) ?? []
        triaged = TriagedFinding.triage(report?.findings ?? [], suppressions: suppressions, repository: repository, digest: digest, now: app.now)
            .sorted { Finding.triageOrder($0.finding, $1.finding) }
        model.replace(with: showSuppressed ? triaged : triaged.filter { !$0.isSuppressed })
        let open = triaged.filter { !$0.isSuppressed }.map(\.finding)
        packages.replace(with: FixRollup.of(open))
        vulnerabilities.replace(with: Dictionary(grouping: open, by: \.vulnerability).map { id, group in
            VulnerabilityGroup(id: id, severity: group.map(\.severity).max() ?? .unknown, packages: group.map(\.package).uniquedSorted(),
                               fixable: group.filter(\.isFixable).count, title: group.first?.title)
        }.sorted { ($0.severity, $1.id) > ($1.severity, $0.id) })
    }

    // MARK: Actions

    func perform(_ action: ConsoleAction) -> Bool {
        switch mode {
        case .findings: if model.navigate(action) { return true }
        case .packages: if packages.navigate(action) { return true }
        case .vulnerabilities: if vulnerabilities.navigate(action) { return true }
        }
        let catalog = app.catalog
        switch action {
        case .open:
            switch mode {
            case .findings:
                guard let entry = model.selected else { return true }
                app.push(FindingDetailScreen(app: app, instance: instance, repository: repository, tag: tag, digest: digest, entry: entry) { [weak self] in self?.retriage() })
            case .packages:
                guard let group = packages.selected else { return true }
                showFindings(filter: "pkg:\(group.package)")
            case .vulnerabilities:
                guard let group = vulnerabilities.selected else { return true }
                showFindings(filter: "id:\(group.id)")
            }
        case .groupPackages:
            mode = mode == .packages ? .findings : .packages
            app.showFlash(catalog[mode == .packages ? .groupedByPackage : .ungrouped])
        case .groupVulnerabilities:
            mode = mode == .vulnerabilities ? .findings : .vulnerabilities
            app.showFlash(catalog[mode == .vulnerabilities ? .groupedByVulnerability : .ungrouped])
        case .showSuppressed:
            showSuppressed.toggle()
            retriage()
            app.showFlash(catalog[showSuppressed ? .showingSuppressed : .hidingSuppressed])
        case .suppress:
            guard mode == .findings, let entry = model.selected else { return true }
            SuppressionFlow(app: app, instance: instance, repository: repository, digest: digest) { [weak self] in self?.retriage() }.start(entry)
        case .back where mode != .findings:
            mode = .findings
        default:
            return false
        }
        return true
    }

    private func showFindings(filter: String) {
        mode = .findings
        try? model.setFilter(filter)
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) {
        switch mode {
        case .findings: model.handleMouse(event, in: rect)
        case .packages: packages.handleMouse(event, in: rect)
        case .vulnerabilities: vulnerabilities.handleMouse(event, in: rect)
        }
    }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) {
        mode = .findings
        try model.setFilter(text)
    }

    // MARK: Drawing

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = app.catalog
        let empty = load.failure.map { catalog[.loadFailed, $0] } ?? notice ?? (load.isRunning ? catalog[.scanLoading] : catalog[.noFindings])
        switch mode {
        case .findings:
            let columns: [TableColumn<TriagedFinding>] = [
                TableColumn(catalog[.columnSeverity], width: .fit(min: 8, max: 12), style: { theme.style(for: $0.finding.severity) }) { $0.severityCell(catalog) },
                TableColumn(catalog[.columnID], width: .fit(min: 10, max: 22)) { $0.finding.vulnerability },
                TableColumn(catalog[.columnPackage], width: .fit(min: 8, max: 24)) { $0.finding.package },
                TableColumn(catalog[.columnInstalled], width: .fit(min: 8, max: 18)) { $0.finding.installedVersion },
                TableColumn(catalog[.columnFixed], width: .fit(min: 6, max: 18), style: { $0.finding.isFixable ? theme[.ok] : nil }) { $0.finding.fixedVersion ?? "-" },
                TableColumn(catalog[.columnCVSS], width: .fit(min: 4, max: 5), alignRight: true) { $0.finding.cvssScore.map { String(format: "%.1f", $0) } ?? "" },
                TableColumn(catalog[.columnTitle], width: .flexible(min: 10)) { $0.finding.title ?? "" },
            ]
            Table(columns: columns, count: model.count, sortColumn: 0, emptyText: empty, row: model.item(at:)).draw(on: surface, in: rect, state: &model.state, theme: theme)
        case .packages:
            let columns: [TableColumn<FixRollup>] = [
                TableColumn(catalog[.columnPackage], width: .fit(min: 8, max: 30)) { $0.package },
                TableColumn(catalog[.columnInstalled], width: .fit(min: 8, max: 20)) { $0.installedVersion },
                TableColumn(catalog[.columnUpgradeTo], width: .fit(min: 10, max: 24), style: { _ in theme[.ok] }) { $0.upgradeTo },
                TableColumn(catalog[.columnFixes], width: .fit(min: 5, max: 8), alignRight: true) { String($0.fixes) },
                TableColumn(catalog[.columnWorst], width: .flexible(min: 8), style: { theme.style(for: $0.worst) }) { catalog.severity($0.worst) },
            ]
            Table(columns: columns, count: packages.count, emptyText: empty, row: packages.item(at:)).draw(on: surface, in: rect, state: &packages.state, theme: theme)
        case .vulnerabilities:
            let columns: [TableColumn<VulnerabilityGroup>] = [
                TableColumn(catalog[.columnSeverity], width: .fit(min: 8, max: 10), style: { theme.style(for: $0.severity) }) { catalog.severity($0.severity) },
                TableColumn(catalog[.columnID], width: .fit(min: 10, max: 22)) { $0.id },
                TableColumn(catalog[.columnFixable], width: .fit(min: 4, max: 8), alignRight: true) { String($0.fixable) },
                TableColumn(catalog[.columnPackage], width: .fit(min: 8, max: 40)) { $0.packages.joined(separator: ",") },
                TableColumn(catalog[.columnTitle], width: .flexible(min: 10)) { $0.title ?? "" },
            ]
            Table(columns: columns, count: vulnerabilities.count, emptyText: empty, row: vulnerabilities.item(at:)).draw(on: surface, in: rect, state: &vulnerabilities.state, theme: theme)
        }
    }
}

extension Array where Element == String {
    /// Sorted, without repeats.
    func uniquedSorted() -> [String] { Array(Set(self)).sorted() }
}
