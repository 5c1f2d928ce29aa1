import Foundation
import RegistryClient
import TerminalUI

/// The full-screen console: a stack of panes (instances › namespaces › repositories › tags ›
/// artifact), the `:` command line, the `/` filter, help, dialogs and the flash line. It is
/// headless: it draws on any `Surface` and takes keys, so tests drive it without a terminal.
/// Panes see it only as their `PaneContext`.
@MainActor
public final class ConsoleApp: TerminalApplication, PaneContext {
    private enum Prompt {
        case command(LineEditor)
        case filter(LineEditor)
    }

    let session: RegistrySession
    let catalog: Catalog
    let keymap: Keymap<ConsoleAction>
    let options: Options
    let directories: XDGDirectories
    let scanReports: ScanReportCache
    private(set) lazy var buildWatcher = BuildWatcher(context: self)
    private(set) var theme: Theme
    private(set) var stack: [any Screen] = []
    private var prompt: Prompt?
    private var help: TextView?
    private var modal: ModalDialog?
    private var flash: Flash?
    /// Why the filter being typed does not apply (shown beside the title while typing).
    private var filterProblem: String?
    /// Keys typed while the top pane was opening, replayed once it is ready.
    private var pendingKeys: [Key] = []
    private var backgroundJobs = 0
    private let started = ContinuousClock.now
    private let lastViews: LastViewStore
    /// The deepest pane reopened from the last view, until its first load ends.
    private var restoredPane: ObjectIdentifier?
    private var instances: [Instance] = []
    private lazy var router = CommandRouter(
        host: CommandRouter.Host(
            context: self, instances: { [unowned self] in instances },
            currentInstance: { [unowned self] in currentInstance },
            currentLocation: { [unowned self] in top?.location }, reset: { [unowned self] in reset(to: $0) },
            showHelp: { [unowned self] in showHelp() }, quit: { [unowned self] in isFinished = true }),
        history: CommandHistory(directories: directories), names: names)
    private lazy var names: NameIndex = {
        let names = NameIndex(session: session)
        names.onChange = { [unowned self] in requestDisplay() }
        return names
    }()
    /// Links drawn in the last frame, written as OSC 8 after it (`writeHyperlinks`).
    private var hyperlinks: [Hyperlink] = []
    private var lastSize = Size(rows: 24, columns: 80)
    /// Raw escape output (OSC 52, OSC 8); the terminal writes it, tests record it.
    public var writeRaw: (String) -> Void = { _ in }
    /// Asks the event loop for a frame (set by whoever draws the console).
    public var onDisplayRequest: () -> Void = {}
    public private(set) var isFinished = false

    /// A console over `session`.
    public init(session: RegistrySession, options: Options) {
        self.session = session
        self.options = options
        self.catalog = Catalog(options.language)
        self.keymap = options.keymap
        self.theme = options.theme
        self.directories = XDGDirectories(environment: options.environment)
        self.lastViews = LastViewStore(directories: directories)
        self.scanReports = ScanReportCache(session: session)
        if let problem = options.startupProblems.first {
            flash = Flash(problem, kind: .error, seconds: 10, now: options.now())
        }
    }

    /// Opens the instances pane, then the last view of `instance` (or of the last instance used).
    public func start(instance: String? = nil) async {
        instances = await session.instances()
        stack = [ResourcePane(InstanceList(context: self, instances: instances))]
        if let location = lastViews.restore(instance: instance), let name = location.instance,
            let chosen = instances.first(where: { $0.name == name })
        {
            stack += PaneRoute.browse(
                self,
                PaneRoute.Resolved(instance: chosen, namespace: location.namespace, repository: location.repository))
            if let pane = stack.last as? ResourcePane<TagList>, let tag = location.tag { pane.kind.select(tag) }
            restoredPane = stack.last.map { ObjectIdentifier($0) }
        } else if let instance {
            showFlash(catalog[.unknownInstance, instance], error: true)
        }
        top?.appear()
    }

    var top: (any Screen)? { stack.last }

    private var currentInstance: Instance? { stack.reversed().lazy.compactMap(\.owningInstance).first }

    // MARK: PaneContext

    var environment: [String: String] { options.environment }

    var now: Date { options.now() }

    func requestDisplay() { onDisplayRequest() }

