import RegistryClient

extension DriftList {
    /// Opens the drift between `repository` of `instance` and its replica: where `rule` copies it,
    /// or the first rule covering it whose target instance the session sees. Says so when there is
    /// none.
    static func openReplica(context: any PaneContext, instance: Instance, repository: String, rule: SyncRule? = nil) {
        context.runJob(notice: nil, failure: .loadFailed) {
            let catalog = context.catalog
            guard let replicator = try await context.session.provider(for: instance.name) as? any Replicating else {
                context.showFlash(catalog[.driftNoRule, repository], error: true)
                return
            }
            let rules: [SyncRule]
            if let rule {
                rules = [rule]
            } else {
                rules = try await replicator.syncRules(namespace: nil, repository: repository)
            }
            let instances = await context.session.instances()
            for rule in rules where rule.covers(repository: repository) {
                let location = rule.targetLocation(repository: repository, tag: "")
                guard let id = location.instanceID, let path = location.repositoryPath,
                    let target = instances.first(where: { $0.serverID == id })
                else { continue }
                context.push(
                    ResourcePane(
                        DriftList(
                            context: context, source: Side(instance: instance, repository: repository),
                            target: Side(instance: target, repository: path))))
                return
            }
            if let rule {
                context.showFlash(catalog[.driftTargetUnknown, rule.name, rule.target.description], error: true)
            } else {
                context.showFlash(catalog[.driftNoRule, repository], error: true)
            }
        }
    }
}
