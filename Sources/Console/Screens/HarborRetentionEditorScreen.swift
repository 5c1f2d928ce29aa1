import Foundation
import RegistryClient
import TerminalUI

/// Editing one rule of a Harbor project's retention policy, with regconsole's preview of the whole
/// policy beside the form: the project's artifacts are read once, and every change to a field
/// evaluates the policy again (keep, delete and immutable counts, the first tags that go, every
/// tag's decision and reason). `enter` saves the policy (audited), `esc` leaves without saving.
@MainActor
final class HarborRetentionEditorScreen: Screen, KeyCapturing {
    struct PreviewRow: Identifiable, Sendable {
        var verdict: RetentionVerdict
        var id: String { verdict.key }
    }

    private static let templates = HarborRetentionRule.Template.offered

    let instance: Instance
    var owningInstance: Instance? { instance }
    private unowned let context: any PaneContext
    private let provider: any RetentionPolicyManaging
    private let project: String
    /// The policy as stored; nil when the project has none yet.
    private let policy: HarborRetentionPolicy?
    /// The rule's index in the policy; nil for a new rule.
    private let index: Int?
    private var form: Form
    private let preview: ListModel<PreviewRow>
    private var candidates: [RetentionCandidate]?
    private var verdicts: [RetentionVerdict] = []
    private var problem: String?
    private let load: PaneLoad

    init(
        context: any PaneContext, provider: any RetentionPolicyManaging, project: String,
        policy: HarborRetentionPolicy?, index: Int?
    ) {
        self.context = context
        self.provider = provider
        self.instance = provider.instance
        self.project = project
        self.policy = policy
        self.index = index
        let rule =
            index.flatMap { policy?.rules.indices.contains($0) == true ? policy?.rules[$0] : nil }
            ?? HarborRetentionRule(template: .latestPushedK, parameter: 10)
        let catalog = context.catalog
        let modes = [catalog[.modeMatching], catalog[.modeExcluding]]
        form = Form(fields: [
            Form.Field(
                id: "template", label: catalog[.fieldTemplate],
                value: .choice(
                    Self.templates.map { catalog.templateWords(HarborRetentionRule(template: $0, parameter: nil)) },
                    selected: Self.templates.firstIndex { $0 == rule.kind } ?? 0)),
            Form.Field(
                id: "parameter", label: catalog[.fieldParameter],
                value: .text(LineEditor(rule.parameter.map(String.init) ?? "")), hint: catalog[.hintParameter]),
            Form.Field(id: "tags", label: catalog[.fieldTagSelector], value: .text(LineEditor(rule.tags.pattern))),
            Form.Field(
                id: "tagMode", label: catalog[.fieldTagMode],
                value: .choice(modes, selected: rule.tags.excludes ? 1 : 0)),
            Form.Field(
                id: "repos", label: catalog[.fieldRepoSelector], value: .text(LineEditor(rule.repositories.pattern))),
            Form.Field(
                id: "repoMode", label: catalog[.fieldRepoMode],
                value: .choice(modes, selected: rule.repositories.excludes ? 1 : 0)),
            Form.Field(id: "untagged", label: catalog[.fieldUntagged], value: .toggle(rule.untagged)),
            Form.Field(id: "disabled", label: catalog[.fieldDisabled], value: .toggle(rule.disabled)),
        ])
        preview = ListModel(searchFields: { [$0.verdict.tag ?? ""] })
        load = PaneLoad { [unowned context] in context.requestDisplay() }
    }

    private var number: Int { (index ?? policy?.rules.count ?? 0) + 1 }

