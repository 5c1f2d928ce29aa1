import RegistryClient
import TerminalUI

/// Creating, deleting and running an instance's sync rules (ACR) through `AuditedReplication`. The
/// form picks the target among the ACR instances the session sees, in every configured region;
/// patterns are compiled as they are typed. Running a rule plans its copies first and refuses a
/// plan that was cut short; deleting asks to type the name on a production instance.
@MainActor
struct SyncRuleFlow: ManagementFlow {
    let context: any PaneContext
    let provider: any Replicating
    /// Where the pane was opened: the form starts from it.
    let namespace: String?
    let repository: String?

    var instance: Instance { provider.instance }
    var change: ConsoleChange { .replication(instance: instance.name) }

    /// How many tags a run may start at most; a rule matching more is run from the ACR console.
    static let runLimit = 200

    func create() {
        context.runJob(notice: nil, failure: .loadFailed) { [context, instance] in
            let targets = await context.session.instances().filter {
                $0.kind == .acr && $0.serverID != nil && $0.region != nil && $0.unavailableReason == nil
                    && $0.name != instance.name
            }
            guard !targets.isEmpty else {
                context.showFlash(context.catalog[.syncNoTargets], error: true)
                return
            }
            showForm(targets: targets)
        }
    }

    /// Rules cannot be changed in ACR: the flash says to delete and create one.
    func edit(_ rule: SyncRule) {
        context.showFlash(context.catalog[.syncRuleNotEditable, rule.name], error: true)
    }

