import Foundation
import RegistryClient
import TerminalUI

/// Editing a lifecycle rule with a live dry run beside the form: every change to a field replans
/// the tags in the rule's scope (read once) and shows what is kept and deleted and why, the totals,
/// the bytes freed and how it differs from the rules as saved. `enter` saves, ctrl-a saves and
/// applies, `esc` leaves without saving.
@MainActor
final class LifecycleEditorScreen: Screen, KeyCapturing {
    /// One previewed tag; `changed` when the saved rules decide otherwise.
    struct PreviewRow: Identifiable, Sendable {
        var entry: LifecyclePlan.Entry
        var changed: Bool
        var id: String { entry.id }
    }

    private static let schedules: [LifecycleRule.Schedule?] = [nil] + LifecycleRule.Schedule.allCases.map(Optional.some)

    let instance: Instance
    var owningInstance: Instance? { instance }
    private unowned let context: any PaneContext
    private let provider: any RegistryProvider
    private let store: any LifecycleRuleStore
    private var rule: LifecycleRule
    private let isNew: Bool
    /// The other stored rules that share repositories with this one: they are planned with it.
    private let others: [LifecycleRule]
    private var form: Form
    private let preview: ListModel<PreviewRow>
    private var inventory: LifecycleInventory?
    private var savedPlan: LifecyclePlan?
    private var plan: LifecyclePlan?
    private var readProgress = (done: 0, total: 0)
    private var problem: String?
    private let load: PaneLoad

    init(
        context: any PaneContext, provider: any RegistryProvider, store: any LifecycleRuleStore, rule: LifecycleRule,
        isNew: Bool, otherRules: [LifecycleRule]
    ) {
        self.context = context
        self.provider = provider
        self.instance = provider.instance
        self.store = store
        self.rule = rule
        self.isNew = isNew
        self.others = otherRules.filter { $0.scope.overlaps(rule.scope) }
        let catalog = context.catalog
        let scheduleIndex = rule.auto ? Self.schedules.firstIndex(of: rule.schedule) ?? 0 : 0
        form = Form(fields: [
            Form.Field(
                id: "count", label: catalog[.fieldKeepCount],
                value: .text(LineEditor(rule.retentionTagCount.map(String.init) ?? "")), hint: catalog[.hintKeepCount]),
            Form.Field(
                id: "regexp", label: catalog[.fieldKeepRegexp], value: .text(LineEditor(rule.tagRegexp ?? "")),
                hint: catalog[.hintKeepRegexp]),
            Form.Field(
                id: "days", label: catalog[.fieldKeepDays],
                value: .text(LineEditor(rule.keepPushedWithinDays.map(String.init) ?? "")), hint: catalog[.hintKeepDays]
            ),
            Form.Field(
                id: "schedule", label: catalog[.fieldSchedule],
                value: .choice(Self.schedules.map { $0?.rawValue ?? catalog[.scheduleManual] }, selected: scheduleIndex)
            ),
        ])
        preview = ListModel(searchFields: { [$0.entry.tag] })
        load = PaneLoad { [unowned context] in context.requestDisplay() }
    }

    var crumb: String { rule.id }
    var title: String { "\(context.catalog[.lifecycleEditor]) \(rule.id) · \(instance.name) · \(rule.scope)" }
    var counter: String {
        guard let plan else { return "…" }
        return "-\(plan.deletions.count)/\(plan.entries.count)"
    }
    var isBusy: Bool { load.isRunning }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var actions: [ConsoleAction] { [.back] }

    func appear() { load.appear(refresh) }

    func close() { load.cancel() }

    func settle() async { await load.settle() }

