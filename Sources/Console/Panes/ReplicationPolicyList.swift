import Foundation
import RegistryClient
import TerminalUI

/// Harbor's replication policies: name, where they copy (source → destination/namespace), trigger,
/// whether enabled, and the status of each one's newest execution. Enter lists a policy's
/// executions; `!` runs the selected policy now, once confirmed.
@MainActor
final class ReplicationPolicyList: ResourceKind {
    /// A policy with its newest execution, when it has one.
    struct Row: Identifiable, Sendable {
        var policy: ReplicationPolicy
        var last: ReplicationExecution?
        var id: Int { policy.id }
    }

    unowned let context: any PaneContext
    let instance: Instance
    private var manager: (any ReplicationPolicyManaging)?
    private var isUnsupported = false

    init(context: any PaneContext, instance: Instance) {
        self.context = context
        self.instance = instance
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.replicationPolicies] }
    var title: String { "\(context.catalog[.replicationPolicies]) · \(instance.name)" }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var emptyText: String {
        isUnsupported
            ? context.catalog[.needsHarbor, context.catalog[.replicationPolicies]]
            : context.catalog[.emptyReplicationPolicies]
    }

    /// The policies, with the newest of the last 100 executions of each.
    func rows(in pane: ResourcePane<ReplicationPolicyList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, name) = (context.session, instance.name)
        return .producing { continuation in
            guard let provider = try await session.provider(for: name) as? any ReplicationPolicyManaging else { return }
            async let policies = provider.replicationPolicies()
            let executions = try await provider.replicationExecutions(policyID: nil, status: nil, limit: 100)
            var newest: [Int: ReplicationExecution] = [:]
            for execution in executions where (newest[execution.policyID]?.id ?? 0) < execution.id {
                newest[execution.policyID] = execution
            }
            continuation.yield(try await policies.map { Row(policy: $0, last: newest[$0.id]) })
        }
    }

    func searchFields(of row: Row) -> [String] {
        [row.policy.name, row.policy.route, row.policy.trigger] + row.policy.filters.map(\.value)
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<ReplicationPolicyList>) {
        manager = provider as? any ReplicationPolicyManaging
        isUnsupported = manager == nil
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<ReplicationPolicyList>) -> Bool {
        change == .replication(instance: instance.name)
    }

    func actions(in pane: ResourcePane<ReplicationPolicyList>) -> [ConsoleAction] {
        guard manager != nil else { return [.back, .command, .refresh] }
        return [.open] + (context.isReadOnly(instance) ? [] : [.run]) + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<ReplicationPolicyList>) -> Bool {
        guard let manager, let row = pane.selected else { return manager != nil && [.open, .run].contains(action) }
        switch action {
        case .open:
            context.push(
                ResourcePane(
                    ReplicationExecutionList(context: context, instance: instance, policy: row.policy, manager: manager)
                ))
        case .run:
            Self.confirmRun(row.policy, on: manager, instance: instance, context: context)
        default:
            return false
        }
        return true
    }

    /// Asks before running `policy` now, then starts it and says which execution it started.
    static func confirmRun(
        _ policy: ReplicationPolicy, on manager: any ReplicationPolicyManaging, instance: Instance,
        context: any PaneContext
    ) {
        guard context.requireWritable(instance) else { return }
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.replicationRunTitle, policy.name],
            body: [
                StyledLine(
                    catalog[
                        .replicationRunBody,
                        policy.filters.isEmpty ? "*" : policy.filters.map(\.summary).joined(separator: " "),
                        policy.route,
                    ])
            ],
            confirmLabel: catalog[.replicationRunConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) {
            context.runJob(notice: catalog[.replicationStarting, policy.name], failure: .replicationRunFailed) {
                let id = try await AuditedAutomation(audit: context.auditLog).startReplication(policy, on: manager)
                context.showFlash(catalog[.replicationStarted, id, policy.name])
                context.publish(.replication(instance: instance.name))
            }
        }
    }

    /// The selected policy's filters; the keys otherwise.
    func header(in pane: ResourcePane<ReplicationPolicyList>) -> StyledLine? {
        guard manager != nil else { return nil }
        guard let policy = pane.selected?.policy, !policy.filters.isEmpty else {
            return StyledLine(context.catalog[.replicationPoliciesHint], .muted)
        }
        return StyledLine(
            context.catalog[.replicationPolicyFilters, policy.filters.map(\.summary).joined(separator: "  ")], .muted)
    }

    func columns(in pane: ResourcePane<ReplicationPolicyList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnName], width: .fit(min: 6, max: 24)) { $0.policy.name },
            TableColumn(catalog[.columnDirection], width: .flexible(min: 16)) { $0.policy.route },
            TableColumn(catalog[.columnSyncTrigger], width: .fit(min: 7, max: 14)) {
                catalog.replicationTrigger($0.policy.trigger)
            },
            TableColumn(
                catalog[.columnEnabled], width: .fit(min: 7, max: 8),
                style: { theme[$0.policy.enabled ? .text : .muted] }
            ) { catalog[$0.policy.enabled ? .enabledYes : .enabledNo] },
            TableColumn(
                catalog[.columnLastStatus], width: .fit(min: 11, max: 12),
                style: { row in row.last.map { theme[Self.role(of: $0.status)] } }
            ) { row in row.last.map { catalog.jobStatus($0.status) } ?? "-" },
        ]
    }

    /// Succeeded green, failed red, running in the warning colour, stopped and unknown muted.
    static func role(of status: HarborJobStatus) -> ThemeRole {
        switch status.phase {
        case .succeeded: .ok
        case .failed: .error
        case .pending, .running: .warning
        case .stopped, .unknown: .muted
        }
    }
}