    var crumb: String { "#\(number)" }
    var title: String { "\(context.catalog[.retentionEditor]) #\(number) · \(instance.name)/\(project)" }
    var counter: String {
        guard candidates != nil else { return "…" }
        return "-\(verdicts.count { $0.decision == .delete })/\(verdicts.count)"
    }
    var isBusy: Bool { load.isRunning }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: project) }
    var actions: [ConsoleAction] { [.back] }

    func appear() { load.appear(refresh) }

    func close() { load.cancel() }

    func settle() async { await load.settle() }

    /// Reads the project's artifacts once; every edit evaluates them again.
    func refresh() {
        load.run { [weak self, provider, project] in
            let candidates = try await provider.retentionCandidates(project: project)
            guard let self else { return }
            self.candidates = candidates
            self.recompute()
        }
    }

    func capture(_ key: Key) -> Bool {
        switch key {
        case .escape, .mouse: return false
        case .enter: save()
        case .pageUp: preview.page(-1)
        case .pageDown: preview.page(1)
        default: if form.handle(key) { recompute() }
        }
        return true
    }

    func perform(_ action: ConsoleAction) -> Bool { false }

    /// The rule as the fields say, marking the fields that are wrong.
    private func edited() -> HarborRetentionRule? {
        for id in ["parameter", "tags", "repos"] { form[id]?.error = nil }
        var template = Self.templates[0]
        if case .choice(_, let selected)? = form["template"]?.value { template = Self.templates[selected] }
        let text = form["parameter"]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        let parameter = Int(text)
        if template.takesParameter && parameter == nil {
            form["parameter"]?.error = context.catalog[.errorWholeNumber]
            return nil
        }
        var rule = HarborRetentionRule(
            template: template, parameter: parameter,
            tags: .init(pattern: form["tags"]?.text ?? "", excludes: choice("tagMode") == 1),
            untagged: form["untagged"]?.value == .toggle(true),
            repositories: .init(pattern: form["repos"]?.text ?? "", excludes: choice("repoMode") == 1),
            disabled: form["disabled"]?.value == .toggle(true))
        if let index, let stored = policy?.rules[index] {
            rule.id = stored.id
            rule.priority = stored.priority
        }
        if let problem = HarborRetentionPolicy.problems(of: rule).first {
            form["parameter"]?.error = problem
            return nil
        }
        return rule
    }

    private func choice(_ id: String) -> Int {
        if case .choice(_, let selected)? = form[id]?.value { return selected }
        return 0
    }

    /// The policy with the edited rule in its place (or added).
    private func editedPolicy(_ rule: HarborRetentionRule, projectID: Int) -> HarborRetentionPolicy {
        var changed = policy ?? HarborRetentionPolicy(projectID: projectID)
        if let index, changed.rules.indices.contains(index) {
            changed.rules[index] = rule
        } else {
            changed.rules.append(rule)
        }
        return changed
    }

    private func recompute() {
        guard let rule = edited() else {
            problem = form.fields.compactMap(\.error).first
            verdicts = []
            preview.replace(with: [])
            context.requestDisplay()
            return
        }
        problem = nil
        guard let candidates else { return }
        let changed = editedPolicy(rule, projectID: policy?.projectID ?? 0)
        verdicts = RetentionEvaluator(policy: changed, project: project, now: context.now).verdicts(candidates)
            .filter(\.inScope)
        let order: [RetentionDecision: Int] = [.delete: 0, .immutable: 1, .keep: 2]
        preview.replace(
            with: verdicts.enumerated().sorted {
                (order[$0.element.decision] ?? 3, $0.offset) < (order[$1.element.decision] ?? 3, $1.offset)
            }
            .map { PreviewRow(verdict: $0.element) })
        context.requestDisplay()
    }

    private func save() {
        guard let rule = edited() else {
            context.showFlash(problem ?? context.catalog[.errorWholeNumber], error: true)
            return
        }
        context.beginJob()
        Task { [context, provider, project, policy, instance] in
            defer { context.endJob() }
            do {
                var projectID = policy?.projectID ?? 0
                if policy == nil { projectID = try await provider.projectID(of: project) }
                let changed = self.editedPolicy(rule, projectID: projectID)
                if let problem = changed.problems.first { throw RegistryError(.invalidReference, problem) }
                _ = try await AuditedRetention(audit: context.auditLog).savePolicy(
                    changed, project: project, on: provider)
                context.showFlash(context.catalog[.retentionSaved, project])
                context.pop()
                context.publish(.lifecycleRules(instance: instance.name))
            } catch {
                context.showError(error, .saveFailed)
            }
        }
    }

    /// `team/app` for `lib/team/app` in `lib`.
    private static func shortName(_ repository: String, in project: String) -> String {
        repository.hasPrefix(project + "/") ? String(repository.dropFirst(project.count + 1)) : repository
    }

    // MARK: Drawing

    private func formWidth(_ rect: Rect) -> Int { min(48, max(30, rect.columns * 2 / 5)) }

    private func previewRect(_ rect: Rect) -> Rect {
        let width = formWidth(rect)
        return Rect(row: rect.row, column: rect.column + width + 1, rows: rect.rows, columns: rect.columns - width - 1)
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { preview.handleMouse(event, in: previewRect(rect)) }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = context.catalog
        let left = Rect(row: rect.row, column: rect.column + 1, rows: rect.rows, columns: formWidth(rect) - 2)
        let keys = StyledLine(catalog[.retentionEditorKeys], .muted).wrapped(to: left.columns)
        let formRows = max(0, left.rows - keys.count)
        form.draw(
            on: surface, in: Rect(row: left.row, column: left.column, rows: formRows, columns: left.columns),
            theme: theme)
        for (offset, line) in keys.enumerated() where left.row + formRows + offset < left.bottom {
            surface.draw(
                line.plain, at: Point(row: left.row + formRows + offset, column: left.column), style: theme[.muted],
                width: left.columns)
        }
        for row in rect.row..<rect.bottom {
            surface.draw("│", at: Point(row: row, column: rect.column + formWidth(rect)), style: theme[.border])
        }
        drawPreview(on: surface, in: previewRect(rect), theme: theme)
    }

    private func drawPreview(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = context.catalog
        guard candidates != nil, problem == nil else {
            let text =
                load.failure.map { catalog[.loadFailed, catalog.describe($0)] } ?? problem ?? catalog[.scanLoading]
            surface.draw(
                text, at: Point(row: rect.row, column: rect.column + 1),
                style: theme[load.failure != nil || problem != nil ? .error : .muted], width: rect.columns - 1)
            return
        }
        let count = { (decision: RetentionDecision) in self.verdicts.count { $0.decision == decision } }
        let going = verdicts.filter { $0.decision == .delete }.compactMap(\.tag)
        let header = [
            StyledLine(catalog[.retentionPreviewTotals, count(.keep), count(.delete), count(.immutable)], .title),
            StyledLine(catalog[.retentionGoes, going.isEmpty ? "-" : going.prefix(6).joined(separator: ", ")], .muted),
        ]
        for (offset, line) in header.enumerated() {
            surface.draw(
                line.plain, at: Point(row: rect.row + offset, column: rect.column + 1),
                style: theme[line.runs.first?.role ?? .text], width: rect.columns - 1)
        }
        let columns: [TableColumn<PreviewRow>] = [
            TableColumn(catalog[.columnTag], width: .fit(min: 8, max: 40)) { row in
                "\(Self.shortName(row.verdict.repository, in: self.project)):\(row.verdict.tag ?? "-")"
            },
            TableColumn(
                catalog[.columnDecision], width: .fit(min: 6, max: 10),
                style: { row in
                    theme[
                        row.verdict.decision == .delete ? .error : row.verdict.decision == .immutable ? .warning : .ok]
                }
            ) { catalog.decision($0.verdict.decision) },
            TableColumn(catalog[.columnReason], width: .flexible(min: 10)) { $0.verdict.reason },
        ]
        let table = Rect(
            row: rect.row + header.count + 1, column: rect.column, rows: max(0, rect.rows - header.count - 1),
            columns: rect.columns)
        Table(columns: columns, count: preview.count, emptyText: catalog[.emptyTags], row: preview.item(at:)).draw(
            on: surface, in: table, state: &preview.state, theme: theme)
    }
}