    /// Reads the tags in the rule's scope once; every edit replans them.
    func refresh() {
        let rules = others + [rule]
        load.run { [weak self, provider, rule] in
            let inventory = try await LifecycleInventory.load(provider: provider, rules: rules, scope: rule.scope) {
                done, total in
                Task { @MainActor in
                    self?.readProgress = (done, total)
                    self?.context.requestDisplay()
                }
            }
            guard let self else { return }
            self.inventory = inventory
            self.savedPlan = LifecycleEngine.plan(
                rules: self.isNew ? self.others : self.others + [rule], inventory: inventory, now: self.context.now)
            self.recompute()
        }
    }

    // MARK: Editing

    func capture(_ key: Key) -> Bool {
        switch key {
        case .escape, .mouse: return false
        case .enter: save(thenApply: false)
        case .control("a"): save(thenApply: true)
        case .pageUp: preview.page(-1)
        case .pageDown: preview.page(1)
        default: if form.handle(key) { recompute() }
        }
        return true
    }

    /// The rule as the fields say, marking the fields that are wrong.
    private func edited() -> LifecycleRule? {
        let catalog = context.catalog
        var edited = rule
        var valid = true
        func number(_ id: String) -> Int? {
            let text = form[id]?.text.trimmingCharacters(in: .whitespaces) ?? ""
            guard !text.isEmpty else { return nil }
            guard let value = Int(text), value >= 1 else {
                form[id]?.error = catalog[.errorWholeNumber]
                valid = false
                return nil
            }
            return value
        }
        for id in ["count", "regexp", "days", "schedule"] { form[id]?.error = nil }
        edited.retentionTagCount = number("count")
        edited.keepPushedWithinDays = number("days")
        let pattern = form["regexp"]?.text ?? ""
        edited.tagRegexp = pattern.isEmpty ? nil : pattern
        if case .choice(_, let selected)? = form["schedule"]?.value {
            edited.schedule = Self.schedules[selected]
            edited.auto = edited.schedule != nil
        }
        let fieldOf = [
            "retention_tag_count": "count", "tag_regexp": "regexp", "keep_pushed_within_days": "days",
            "auto": "schedule", "schedule": "schedule",
        ]
        for problem in edited.problems + store.unsupportedFields(of: edited) {
            valid = false
            if let id = fieldOf[problem.field], form[id]?.error == nil { form[id]?.error = problem.message }
        }
        return valid ? edited : nil
    }

    /// Replans with the fields as they are.
    private func recompute() {
        guard let candidate = edited() else {
            // An invalid form has no plan: the preview says what to fix instead.
            problem = form.fields.compactMap(\.error).first
            plan = nil
            preview.replace(with: [])
            context.requestDisplay()
            return
        }
        problem = nil
        guard let inventory else { return }
        let plan = LifecycleEngine.plan(rules: others + [candidate], inventory: inventory, now: context.now)
        let changed = Set(savedPlan.map { plan.changes(from: $0).map(\.entry.id) } ?? [])
        self.plan = plan
        preview.replace(with: plan.entries.map { PreviewRow(entry: $0, changed: changed.contains($0.id)) })
        context.requestDisplay()
    }

    private func save(thenApply: Bool) {
        guard let candidate = edited() else {
            context.showFlash(problem ?? context.catalog[.errorWholeNumber], error: true)
            return
        }
        let plan = plan
        context.beginJob()
        Task { [context, store, provider, others, instance] in
            defer { context.endJob() }
            do {
                let stored = try await store.save(candidate)
                context.showFlash(context.catalog[.ruleSaved, stored.id])
                context.pop()
                context.publish(.lifecycleRules(instance: instance.name))
                if thenApply, let plan {
                    LifecycleApplyFlow(context: context, provider: provider, scope: stored.scope).confirm(
                        plan, rules: others + [stored])
                }
            } catch {
                context.showError(error, .saveFailed)
            }
        }
    }

    func perform(_ action: ConsoleAction) -> Bool { false }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { preview.handleMouse(event, in: previewRect(rect)) }

    // MARK: Drawing

    private func formWidth(_ rect: Rect) -> Int { min(52, max(30, rect.columns * 2 / 5)) }