    func delete(_ rule: SyncRule) {
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.syncRuleDeleteTitle, rule.name],
            body: [
                StyledLine("\(rule.repositoryFilterSummary) → \(rule.target)"),
                StyledLine(catalog[.syncRuleDeleteBody], .warning),
            ], confirmLabel: catalog[.syncRuleDeleteConfirm], cancelLabel: catalog[.cancel],
            typedPhrase: instance.production ? rule.name : nil,
            typedPrompt: instance.production ? catalog[.deleteTypePrompt, rule.name] : "")
        context.confirm(dialog) { [provider] in
            run(
                AuditedReplication(audit: context.auditLog), notice: catalog[.deleting, rule.name],
                done: catalog[.syncRuleDeleted, rule.name], failure: .deleteFailed
            ) { try await $0.deleteSyncRule(rule, on: provider) }
        }
    }

    /// Plans the rule's copies, shows how many it starts, and starts them once confirmed.
    func runNow(_ rule: SyncRule) {
        let catalog = context.catalog
        context.runJob(notice: catalog[.syncPlanning, rule.name], failure: .syncRunFailed) { [context, provider] in
            let plan = try await SyncRunPlan.make(rule: rule, on: provider, limit: Self.runLimit)
            if plan.truncated {
                context.showFlash(catalog[.syncPlanTruncated, rule.name, Self.runLimit], error: true)
                return
            }
            guard !plan.items.isEmpty else {
                context.showFlash(catalog[.syncPlanEmpty, rule.name, rule.tagFilter], error: true)
                return
            }
            let shown = plan.items.prefix(8).map {
                StyledLine(
                    "  \($0.repository):\($0.tag) → \(rule.targetLocation(repository: $0.repository, tag: $0.tag))")
            }
            let more =
                plan.items.count > shown.count
                ? [StyledLine(catalog[.syncPlanMore, plan.items.count - shown.count], .muted)] : []
            let dialog = ConfirmDialog(
                title: catalog[.syncRunTitle, rule.name],
                body: [StyledLine(catalog[.syncRunBody, plan.items.count, rule.target.description])] + shown + more,
                confirmLabel: catalog[.syncRunConfirm, plan.items.count], cancelLabel: catalog[.cancel])
            context.confirm(dialog) { start(plan) }
        }
    }

    private func start(_ plan: SyncRunPlan) {
        let catalog = context.catalog
        run(
            AuditedReplication(audit: context.auditLog), notice: catalog[.syncStarting, plan.items.count],
            done: catalog[.syncStarted, plan.items.count, plan.rule.name], failure: .syncRunFailed
        ) { [provider] audited in
            for item in plan.items {
                _ = try await audited.startSync(
                    ruleID: plan.rule.id, repository: item.repository, tag: item.tag, on: provider)
            }
        }
    }

    // MARK: Form

    private func showForm(targets: [Instance]) {
        let catalog = context.catalog
        let scopes = SyncRule.Scope.allCases
        let scope: SyncRule.Scope = repository != nil ? .repository : namespace != nil ? .namespace : .instance
        let source = repository ?? namespace ?? ""
        let fields = [
            Form.Field(id: "name", label: catalog[.fieldName], value: .text(LineEditor())),
            Form.Field(
                id: "scope", label: catalog[.fieldScope],
                value: .choice(scopes.map(catalog.syncScope), selected: scopes.firstIndex(of: scope) ?? 0)),
            Form.Field(id: "source", label: catalog[.fieldSyncSource], value: .text(LineEditor(source))),
            Form.Field(id: "tags", label: catalog[.fieldTagFilter], value: .text(LineEditor(".*"))),
            Form.Field(id: "repoFilter", label: catalog[.fieldRepositoryFilter], value: .text(LineEditor())),
            Form.Field(id: "nsFilter", label: catalog[.fieldNamespaceFilter], value: .text(LineEditor())),
            Form.Field(
                id: "trigger", label: catalog[.fieldSyncTrigger],
                value: .choice(SyncRule.Trigger.allCases.map(catalog.syncTrigger), selected: 0)),
            Form.Field(
                id: "target", label: catalog[.fieldSyncTarget],
                value: .choice(targets.map { "\($0.name) · \($0.region ?? "") · \($0.serverID ?? "")" }, selected: 0)),
            Form.Field(id: "targetPath", label: catalog[.fieldSyncTargetPath], value: .text(LineEditor(source))),
        ]
        showForm(
            title: catalog[.syncRuleNew], saveLabel: .create, fields: fields,
            validate: { form in check(&form, targets: targets) != nil },
            save: { form in
                var form = form
                guard let rule = check(&form, targets: targets) else { return }
                save(rule)
            })
    }

    /// Marks the form's problems; the rule it describes when there are none.
    private func check(_ form: inout Form, targets: [Instance]) -> SyncRule? {
        let catalog = context.catalog
        let typed = form
        func text(_ id: String) -> String { typed[id]?.text.trimmingCharacters(in: .whitespaces) ?? "" }
        let scope = SyncRule.Scope.allCases[choice(in: form, id: "scope", count: SyncRule.Scope.allCases.count)]
        let target = targets[choice(in: form, id: "target", count: targets.count)]
        form["name"]?.error = text("name").isEmpty ? catalog[.valueRequired] : nil
        form["tags"]?.error = regularExpressionProblem(text("tags"))
        for id in ["repoFilter", "nsFilter"] {
            form[id]?.error = text(id).isEmpty ? nil : regularExpressionProblem(text(id))
        }
        form["repoFilter"]?.hint = catalog[.hintRepositoryFilter]
        form["nsFilter"]?.hint = catalog[.hintNamespaceFilter]
        let source = text("source").split(separator: "/", maxSplits: 1).map(String.init)
        let targetPath = text("targetPath").split(separator: "/", maxSplits: 1).map(String.init)
        let needed = scope == .repository ? 2 : scope == .namespace ? 1 : 0
        let pathHint = catalog[
            scope == .repository
                ? .hintSyncRepositoryPath : scope == .namespace ? .hintSyncNamespacePath : .hintSyncInstancePath]
        form["source"]?.hint = pathHint
        form["source"]?.error = source.count < needed ? pathHint : nil
        form["targetPath"]?.hint = pathHint
        form["targetPath"]?.error = targetPath.count < needed ? pathHint : nil
        let rule = SyncRule(
            name: text("name"), scope: scope,
            trigger: SyncRule.Trigger.allCases[choice(in: form, id: "trigger", count: 2)],
            tagFilter: text("tags"), namespaceFilter: scope == .instance ? text("nsFilter") : nil,
            repositoryFilter: scope == .repository ? nil : text("repoFilter"),
            source: ReplicaLocation(
                namespace: scope == .instance ? nil : source.first,
                repository: scope == .repository ? source.last : nil),
            target: ReplicaLocation(
                region: target.region, instanceID: target.serverID,
                namespace: scope == .instance ? nil : targetPath.first,
                repository: scope == .repository ? targetPath.last : nil))
        guard form.isValid else { return nil }
        form["targetPath"]?.error = problem { try rule.validate() }
        return form.isValid ? rule : nil
    }

    private func save(_ rule: SyncRule) {
        let catalog = context.catalog
        run(
            AuditedReplication(audit: context.auditLog), notice: catalog[.saving, rule.name],
            done: catalog[.syncRuleCreated, rule.name], failure: .saveFailed
        ) { [provider] in
            _ = try await $0.createSyncRule(rule, on: provider)
        }
    }
}