    /// An information goes after a few seconds; an error stays until the next action, so it is
    /// never missed. Either is replaced by the next message.
    func showFlash(_ message: String, error: Bool) {
        let shown =
            error
            ? Flash(message, kind: .error, seconds: 24 * 3600, now: options.now()) : Flash(message, now: options.now())
        flash = shown
        requestDisplay()
        guard !error else { return }
        // Redraw when it expires, so an old message never lingers on an idle screen.
        let wait = shown.expires.timeIntervalSince(options.now())
        Task { [weak self] in
            try? await Task.sleep(for: .seconds(wait + 0.05))
            if self?.flash == shown { self?.requestDisplay() }
        }
    }

    func push(_ pane: any Screen) {
        stack.append(pane)
        opened()
    }

    func pop() {
        guard stack.count > 1 else { return }
        stack.removeLast().close()
        opened()
    }

    /// Replaces everything above the instances pane.
    func reset(to panes: [any Screen]) {
        while stack.count > 1 { stack.removeLast().close() }
        stack += panes
        opened()
    }

    /// The top pane changed: it shows (loading what it must), the old flash and queued keys go.
    private func opened() {
        flash = nil
        pendingKeys = []
        top?.appear()
        rememberLocation()
        requestDisplay()
    }

    func copy(_ text: String) {
        writeRaw(Clipboard.sequence(for: text, environment: options.environment))
        showFlash(catalog[.copied, text])
    }

    func link(_ text: String, to url: String, at point: Point) {
        hyperlinks.append(Hyperlink(text: text, url: url, at: point))
    }

    /// Writes the links of the last frame; call after the frame is on screen.
    public func writeHyperlinks() {
        let sequence = Hyperlink.sequence(hyperlinks)
        if !sequence.isEmpty { writeRaw(sequence) }
    }

    func confirm(_ dialog: ConfirmDialog, then action: @escaping () -> Void) {
        modal = .confirm(dialog, then: action)
        flash = nil
        requestDisplay()
    }

    func edit(_ dialog: FormDialog, validate: @escaping (inout Form) -> Bool, save: @escaping (Form) -> Void) {
        modal = .checkedForm(dialog, validate: validate, save: save)
        flash = nil
        requestDisplay()
    }

    func beginJob() { backgroundJobs += 1 }

    func endJob() {
        backgroundJobs -= 1
        requestDisplay()
    }

    func runJob(notice: String?, failure: Message, _ work: @escaping @MainActor () async throws -> Void) {
        if let notice { showFlash(notice) }
        beginJob()
        Task {
            defer { endJob() }
            do {
                try await work()
            } catch {
                showError(error, failure)
            }
        }
    }

    func isReadOnly(_ instance: Instance) -> Bool { options.readOnly || instance.readOnly }

    /// A pane's load ended. "Refreshing…" has said its piece. When it is the pane reopened from
    /// the last view and it failed (the repository is gone or broken), it closes, its parent
    /// shows, and a flash says why: a broken last view never sticks.
    func loadEnded(_ pane: any Screen, failure: RegistryError?) {
        if flash?.message == catalog[.refreshing], pane === top { flash = nil }
        guard restoredPane == ObjectIdentifier(pane) else { return }
        restoredPane = nil
        guard let failure, let index = stack.firstIndex(where: { $0 === pane }) else { return }
        while stack.count > index { stack.removeLast().close() }
        opened()
        showFlash(catalog[.restoreFailed, pane.crumb, catalog.describe(failure)], error: true)
    }

    func paneReady(_ pane: any Screen) {
        guard pane === top, pane.isReady, !pendingKeys.isEmpty else { return }
        let keys = pendingKeys
        pendingKeys = []
        keys.forEach(handle)
    }

    func publish(_ change: ConsoleChange) {
        switch change {
        case .scanFinished: scanReports.removeAll()
        case .namespaces(let instance), .repositories(let instance, _): names.invalidate(instance)
        default: break
        }
        for pane in stack { pane.changed(change) }
        top?.appear()
        requestDisplay()
    }

    private func rememberLocation() {
        guard let location = top?.location, location.instance != nil else { return }
        lastViews.save(location)
    }

    /// Whether anything is loading or running.
    public var isBusy: Bool { backgroundJobs > 0 || stack.contains { $0.isBusy } }

