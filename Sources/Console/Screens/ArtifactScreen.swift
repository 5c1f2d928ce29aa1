import RegistryClient
import TerminalUI

/// One tag's artifact in tabs: overview, platforms, layers, config, history, referrers, raw manifest.
@MainActor
final class ArtifactScreen: Screen {
    let instance: Instance
    var owningInstance: Instance? { instance }
    let repository: String
    let tag: String
    private unowned let context: any PaneContext
    private var artifact: Artifact?
    private let load: PaneLoad
    private var tab = ArtifactPresenter.Tab.overview
    private var view = TextView()

    init(context: any PaneContext, instance: Instance, repository: String, tag: String) {
        self.context = context
        self.instance = instance
        self.repository = repository
        self.tag = tag
        load = PaneLoad { [unowned context] in context.requestDisplay() }
    }

    var crumb: String { tag }
    var title: String { "\(context.catalog[.artifact]) · \(repository):\(tag)" }
    var counter: String { artifact?.digest.short ?? "…" }
    var isBusy: Bool { load.isRunning }
    var location: ViewLocation {
        ViewLocation(
            instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository, tag: tag)
    }
    var actions: [ConsoleAction] { [.nextTab, .previousTab, .back, .vulnerabilities, .copyTag, .copyDigest, .refresh] }

    func appear() { load.appear(refresh) }

    func close() { load.cancel() }

    func settle() async { await load.settle() }

    func refresh() {
        let reference = Reference(locator: instance.name, repository: repository, tag: tag)
        load.run { [weak self, context, instance] in
            let artifact = try await context.session.provider(for: instance.name).artifact(reference)
            guard let self, !Task.isCancelled else { return }
            self.artifact = artifact
            self.showTab()
        }
    }

    private func showTab() {
        guard let artifact else { return }
        view.set(ArtifactPresenter(artifact: artifact, context: context).lines(tab))
    }

    func perform(_ action: ConsoleAction) -> Bool {
        if view.navigate(action) { return true }
        let tabs = ArtifactPresenter.Tab.allCases
        switch action {
        case .nextTab:
            tab = tabs[(tab.rawValue + 1) % tabs.count]
            showTab()
        case .previousTab:
            tab = tabs[(tab.rawValue + tabs.count - 1) % tabs.count]
            showTab()
        case .vulnerabilities:
            context.push(
                ResourcePane(
                    FindingList(
                        context: context, instance: instance, repository: repository, tag: tag, digest: artifact?.digest
                    )))
        case .copyTag: context.copyPull("\(instance.host ?? instance.name)/\(repository):\(tag)")
        case .copyDigest:
            guard let artifact else {
                context.showFlash(context.catalog[.copyNeedsDigest, tag], error: true)
                return true
            }
            context.copyPull("\(instance.host ?? instance.name)/\(repository)@\(artifact.digest)")
        default:
            return false
        }
        return true
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { _ = view.handle(.mouse(event)) }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let (tabRow, body) = rect.splitTop(2)
        TabBar.draw(
            ArtifactPresenter.Tab.allCases.map { context.catalog[$0.title] }, active: tab.rawValue, on: surface,
            in: tabRow, theme: theme)
        if let failure = load.failure {
            surface.draw(
                context.catalog[.loadFailed, context.catalog.describe(failure)],
                at: Point(row: body.row, column: body.column + 2),
                style: theme[.error], width: body.columns - 4)
        } else if artifact == nil {
            surface.draw(
                context.catalog[.loading], at: Point(row: body.row, column: body.column + 2), style: theme[.muted])
        } else {
            view.draw(on: surface, in: body.inset(left: 2, right: 1), theme: theme)
        }
    }
}
