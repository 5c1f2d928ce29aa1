import RegistryClient
import TerminalUI

/// Creating, editing, deleting and running an instance's artifact subscriptions (ACR) through
/// `AuditedReplication`: the form checks what the server would refuse (`SubscriptionRule.validate`)
/// as it is typed.
@MainActor
struct SubscriptionFlow: ManagementFlow {
    let context: any PaneContext
    let provider: any Subscribing

    var instance: Instance { provider.instance }
    var change: ConsoleChange { .replication(instance: instance.name) }

    func create() {
        let rule = SubscriptionRule(
            upstream: SubscriptionRule.upstreams[0], upstreamRepository: "", namespace: "", repository: "",
            tagPattern: ".*", tagCount: 10)
        showForm(rule, title: context.catalog[.subscriptionNew])
    }

    func edit(_ rule: SubscriptionRule) {
        showForm(rule, title: context.catalog[.subscriptionEdit, rule.upstreamPath])
    }

    func delete(_ rule: SubscriptionRule) {
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.subscriptionDeleteTitle, rule.upstreamPath],
            body: [
                StyledLine("\(rule.upstreamPath) → \(rule.namespace)/\(rule.repository)"),
                StyledLine(catalog[.subscriptionDeleteBody], .warning),
            ], confirmLabel: catalog[.subscriptionDeleteConfirm], cancelLabel: catalog[.cancel],
            typedPhrase: instance.production ? rule.upstreamRepository : nil,
            typedPrompt: instance.production ? catalog[.deleteTypePrompt, rule.upstreamRepository] : "")
        context.confirm(dialog) { [provider] in
            run(
                AuditedReplication(audit: context.auditLog), notice: catalog[.deleting, rule.upstreamPath],
                done: catalog[.subscriptionDeleted, rule.upstreamPath], failure: .deleteFailed
            ) { try await $0.deleteSubscriptionRule(id: rule.id, on: provider) }
        }
    }

    /// Runs the subscription now, once confirmed.
    func runNow(_ rule: SubscriptionRule) {
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.subscriptionRunTitle, rule.upstreamPath],
            body: [
                StyledLine(
                    catalog[
                        .subscriptionRunBody, rule.tagCount, rule.tagPattern, "\(rule.namespace)/\(rule.repository)"])
            ],
            confirmLabel: catalog[.subscriptionRunConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) { [provider] in
            run(
                AuditedReplication(audit: context.auditLog), notice: catalog[.subscriptionRunning, rule.upstreamPath],
                done: catalog[.subscriptionRunStarted, rule.upstreamPath], failure: .syncRunFailed
            ) { _ = try await $0.runSubscription(ruleID: rule.id, on: provider) }
        }
    }

    private func showForm(_ rule: SubscriptionRule, title: String) {
        let catalog = context.catalog
        let upstreams = SubscriptionRule.upstreams
        let upstreamRepository = [rule.upstreamNamespace, rule.upstreamRepository].filter { !$0.isEmpty }
            .joined(separator: "/")
        let target = rule.namespace.isEmpty ? "" : "\(rule.namespace)/\(rule.repository)"
        let fields = [
            Form.Field(
                id: "upstream", label: catalog[.fieldUpstream],
                value: .choice(upstreams, selected: upstreams.firstIndex(of: rule.upstream) ?? 0)),
            Form.Field(
                id: "source", label: catalog[.fieldUpstreamRepository], value: .text(LineEditor(upstreamRepository)),
                hint: catalog[.hintUpstreamRepository]),
            Form.Field(id: "target", label: catalog[.fieldSubscriptionTarget], value: .text(LineEditor(target))),
            Form.Field(id: "pattern", label: catalog[.fieldTagPattern], value: .text(LineEditor(rule.tagPattern))),
            Form.Field(id: "count", label: catalog[.fieldTagCount], value: .text(LineEditor(String(rule.tagCount)))),
            Form.Field(
                id: "platforms", label: catalog[.fieldPlatforms],
                value: .text(LineEditor(rule.platforms.joined(separator: ","))), hint: catalog[.hintBuildPlatforms]),
            Form.Field(id: "overwrite", label: catalog[.fieldOverwrite], value: .toggle(rule.overwrite)),
        ]
        showForm(
            title: title, saveLabel: rule.id.isEmpty ? .create : .save, fields: fields,
            validate: { form in check(&form, original: rule) != nil },
            save: { form in
                var form = form
                guard let edited = check(&form, original: rule) else { return }
                save(edited)
            })
    }

    /// Marks the form's problems; the subscription it describes when there are none.
    private func check(_ form: inout Form, original: SubscriptionRule) -> SubscriptionRule? {
        let catalog = context.catalog
        let typed = form
        func text(_ id: String) -> String { typed[id]?.text.trimmingCharacters(in: .whitespaces) ?? "" }
        let source = text("source").split(separator: "/").map(String.init)
        let target = text("target").split(separator: "/", maxSplits: 1).map(String.init)
        form["source"]?.error = source.isEmpty || source.count > 2 ? catalog[.hintUpstreamRepository] : nil
        form["target"]?.error = target.count == 2 ? nil : catalog[.hintSyncRepositoryPath]
        form["pattern"]?.error = regularExpressionProblem(text("pattern"))
        let count = Int(text("count"))
        form["count"]?.error =
            count == nil ? catalog[.errorWholeNumber] : (1...100).contains(count ?? 0) ? nil : catalog[.errorTagCount]
        form["platforms"]?.error = nil
        var rule = original
        rule.upstream =
            SubscriptionRule.upstreams[
                choice(in: form, id: "upstream", count: SubscriptionRule.upstreams.count)]
        rule.upstreamNamespace = source.count == 2 ? source[0] : ""
        rule.upstreamRepository = source.last ?? ""
        rule.namespace = target.first ?? ""
        rule.repository = target.count == 2 ? target[1] : ""
        rule.tagPattern = text("pattern")
        rule.tagCount = count ?? 0
        rule.platforms = text("platforms").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        rule.overwrite = isOn(form, "overwrite")
        guard form.isValid else { return nil }
        form["platforms"]?.error = problem { try rule.validate() }
        return form.isValid ? rule : nil
    }

    private func save(_ rule: SubscriptionRule) {
        let catalog = context.catalog
        run(
            AuditedReplication(audit: context.auditLog), notice: catalog[.saving, rule.upstreamPath],
            done: catalog[rule.id.isEmpty ? .subscriptionCreated : .subscriptionSaved, rule.upstreamPath],
            failure: .saveFailed
        ) { [provider] in
            try await $0.saveSubscriptionRule(rule, on: provider)
        }
    }
}
