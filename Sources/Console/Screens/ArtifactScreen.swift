import RegistryClient
import TerminalUI

/// One tag's artifact in tabs: overview, platforms, layers, config, history, referrers, raw manifest.
@MainActor
final class ArtifactScreen: Screen, InstanceScoped {
    let instance: Instance
    let repository: String
    let tag: String
    private unowned let app: ConsoleApp
    private var artifact: Artifact?
    private var error: RegistryError?
    private var task: Task<Void, Never>?
    private var tab = ArtifactPresenter.Tab.overview
    private var view = TextView()
    private var started = false

    init(app: ConsoleApp, instance: Instance, repository: String, tag: String) {
        self.app = app
        self.instance = instance
        self.repository = repository
        self.tag = tag
    }

    var crumb: String { tag }
    var title: String { "\(app.catalog[.artifact]) · \(repository):\(tag)" }
    var counter: String { artifact?.digest.short ?? "…" }
    var isBusy: Bool { task != nil }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository, tag: tag) }
    var actions: [ConsoleAction] { [.nextTab, .previousTab, .back, .copyTag, .copyDigest, .refresh] }

    func appear() {
        guard !started else { return }
        started = true
        refresh()
    }

    func close() { task?.cancel() }

    func settle() async { await task?.value }

    func refresh() {
        task?.cancel()
        error = nil
        let reference = Reference(locator: instance.name, repository: repository, tag: tag)
        task = Task { [weak self, app, instance] in
            do {
                let artifact = try await app.session.provider(for: instance.name).artifact(reference)
                guard let self, !Task.isCancelled else { return }
                self.artifact = artifact
                self.showTab()
            } catch is CancellationError {
            } catch {
                self?.error = error as? RegistryError ?? RegistryError(.network, "\(error)")
            }
            self?.task = nil
            app.requestDisplay()
        }
    }

    private func showTab() {
        guard let artifact else { return }
        view.set(ArtifactPresenter(artifact: artifact, app: app).lines(tab))
    }

    func perform(_ action: ConsoleAction) -> Bool {
        let tabs = ArtifactPresenter.Tab.allCases
        switch action {
        case .nextTab:
            tab = tabs[(tab.rawValue + 1) % tabs.count]
            showTab()
        case .previousTab:
            tab = tabs[(tab.rawValue + tabs.count - 1) % tabs.count]
            showTab()
        case .up: _ = view.handle(.up)
        case .down: _ = view.handle(.down)
        case .pageUp: _ = view.handle(.pageUp)
        case .pageDown: _ = view.handle(.pageDown)
        case .top: _ = view.handle(.home)
        case .bottom: _ = view.handle(.end)
        case .copyTag: app.copy("docker pull \(instance.host ?? instance.name)/\(repository):\(tag)")
        case .copyDigest:
            guard let artifact else {
                app.showFlash(app.catalog[.copyNeedsDigest, tag], error: true)
                return true
            }
            app.copy("docker pull \(instance.host ?? instance.name)/\(repository)@\(artifact.digest)")
        default:
            return false
        }
        return true
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { _ = view.handle(.mouse(event)) }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let (tabRow, body) = rect.splitTop(2)
        TabBar.draw(ArtifactPresenter.Tab.allCases.map { app.catalog[$0.title] }, active: tab.rawValue, on: surface, in: tabRow, theme: theme)
        if let error {
            surface.draw(app.catalog[.loadFailed, error.description], at: Point(row: body.row, column: body.column + 2), style: theme[.error], width: body.columns - 4)
        } else if artifact == nil {
            surface.draw(app.catalog[.loading], at: Point(row: body.row, column: body.column + 2), style: theme[.muted])
        } else {
            view.draw(on: surface, in: body.inset(left: 2, right: 1), theme: theme)
        }
    }
}
