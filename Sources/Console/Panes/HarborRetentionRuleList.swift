import RegistryClient
import TerminalUI

/// A Harbor project's own tag retention rules (the rules pane on a Harbor instance): what each
/// keeps, of which tags, in which repositories, with the policy's schedule in the title. Enter or
/// `e` edits a rule with regconsole's live preview, `n` adds one, ctrl-d deletes one, `w` runs a
/// server dry run and compares it with the preview, `!` runs the policy for real.
@MainActor
final class HarborRetentionRuleList: ResourceKind {
    struct Row: Identifiable, Sendable {
        /// 1-based, as `retention show` numbers them.
        var number: Int
        var rule: HarborRetentionRule
        var id: Int { number }
    }

    unowned let context: any PaneContext
    let instance: Instance
    let project: String
    private var manager: (any RetentionPolicyManaging)?
    /// The policy as last read; nil when the project has none.
    private(set) var policy: HarborRetentionPolicy?

    init(context: any PaneContext, instance: Instance, project: String) {
        self.context = context
        self.instance = instance
        self.project = project
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.harborRetention] }
    var title: String {
        "\(context.catalog[.harborRetention]) · \(context.catalog.retentionSchedule(policy)) · \(instance.name)/\(project)"
    }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: project) }
    var emptyText: String {
        manager == nil
            ? context.catalog[.needsHarbor, context.catalog[.harborRetention]]
            : policy == nil ? context.catalog[.retentionNoPolicy, project] : context.catalog[.emptyHarborRetention]
    }

    func rows(in pane: ResourcePane<HarborRetentionRuleList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, instance, project) = (context.session, instance, project)
        return .producing { [weak self] continuation in
            guard let provider = try await session.provider(for: instance.name) as? any RetentionPolicyManaging else {
                return
            }
            let policy = try await provider.retentionPolicy(project: project)
            await MainActor.run { self?.policy = policy }
            continuation.yield((policy?.rules ?? []).enumerated().map { Row(number: $0.offset + 1, rule: $0.element) })
        }
    }

    func searchFields(of row: Row) -> [String] {
        [row.rule.template, row.rule.tags.pattern, row.rule.repositories.pattern]
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<HarborRetentionRuleList>) {
        manager = provider as? any RetentionPolicyManaging
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<HarborRetentionRuleList>) -> Bool {
        change == .lifecycleRules(instance: instance.name)
    }

    func actions(in pane: ResourcePane<HarborRetentionRuleList>) -> [ConsoleAction] {
        guard manager != nil else { return [.back, .filter, .refresh] }
        return context.isReadOnly(instance)
            ? [.dryRun, .back, .filter, .refresh] : [.open, .create, .delete, .dryRun, .run, .back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<HarborRetentionRuleList>) -> Bool {
        guard let manager else { return false }
        let flow = HarborRetentionFlow(context: context, provider: manager, project: project)
        switch action {
        case .open, .edit:
            guard context.requireWritable(instance), let row = pane.selected else { return true }
            flow.edit(policy: policy, index: row.number - 1)
        case .create:
            guard context.requireWritable(instance) else { return true }
            flow.edit(policy: policy, index: nil)
        case .delete:
            guard context.requireWritable(instance), let policy, let row = pane.selected else { return true }
            flow.deleteRule(row.number - 1, of: policy)
        case .dryRun:
            guard policy != nil else { return flash() }
            flow.dryRun()
        case .run:
            guard context.requireWritable(instance) else { return true }
            guard let policy else { return flash() }
            flow.run(policy)
        default:
            return false
        }
        return true
    }

    private func flash() -> Bool {
        context.showFlash(context.catalog[.retentionNoPolicy, project], error: true)
        return true
    }

    func columns(in pane: ResourcePane<HarborRetentionRuleList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        return [
            TableColumn("#", width: .fit(min: 2, max: 3), alignRight: true) { String($0.number) },
            TableColumn(catalog[.columnTemplate], width: .flexible(min: 14)) { catalog.templateWords($0.rule) },
            TableColumn(catalog[.columnTagPattern], width: .fit(min: 6, max: 24)) {
                catalog.selectorWords($0.rule.tags)
            },
            TableColumn(catalog[.columnRepos], width: .fit(min: 6, max: 24)) {
                catalog.selectorWords($0.rule.repositories)
            },
            TableColumn(catalog[.columnUntagged], width: .fit(min: 4, max: 9)) {
                catalog[$0.rule.untagged ? .yes : .no]
            },
            TableColumn(catalog[.columnDisabled], width: .fit(min: 4, max: 9)) {
                catalog[$0.rule.disabled ? .yes : .no]
            },
        ]
    }
}
