import RegistryClient
import TerminalUI

/// Copies one tag of a drift pane's source to its target: a one-off ACR sync (confirmed, through
/// `AuditedReplication`) when the source replicates and the target is an ACR instance with a region
/// and id, otherwise a `skopeo copy` command on the clipboard, quoted for the shell.
@MainActor
struct DriftCopyFlow {
    let context: any PaneContext
    let replicator: (any Replicating)?
    let source: DriftList.Side
    let target: DriftList.Side

    func copy(_ tag: String) {
        guard let replicator, target.instance.kind == .acr, let region = target.instance.region,
            let instanceID = target.instance.serverID
        else {
            copyCommand(tag)
            return
        }
        guard context.requireWritable(source.instance) else { return }
        let namespace = Namespace.of(repository: target.repository)
        let location = ReplicaLocation(
            region: region, instanceID: instanceID, namespace: namespace,
            repository: String(target.repository.dropFirst(namespace.count + 1)), tag: tag)
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.driftSyncTitle, tag, target.instance.name],
            body: [
                StyledLine("\(source.path):\(tag) → \(target.path):\(tag)"),
                StyledLine(catalog[.driftSyncBody], .muted),
            ], confirmLabel: catalog[.driftSyncConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) { [context, source] in
            context.runJob(notice: catalog[.syncStarting, 1], failure: .syncRunFailed) {
                let id = try await AuditedReplication(audit: context.auditLog).startSync(
                    repository: source.repository, tag: tag, to: location, on: replicator)
                context.showFlash(catalog[.driftSyncStarted, id, tag])
                context.publish(.replication(instance: source.instance.name))
            }
        }
    }

    /// Puts `skopeo copy docker://SOURCE docker://TARGET` on the clipboard and shows it.
    private func copyCommand(_ tag: String) {
        context.runJob(notice: nil, failure: .loadFailed) { [context, source, target] in
            let catalog = context.catalog
            let from = try await Self.host(of: source.instance, in: context.session)
            let to = try await Self.host(of: target.instance, in: context.session)
            guard let from, let to,
                let command = Self.skopeoCommand(
                    source: "\(from)/\(source.repository):\(tag)", target: "\(to)/\(target.repository):\(tag)")
            else {
                context.showFlash(catalog[.copyRefused, "\(source.repository):\(tag)"], error: true)
                return
            }
            context.copy(command)
            context.showFlash(catalog[.driftCopyCommand, command])
        }
    }

    /// The registry's `HOST[:PORT]`: the configured URL's, or for an instance whose endpoints the
    /// provider lists (ACR) the system domain of its internet endpoint, else of its VPC endpoint.
    private static func host(of instance: Instance, in session: RegistrySession) async throws -> String? {
        if let host = instance.host { return host }
        guard let access = try await session.provider(for: instance.name) as? any AccessManaging else { return nil }
        let endpoints = try await access.endpoints().filter(\.enabled)
        let endpoint = endpoints.first { $0.kind == .internet } ?? endpoints.first
        return (endpoint?.domains.first { !$0.isCustom } ?? endpoint?.domains.first)?.name
    }

    /// `skopeo copy docker://SOURCE docker://TARGET`, each reference quoted as one shell word; nil
    /// when a name holds control characters, which quoting cannot make visible.
    static func skopeoCommand(source: String, target: String) -> String? {
        let references = ["docker://\(source)", "docker://\(target)"]
        guard !references.joined().unicodeScalars.contains(where: Sanitizer.needsReplacement) else { return nil }
        return "skopeo copy " + references.map(PullCommand.quoted).joined(separator: " ")
    }
}
