import RegistryClient
import TerminalUI

/// A repository's build rules and source binding from the console (ACR): a form for a rule, checked
/// by `BuildRule.validate()` before it is saved; deleting a rule asks first; a form for the source
/// repository it builds from. Every change is audited and reloads the build panes.
@MainActor
struct BuildRuleFlow: ManagementFlow {
    let context: any PaneContext
    let provider: any BuildManaging
    let repository: String

    var instance: Instance { provider.instance }
    var change: ConsoleChange { .builds(instance: instance.name, repository: repository) }
    private var delivery: AuditedDelivery { AuditedDelivery(audit: context.auditLog) }

    func create() {
        showRuleForm(BuildRule(), title: context.catalog[.buildRuleNew, repository])
    }

    func edit(_ rule: BuildRule) {
        showRuleForm(rule, title: context.catalog[.buildRuleEdit, rule.pushName])
    }

    func delete(_ rule: BuildRule) {
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.buildRuleDeleteTitle, rule.pushName],
            body: [
                StyledLine("\(rule.pushName) → \(repository):\(rule.imageTag)"),
                StyledLine(catalog[.buildRuleDeleteBody, rule.pushName], .muted),
            ],
            confirmLabel: catalog[.buildRuleDeleteConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) { [provider, repository, delivery] in
            save(notice: catalog[.deleting, rule.pushName], done: catalog[.buildRuleDeleted, rule.pushName]) {
                try await delivery.deleteBuildRule(id: rule.id, repository: repository, on: provider)
            }
        }
    }

    /// Shows the source binding's form (filled with `current`), then binds.
    func bind(_ current: SourceCodeBinding?) {
        let catalog = context.catalog
        let providers = SourceCodeBinding.Provider.allCases
        let binding = current ?? SourceCodeBinding(provider: .github, namespace: "", name: "")
        let fields = [
            Form.Field(
                id: "provider", label: catalog[.fieldSourceProvider],
                value: .choice(providers.map(\.rawValue), selected: providers.firstIndex(of: binding.provider) ?? 0)),
            Form.Field(
                id: "namespace", label: catalog[.fieldSourceNamespace], value: .text(LineEditor(binding.namespace))),
            Form.Field(id: "name", label: catalog[.fieldSourceName], value: .text(LineEditor(binding.name))),
            Form.Field(
                id: "autoBuild", label: catalog[.fieldAutoBuild], value: .toggle(binding.autoBuild),
                hint: catalog[.hintAutoBuild]),
            Form.Field(id: "noCache", label: catalog[.fieldDisableCache], value: .toggle(binding.disableCacheBuild)),
            Form.Field(id: "oversea", label: catalog[.fieldOverseaBuild], value: .toggle(binding.overseaBuild)),
        ]
        showForm(
            title: catalog[.sourceBindTitle, repository], saveLabel: .save, fields: fields,
            validate: { form in
                for id in ["namespace", "name"] {
                    let empty = form[id]?.text.trimmingCharacters(in: .whitespaces).isEmpty ?? true
                    form[id]?.error = empty ? catalog[.valueRequired] : nil
                }
                return form.isValid
            },
            save: { [provider, repository, delivery] form in
                var chosen = binding
                if case .choice(_, let selected)? = form["provider"]?.value { chosen.provider = providers[selected] }
                chosen.namespace = form["namespace"]?.text.trimmingCharacters(in: .whitespaces) ?? ""
                chosen.name = form["name"]?.text.trimmingCharacters(in: .whitespaces) ?? ""
                chosen.autoBuild = isOn(form, "autoBuild")
                chosen.disableCacheBuild = isOn(form, "noCache")
                chosen.overseaBuild = isOn(form, "oversea")
                save(notice: catalog[.saving, repository], done: catalog[.sourceBound, repository, chosen.summary]) {
                    try await delivery.bindSourceCode(chosen, repository: repository, on: provider)
                }
            })
    }

    private func showRuleForm(_ rule: BuildRule, title: String) {
        let catalog = context.catalog
        let types = BuildRule.PushType.allCases
        func text(_ id: String, _ label: Message, _ value: String, hint: Message? = nil) -> Form.Field {
            Form.Field(id: id, label: catalog[label], value: .text(LineEditor(value)), hint: hint.map { catalog[$0] })
        }
        let fields = [
            Form.Field(
                id: "pushType", label: catalog[.fieldPushType],
                value: .choice(
                    types.map { catalog[$0 == .branch ? .pushBranch : .pushTag] },
                    selected: types.firstIndex(of: rule.pushType) ?? 0)),
            text("pushName", .fieldPushName, rule.pushName),
            text("imageTag", .fieldImageTag, rule.imageTag),
            text("location", .fieldDockerfileLocation, rule.dockerfileLocation),
            text("dockerfile", .fieldDockerfileName, rule.dockerfileName),
            text("platforms", .fieldBuildPlatforms, rule.platforms.joined(separator: " "), hint: .hintBuildPlatforms),
            text("args", .fieldBuildArgs, rule.buildArgs.joined(separator: " "), hint: .hintBuildArgs),
        ]
        showForm(
            title: title, saveLabel: rule.id.isEmpty ? .create : .save, fields: fields,
            validate: { form in Self.check(&form, catalog: catalog) },
            save: { [provider, repository, delivery] form in
                var edited = Self.rule(from: form)
                edited.id = rule.id
                let done = catalog[rule.id.isEmpty ? .buildRuleCreated : .buildRuleSaved, edited.pushName]
                save(notice: catalog[.saving, edited.pushName], done: done) {
                    try await delivery.saveBuildRule(edited, repository: repository, on: provider)
                }
            })
    }

    /// The rule the form describes.
    static func rule(from form: Form) -> BuildRule {
        func words(_ id: String) -> [String] { (form[id]?.text ?? "").split(separator: " ").map(String.init) }
        func trimmed(_ id: String) -> String { form[id]?.text.trimmingCharacters(in: .whitespaces) ?? "" }
        var pushType = BuildRule.PushType.branch
        if case .choice(_, let selected)? = form["pushType"]?.value { pushType = BuildRule.PushType.allCases[selected] }
        return BuildRule(
            pushType: pushType, pushName: trimmed("pushName"), imageTag: trimmed("imageTag"),
            dockerfileLocation: trimmed("location"), dockerfileName: trimmed("dockerfile"), buildArgs: words("args"),
            platforms: words("platforms"))
    }

    /// Marks the field each problem `BuildRule.validate()` finds is about: every field is checked
    /// alone in an otherwise valid rule, so the message lands where the user can fix it.
    static func check(_ form: inout Form, catalog: Catalog) -> Bool {
        let edited = rule(from: form)
        let alone: [(String, (inout BuildRule) -> Void)] = [
            ("pushName", { $0.pushName = edited.pushName }), ("imageTag", { $0.imageTag = edited.imageTag }),
            ("platforms", { $0.platforms = edited.platforms }), ("args", { $0.buildArgs = edited.buildArgs }),
        ]
        for (id, apply) in alone {
            var probe = BuildRule()
            apply(&probe)
            do {
                try probe.validate()
                form[id]?.error = nil
            } catch {
                form[id]?.error = catalog.describe(error)
            }
        }
        for (id, value) in [("location", edited.dockerfileLocation), ("dockerfile", edited.dockerfileName)] {
            form[id]?.error = value.isEmpty ? catalog[.valueRequired] : nil
        }
        return form.isValid
    }

    /// Runs an audited change as a job: a flash when done, and the build panes reload.
    private func save(notice: String, done: String, _ work: @escaping @MainActor () async throws -> Void) {
        context.runJob(notice: notice, failure: .saveFailed) { [context, change] in
            try await work()
            context.showFlash(done)
            context.publish(change)
        }
    }
}
