import Foundation
import RegistryClient
import TerminalUI

/// The findings of two tags side by side: new in B, fixed since A, unchanged. A is the older tag
/// when both creation dates are known, else the first marked. The filter takes finding expressions.
@MainActor
final class DiffScreen: Screen {
    struct Row: Identifiable, Sendable {
        var change: FindingDiff.Change
        var entry: TriagedFinding
        var id: String { "\(change.rawValue)|\(entry.finding.id)" }
    }

    /// One side of the comparison.
    struct Side: Sendable {
        var tag: String
        var digest: Digest?
    }

    let instance: Instance
    var owningInstance: Instance? { instance }
    let repository: String
    private var before: Side
    private var after: Side
    private unowned let context: any PaneContext
    private let model: ListModel<Row>
    private let load: PaneLoad

    init(context: any PaneContext, instance: Instance, repository: String, before: Side, after: Side) {
        self.context = context
        self.instance = instance
        self.repository = repository
        self.before = before
        self.after = after
        load = PaneLoad { [unowned context] in context.requestDisplay() }
        model = ListModel(searchFields: { [$0.entry.finding.vulnerability] })
        model.matcher = FindingFilter.rowMatcher { $0.entry }
    }

    var crumb: String { "\(before.tag)…\(after.tag)" }
    var title: String { "\(context.catalog[.diffTitle]) · \(repository) · \(before.tag) → \(after.tag)" }
    var counter: String {
        guard !load.isRunning, load.failure == nil else { return "…" }
        let counts = Dictionary(grouping: model.items, by: \.change).mapValues(\.count)
        let totals = FindingDiff.Change.allCases.map { "\(context.catalog[Self.label($0)]) \(counts[$0] ?? 0)" }.joined(
            separator: " · ")
        return model.filterText.isEmpty ? totals : "\(model.count)/\(model.items.count) · \(totals)"
    }
    var isBusy: Bool { load.isRunning }
    var location: ViewLocation {
        ViewLocation(
            instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository,
            tag: after.tag)
    }
    var filterText: String? { model.filterText }
    var actions: [ConsoleAction] { [.open, .back, .filter, .refresh] }

    func appear() { load.appear(refresh) }

    func close() { load.cancel() }

    func settle() async { await load.settle() }

    /// New suppressions, tags or scans of the repository: the comparison is made again.
    func changed(_ change: ConsoleChange) {
        guard change.instance == instance.name, change.touches(repository: repository) else { return }
        refresh()
    }

    func refresh() {
        load.run { [weak self, context, instance, repository, before, after] in
            let provider = try await context.session.provider(for: instance.name)
            let (a, b) = try await Self.resolve(before, after, provider: provider, repository: repository)
            async let reportA = Self.report(a, context: context, instance: instance.name, repository: repository)
            async let reportB = Self.report(b, context: context, instance: instance.name, repository: repository)
            let (findingsA, findingsB) = try await (reportA, reportB)
            guard let self, !Task.isCancelled else { return }
            self.before = a
            self.after = b
            self.show(FindingDiff(before: findingsA, after: findingsB))
        }
    }

    /// Both sides with digests, older first when both dates are known.
    private static func resolve(
        _ first: Side, _ second: Side, provider: any RegistryProvider, repository: String
    ) async throws -> (Side, Side) {
        async let detailsA = provider.tagDetails(repository: repository, tag: first.tag)
        async let detailsB = provider.tagDetails(repository: repository, tag: second.tag)
        let (a, b) = try await (detailsA, detailsB)
        let sides = (Side(tag: first.tag, digest: a.digest), Side(tag: second.tag, digest: b.digest))
        if let createdA = a.created, let createdB = b.created, createdB < createdA { return (sides.1, sides.0) }
        return sides
    }

    private static func report(
        _ side: Side, context: any PaneContext, instance: String, repository: String
    ) async throws -> [Finding] {
        guard let digest = side.digest,
            let report = try await context.scanReports.report(
                instance: instance, repository: repository, tag: side.tag, digest: digest)
        else { throw RegistryError(.notFound, context.catalog[.noReport, "\(instance)/\(repository):\(side.tag)"]) }
        return report.findings
    }

    private func show(_ diff: FindingDiff) {
        let suppressions = (try? context.suppressions(of: instance).load()) ?? []
        model.replace(
            with: diff.entries.map { change, finding in
                let side = change == .fixed ? before : after
                let entry = TriagedFinding.triage(
                    [finding], suppressions: suppressions, repository: repository, digest: side.digest, now: context.now
                )[0]
                return Row(change: change, entry: entry)
            })
    }

    private static func label(_ change: FindingDiff.Change) -> Message {
        switch change {
        case .new: .changeNew
        case .fixed: .changeFixed
        case .unchanged: .changeUnchanged
        }
    }

    // MARK: Actions

    func perform(_ action: ConsoleAction) -> Bool {
        if model.navigate(action) { return true }
        guard action == .open, let row = model.selected else { return false }
        let side = row.change == .fixed ? before : after
        context.push(
            FindingDetailScreen(
                context: context, instance: instance, repository: repository, tag: side.tag, digest: side.digest,
                entry: row.entry))
        return true
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { model.handleMouse(event, in: rect) }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) { try model.setFilter(text) }

    // MARK: Drawing

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = context.catalog
        let columns: [TableColumn<Row>] = [
            TableColumn(
                catalog[.columnChange], width: .fit(min: 6, max: 10),
                style: { row in
                    switch row.change {
                    case .new: theme[.error]
                    case .fixed: theme[.ok]
                    case .unchanged: theme[.muted]
                    }
                }
            ) { catalog[Self.label($0.change)] },
            TableColumn(
                catalog[.columnSeverity], width: .fit(min: 8, max: 12),
                style: { theme.style(for: $0.entry.finding.severity) }
            ) { $0.entry.severityCell(catalog) },
            TableColumn(catalog[.columnID], width: .fit(min: 10, max: 22)) { $0.entry.finding.vulnerability },
            TableColumn(catalog[.columnPackage], width: .fit(min: 8, max: 24)) { $0.entry.finding.package },
            TableColumn(catalog[.columnInstalled], width: .fit(min: 8, max: 18)) { $0.entry.finding.installedVersion },
            TableColumn(catalog[.columnFixed], width: .flexible(min: 6)) { $0.entry.finding.fixedVersion ?? "-" },
        ]
        let empty =
            load.failure.map { catalog[.loadFailed, catalog.describe($0)] }
            ?? (load.isRunning ? catalog[.scanLoading] : catalog[.noFindings])
        Table(columns: columns, count: model.count, emptyText: empty, row: model.item(at:)).draw(
            on: surface, in: rect, state: &model.state, theme: theme)
    }
}
