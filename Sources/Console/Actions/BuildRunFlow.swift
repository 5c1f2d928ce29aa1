import RegistryClient
import TerminalUI

/// Starting and stopping image builds from the console: run a rule now, build an earlier build
/// again, cancel a running build (confirmed). Each is audited; a started build is watched until it
/// ends, and the repository's build panes reload.
@MainActor
struct BuildRunFlow {
    let context: any PaneContext
    let provider: any BuildManaging
    let repository: String

    private var delivery: AuditedDelivery { AuditedDelivery(audit: context.auditLog) }
    private var change: ConsoleChange { .builds(instance: provider.instance.name, repository: repository) }

    /// Starts a build of `rule` now.
    func run(_ rule: BuildRule) {
        start(origin: .rule(rule.pushName)) { [provider, repository, delivery] in
            try await delivery.startBuild(ruleID: rule.id, repository: repository, on: provider)
        }
    }

    /// Runs `record` again as a new build.
    func rebuild(_ record: BuildRecord) {
        start(origin: .rebuild(record.id)) { [provider, repository, delivery] in
            try await delivery.rebuild(recordID: record.id, repository: repository, on: provider)
        }
    }

    private func start(origin: BuildWatcher.Origin, _ work: @escaping @MainActor () async throws -> String) {
        let catalog = context.catalog
        context.runJob(notice: catalog[.buildStarting, repository], failure: .buildStartFailed) {
            [context, provider, repository, change] in
            let id = try await work()
            context.buildWatcher.watch(id, repository: repository, provider: provider, origin: origin)
            context.showFlash(catalog[.buildStarted, BuildRecordList.shortID(id), repository])
            context.publish(change)
        }
    }

    /// Asks to confirm, then cancels a running build.
    func cancel(_ record: BuildRecord) {
        let catalog = context.catalog
        let short = BuildRecordList.shortID(record.id)
        guard record.status.isRunning else {
            context.showFlash(catalog[.buildNotRunning, short], error: true)
            return
        }
        let dialog = ConfirmDialog(
            title: catalog[.buildCancelTitle, short],
            body: [StyledLine(catalog[.buildCancelBody, repository], .warning)],
            confirmLabel: catalog[.buildCancelConfirm], cancelLabel: catalog[.buildCancelKeep])
        context.confirm(dialog) { [context, provider, repository, delivery, change] in
            context.runJob(notice: catalog[.buildCanceling, short], failure: .buildCancelFailed) {
                try await delivery.cancelBuild(recordID: record.id, repository: repository, on: provider)
                context.buildWatcher.watch(record.id, repository: repository, provider: provider)
                context.showFlash(catalog[.buildCancelRequested, short])
                context.publish(change)
            }
        }
    }
}
