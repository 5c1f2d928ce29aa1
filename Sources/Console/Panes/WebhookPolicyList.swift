import RegistryClient
import TerminalUI

/// A Harbor project's webhook policies: name, events, target (credentials masked; an auth header
/// is only said to exist) and whether enabled. Enter lists a policy's recent jobs.
@MainActor
final class WebhookPolicyList: ResourceKind {
    typealias Row = WebhookPolicy

    unowned let context: any PaneContext
    let instance: Instance
    /// The project's name; nil when the pane was opened without one.
    let project: String?
    private var manager: (any WebhookManaging)?
    private var isUnsupported = false

    init(context: any PaneContext, instance: Instance, project: String?) {
        self.context = context
        self.instance = instance
        self.project = project
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.webhookPolicies] }
    var title: String { "\(context.catalog[.webhookPolicies]) · \(instance.name)/\(project ?? "")" }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: project) }
    var emptyText: String {
        if isUnsupported { return context.catalog[.needsHarbor, context.catalog[.webhookPolicies]] }
        return project == nil ? context.catalog[.webhooksNeedProject] : context.catalog[.emptyWebhookPolicies]
    }

    func rows(in pane: ResourcePane<WebhookPolicyList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, name, project) = (context.session, instance.name, project)
        return .producing { continuation in
            guard let project, let provider = try await session.provider(for: name) as? any WebhookManaging else {
                return
            }
            continuation.yield(try await provider.webhookPolicies(project: project))
        }
    }

    func searchFields(of row: Row) -> [String] { [row.name] + row.eventTypes + row.targets.map(\.address) }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<WebhookPolicyList>) {
        manager = provider as? any WebhookManaging
        isUnsupported = manager == nil
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<WebhookPolicyList>) -> Bool {
        change == .delivery(instance: instance.name)
    }

    func actions(in pane: ResourcePane<WebhookPolicyList>) -> [ConsoleAction] {
        manager == nil ? [.back, .command, .refresh] : [.open, .back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<WebhookPolicyList>) -> Bool {
        guard action == .open, let manager else { return false }
        guard let policy = pane.selected else { return true }
        context.push(
            ResourcePane(WebhookJobList(context: context, instance: instance, policy: policy, manager: manager)))
        return true
    }

    /// The selected policy's target types and payload format, and whether it sends an auth header.
    func header(in pane: ResourcePane<WebhookPolicyList>) -> StyledLine? {
        guard manager != nil, project != nil else { return nil }
        guard let policy = pane.selected, let target = policy.targets.first else {
            return StyledLine(context.catalog[.webhookPoliciesHint], .muted)
        }
        let parts = [
            target.type, target.payloadFormat, target.hasAuthHeader ? context.catalog[.webhookAuthHeaderSet] : nil,
        ]
        return StyledLine(parts.compactMap { $0 }.joined(separator: " · "), .muted)
    }

    func columns(in pane: ResourcePane<WebhookPolicyList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnName], width: .fit(min: 6, max: 20)) { $0.name },
            TableColumn(catalog[.columnEvents], width: .flexible(min: 12)) { $0.eventTypes.joined(separator: ", ") },
            TableColumn(catalog[.columnTarget], width: .flexible(min: 16)) {
                $0.targets.map(\.address).joined(separator: ", ")
            },
            TableColumn(
                catalog[.columnEnabled], width: .fit(min: 7, max: 8), style: { theme[$0.enabled ? .text : .muted] }
            ) { catalog[$0.enabled ? .enabledYes : .enabledNo] },
        ]
    }
}