    private func previewRect(_ rect: Rect) -> Rect {
        let width = formWidth(rect)
        return Rect(row: rect.row, column: rect.column + width + 1, rows: rect.rows, columns: rect.columns - width - 1)
    }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = context.catalog
        let left = Rect(row: rect.row, column: rect.column + 1, rows: rect.rows, columns: formWidth(rect) - 2)
        surface.draw(
            "\(catalog[.fieldScope])  \(rule.scope)", at: Point(row: left.row, column: left.column),
            style: theme[.title], width: left.columns)
        let keys = StyledLine(catalog[.editorKeys], .muted).wrapped(to: left.columns)
        let formRows = max(0, left.rows - 2 - keys.count)
        form.draw(
            on: surface, in: Rect(row: left.row + 2, column: left.column, rows: formRows, columns: left.columns),
            theme: theme)
        for (index, line) in keys.enumerated() where left.row + 2 + formRows + index < left.bottom {
            surface.draw(
                line.plain, at: Point(row: left.row + 2 + formRows + index, column: left.column), style: theme[.muted],
                width: left.columns)
        }
        for row in rect.row..<rect.bottom {
            surface.draw("│", at: Point(row: row, column: rect.column + formWidth(rect)), style: theme[.border])
        }
        drawPreview(on: surface, in: previewRect(rect), theme: theme)
    }

    private func drawPreview(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = context.catalog
        guard let plan else {
            let text =
                load.failure.map { catalog[.loadFailed, catalog.describe($0)] } ?? problem
                ?? catalog[.previewLoading, readProgress.done, readProgress.total]
            surface.draw(
                text, at: Point(row: rect.row, column: rect.column + 1),
                style: theme[load.failure != nil || problem != nil ? .error : .muted], width: rect.columns - 1)
            return
        }
        var header = [
            StyledLine(
                catalog[
                    .previewTotals, plan.deletions.count, plan.entries.count, LifecycleExecutor.items(of: plan).count,
                    plan.keptCount, ByteCount.format(plan.bytesFreed)], .title)
        ]
        if let savedPlan {
            let changes = plan.changes(from: savedPlan)
            header.append(
                StyledLine(
                    catalog[
                        .previewChanges, changes.filter { $0.entry.decision == .delete }.count,
                        changes.filter { $0.entry.decision == .keep }.count], .muted))
        }
        if let problem { header.append(StyledLine(problem, .error)) }
        header += plan.warnings.prefix(2).map { StyledLine(catalog[.previewWarning, $0], .warning) }
        for (index, line) in header.enumerated() {
            surface.draw(
                line.plain, at: Point(row: rect.row + index, column: rect.column + 1),
                style: theme[line.runs.first?.role ?? .text], width: rect.columns - 1)
        }
        let showRepository = { if case .repository = rule.scope { false } else { true } }()
        let columns: [TableColumn<PreviewRow>] = [
            TableColumn(catalog[.columnTag], width: .fit(min: 8, max: 40)) { row in
                (row.changed ? "± " : "")
                    + (showRepository ? "\(row.entry.repository):\(row.entry.tag)" : row.entry.tag)
            },
            TableColumn(
                catalog[.columnDecision], width: .fit(min: 6, max: 8),
                style: { theme[$0.entry.decision == .delete ? .error : .ok] }
            ) { row in
                catalog[row.entry.decision == .delete ? .decisionDelete : .decisionKeep]
            },
            TableColumn(catalog[.columnReason], width: .flexible(min: 10)) { catalog.describe($0.entry.reason) },
        ]
        let table = Rect(
            row: rect.row + header.count + 1, column: rect.column, rows: max(0, rect.rows - header.count - 1),
            columns: rect.columns)
        Table(columns: columns, count: preview.count, emptyText: catalog[.emptyTags], row: preview.item(at:)).draw(
            on: surface, in: table, state: &preview.state, theme: theme)
    }
}
