import RegistryClient
import TerminalUI

/// The build rules of a repository (ACR), under the source repository it builds from: which branch
/// or tag builds which image tag, from which Dockerfile, for which platforms. `n` adds a rule,
/// enter edits one, ctrl-d deletes one, `b` builds one now, `B` binds the source repository.
@MainActor
final class BuildRuleList: ResourceKind {
    unowned let context: any PaneContext
    let instance: Instance
    let repository: String
    private var builder: (any BuildManaging)?
    private var providerKnown = false
    /// The source binding as last read; nil while unread or when none is bound.
    private(set) var binding: SourceCodeBinding?
    private var bindingRead = false
    private var bindingTask: Task<Void, Never>?

    init(context: any PaneContext, instance: Instance, repository: String) {
        self.context = context
        self.instance = instance
        self.repository = repository
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.buildRules] }
    var title: String { "\(context.catalog[.buildRules]) · \(instance.name)/\(repository)" }
    var location: ViewLocation {
        ViewLocation(instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository)
    }
    var emptyText: String {
        providerKnown && builder == nil ? context.catalog[.buildsNeedACR] : context.catalog[.emptyBuildRules]
    }
    var isBusy: Bool { bindingTask != nil }

    func rows(in pane: ResourcePane<BuildRuleList>) -> AsyncThrowingStream<[BuildRule], any Error> {
        let (session, instance, repository) = (context.session, instance, repository)
        return .producing { continuation in
            guard let builder = try await session.provider(for: instance.name) as? any BuildManaging else { return }
            continuation.yield(try await builder.buildRules(repository: repository))
        }
    }

    func searchFields(of row: BuildRule) -> [String] {
        [row.pushName, row.imageTag, row.dockerfileLocation + row.dockerfileName] + row.platforms + row.buildArgs
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<BuildRuleList>) {
        builder = provider as? any BuildManaging
        providerKnown = true
        readBinding(pane)
    }

    /// Reads the source binding again with the rules.
    func willReload(_ pane: ResourcePane<BuildRuleList>) {
        if builder != nil { readBinding(pane) }
    }

    private func readBinding(_ pane: ResourcePane<BuildRuleList>) {
        guard let builder else { return }
        bindingTask?.cancel()
        bindingTask = Task { [weak self, repository] in
            let binding = try? await builder.sourceCodeBinding(repository: repository)
            guard let self, !Task.isCancelled else { return }
            self.binding = binding
            self.bindingRead = true
            self.bindingTask = nil
            self.context.requestDisplay()
        }
    }

    func header(in pane: ResourcePane<BuildRuleList>) -> StyledLine? {
        guard builder != nil else { return nil }
        let catalog = context.catalog
        if instance.isACRPersonal { return StyledLine(catalog[.sourcePersonal], .muted) }
        guard bindingRead else { return StyledLine(catalog[.loading], .muted) }
        guard let binding else { return StyledLine(catalog[.sourceNone], .warning) }
        return StyledLine([
            .init(catalog[.sourceSummary, binding.summary], .title), .init(" · ", .muted),
            .init(
                catalog[binding.autoBuild ? .sourceAutoBuildOn : .sourceAutoBuildOff], binding.autoBuild ? .ok : .muted),
        ])
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<BuildRuleList>) -> Bool {
        change == .builds(instance: instance.name, repository: repository)
    }

    /// Whether the source binding can be changed here (Personal Edition's API has no call for it).
    private var binds: Bool { !instance.isACRPersonal }

    func close() { bindingTask?.cancel() }

    func settle() async { await bindingTask?.value }

    func actions(in pane: ResourcePane<BuildRuleList>) -> [ConsoleAction] {
        guard builder != nil else { return [.back, .command, .refresh] }
        let changes: [ConsoleAction] =
            context.isReadOnly(instance) ? [] : [.build, .create, .edit, .delete] + (binds ? [.bindSource] : [])
        return changes + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<BuildRuleList>) -> Bool {
        guard let builder else { return false }
        let flow = BuildRuleFlow(context: context, provider: builder, repository: repository)
        switch action {
        case .open where !context.isReadOnly(instance):
            return flow.perform(.edit, selected: pane.selected)
        case .bindSource where binds:
            guard context.requireWritable(instance) else { return true }
            flow.bind(binding)
        case .build:
            guard context.requireWritable(instance), let rule = pane.selected else { return true }
            BuildRunFlow(context: context, provider: builder, repository: repository).run(rule)
        default:
            return flow.perform(action, selected: pane.selected)
        }
        return true
    }

    func columns(in pane: ResourcePane<BuildRuleList>, theme: Theme) -> [TableColumn<BuildRule>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnPush], width: .fit(min: 8, max: 28)) { rule in
                "\(catalog[rule.pushType == .branch ? .pushBranch : .pushTag]) \(rule.pushName)"
            },
            TableColumn(catalog[.columnTag], width: .fit(min: 5, max: 24)) { $0.imageTag },
            TableColumn(catalog[.columnDockerfile], width: .fit(min: 10, max: 40)) { rule in
                rule.dockerfileLocation.hasSuffix("/")
                    ? rule.dockerfileLocation + rule.dockerfileName
                    : rule.dockerfileLocation + "/" + rule.dockerfileName
            },
            TableColumn(catalog[.columnPlatforms], width: .fit(min: 9, max: 36)) {
                $0.platforms.isEmpty ? "-" : $0.platforms.joined(separator: " ")
            },
            TableColumn(catalog[.columnBuildArgs], width: .flexible(min: 10)) {
                $0.buildArgs.isEmpty ? "-" : $0.buildArgs.joined(separator: " ")
            },
        ]
    }
}
