import RegistryClient
import TerminalUI

/// A Harbor server dry run beside regconsole's preview, tag by tag: the tags they decide
/// differently come first in the theme's warning colour, then the rest; the summary line says how
/// many agree.
@MainActor
final class RetentionComparisonScreen: Screen {
    struct Row: Identifiable, Sendable {
        var entry: RetentionComparison.Row
        var id: String { "\(entry.repository)\u{0}\(entry.tag ?? entry.digest)" }
    }

    let instance: Instance
    var owningInstance: Instance? { instance }
    let project: String
    let comparison: RetentionComparison
    private unowned let context: any PaneContext
    private let model: ListModel<Row>

    init(context: any PaneContext, instance: Instance, project: String, comparison: RetentionComparison) {
        self.context = context
        self.instance = instance
        self.project = project
        self.comparison = comparison
        model = ListModel(searchFields: { [$0.entry.repository, $0.entry.tag ?? ""] })
        model.replace(with: comparison.rows.map { Row(entry: $0) })
    }

    var crumb: String { context.catalog[.actionDryRun] }
    var title: String { "\(context.catalog[.retentionCompareTitle]) · \(instance.name)/\(project)" }
    var counter: String { "\(comparison.agreeing)/\(comparison.rows.count)" }
    var isBusy: Bool { false }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: project) }
    var filterText: String? { model.filterText }
    var actions: [ConsoleAction] { [.back, .filter] }

    func appear() {}
    func close() {}
    func refresh() {}
    func settle() async {}

    func perform(_ action: ConsoleAction) -> Bool { model.navigate(action) }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { model.handleMouse(event, in: tableRect(rect)) }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) { try model.setFilter(text) }

    private func tableRect(_ rect: Rect) -> Rect {
        Rect(row: rect.row + 2, column: rect.column, rows: max(0, rect.rows - 2), columns: rect.columns)
    }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = context.catalog
        surface.draw(
            catalog[.retentionSummary, comparison.agreeing, comparison.rows.count, comparison.differing],
            at: Point(row: rect.row, column: rect.column + 1), style: theme[comparison.agrees ? .ok : .warning],
            width: rect.columns - 1)
        let differs = { (row: Row) -> Style? in row.entry.agreement == .same ? nil : theme[.warning] }
        let columns: [TableColumn<Row>] = [
            TableColumn(catalog[.columnRepository], width: .fit(min: 10, max: 32), style: differs) {
                $0.entry.repository
            },
            TableColumn(catalog[.columnTag], width: .flexible(min: 8), style: differs) {
                $0.entry.tag ?? $0.entry.digest.prefix(19) + "…"
            },
            TableColumn(catalog[.columnPreview], width: .fit(min: 6, max: 10), style: differs) {
                $0.entry.preview.map { catalog.decision($0) } ?? "-"
            },
            TableColumn(catalog[.columnServer], width: .fit(min: 6, max: 10), style: differs) {
                $0.entry.server.map { catalog.decision($0.decision) } ?? "-"
            },
        ]
        Table(columns: columns, count: model.count, emptyText: catalog[.emptyTags], row: model.item(at:)).draw(
            on: surface, in: tableRect(rect), state: &model.state, theme: theme)
    }
}