    /// Waits until every pane has loaded and background work is done (tests).
    public func waitUntilIdle(timeout: Duration = .seconds(60)) async {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            for screen in stack { await screen.settle() }
            await names.settle()
            if !isBusy { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    // MARK: TerminalApplication

    public func resized(to size: Size) { requestDisplay() }

    public func received(_ signal: Terminal.Signal) { isFinished = true }

    public func handle(_ key: Key) {
        defer { requestDisplay() }
        if let dialog = modal {
            switch dialog.handle(key) {
            case .open(let dialog):
                modal = dialog
            case .closed(let then):
                modal = nil
                then?()
            }
        } else if var view = help {
            if key == .escape || key == .character("q") || key == .character("?") {
                help = nil
            } else {
                _ = view.handle(key)
                help = view
            }
        } else if let current = prompt {
            handlePrompt(current, key)
        } else if case .mouse(let event) = key {
            top?.handleMouse(event, in: contentRect)
        } else {
            handlePaneKey(key)
        }
    }

    private func handlePaneKey(_ key: Key) {
        let action = keymap.action(for: key)
        if let top, !top.isReady, action.map({ ![.quit, .back, .command, .help].contains($0) }) ?? true {
            pendingKeys.append(key)
            return
        }
        if let editor = top as? any KeyCapturing, editor.capture(key) { return }
        guard let action else { return }
        flash = nil
        if top?.perform(action) == true { return }
        switch action {
        case .quit: isFinished = true
        case .back where top?.filterText?.isEmpty == false:
            // esc clears an applied filter before it goes back.
            try? top?.setFilter("")
        case .back: pop()
        case .command:
            router.rewindHistory()
            prompt = .command(LineEditor())
        case .filter where top?.filterText != nil: prompt = .filter(LineEditor(top?.filterText ?? ""))
        case .help: showHelp()
        case .lifecycle: router.run("lifecycle")
        case .refresh:
            top?.refresh()
            showFlash(catalog[.refreshing])
        default: break
        }
    }

    private func showHelp() { help = TextView(lines: HelpOverlay.lines(chrome.helpSections)) }

    private func handlePrompt(_ current: Prompt, _ key: Key) {
        switch current {
        case .command(var editor):
            switch key {
            case .escape: prompt = nil
            case .enter:
                prompt = nil
                router.run(editor.text)
            case .up, .down:
                if let line = key == .up ? router.previousLine() : router.nextLine() { editor.set(line) }
                prompt = .command(editor)
            case .tab,
                .right where editor.cursor == editor.text.count:
                if let completed = router.completion(editor.text) { editor.set(completed) }
                prompt = .command(editor)
            default:
                _ = editor.handle(key)
                prompt = .command(editor)
            }
        case .filter(var editor):
            switch key {
            case .escape:
                try? top?.setFilter("")
                prompt = nil
                filterProblem = nil
            case .enter:
                prompt = nil
                if let problem = filterProblem { showFlash(catalog[.invalidFilter, problem], error: true) }
                filterProblem = nil
            default:
                guard editor.handle(key) else { return }
                prompt = .filter(editor)
                do {
                    try top?.setFilter(editor.text)
                    filterProblem = nil
                } catch {
                    filterProblem = error.description
                }
            }
        }
    }

    // MARK: Drawing

    /// The pane's area for the last drawn size: everything but two header and two footer lines.
    var contentRect: Rect { Rect(lastSize).inset(top: 2, bottom: 2) }

    private var chrome: ConsoleChrome {
        let chromePrompt: ConsoleChrome.Prompt? =
            switch prompt {
            case .command(let editor): .command(editor, suggestion: router.completion(editor.text))
            case .filter(let editor): .filter(editor)
            case nil: nil
            }
        return ConsoleChrome(
            theme: theme, catalog: catalog, keymap: keymap, stack: stack, instance: currentInstance,
            isReadOnly: currentInstance.map(isReadOnly) ?? false,
            spinner: isBusy ? Spinner.frame(at: ContinuousClock.now - started) : nil, prompt: chromePrompt,
            filterProblem: filterProblem,
            flash: flash, now: options.now(), isEditingForm: modal?.isForm ?? false)
    }

    public func render(on surface: any Surface) {
        lastSize = surface.size
        hyperlinks = []
        surface.setCursor(nil)
        surface.fill(Rect(surface.size), style: theme[.text])
        if SizeNotice.isTooSmall(surface.size) {
            let minimum = SizeNotice.minimum
            SizeNotice.draw(
                [
                    catalog[.tooSmall],
                    catalog[.tooSmallSize, surface.size.columns, surface.size.rows, minimum.columns, minimum.rows],
                ], on: surface, theme: theme)
            return
        }
        let full = Rect(surface.size)
        chrome.draw(on: surface)
        top?.draw(on: surface, in: contentRect, theme: theme)
        if var view = help {
            HelpOverlay.draw(&view, title: catalog[.helpTitle], on: surface, in: full, theme: theme)
            help = view
        }
        modal = modal?.draw(on: surface, in: full, theme: theme)
        if help != nil || modal != nil { hyperlinks = [] }
        // With the frame drawn, the pane asks for what its visible rows need.
        top?.drawn()
    }
}
