import Foundation
import RegistryClient
import TerminalUI

/// The full-screen console: a stack of panes (instances › namespaces › repositories › tags ›
/// artifact), the `:` command line, the `/` filter, help, confirmations and the flash line. It is
/// headless: it draws on any `Surface` and takes keys, so tests drive it without a terminal.
@MainActor
public final class ConsoleApp: TerminalApplication {
    /// How the console is set up.
    public struct Options: Sendable {
        public var theme: Theme = .builtInDefault
        public var keymap: Keymap<ConsoleAction>
        public var language: Language = .english
        public var readOnly = false
        public var environment: [String: String] = ProcessInfo.processInfo.environment
        /// Problems found while loading the theme or keymap, shown once at start.
        public var startupProblems: [String] = []
        /// The clock for relative times (fixed in snapshot tests).
        public var now: @Sendable () -> Date = { Date() }

        /// Options with the default keymap.
        public init() {
            keymap = try! Keymap(defaults: ConsoleAction.defaultBindings)
        }
    }

    private enum Prompt {
        case command(LineEditor)
        case filter(LineEditor)
    }

    /// A dialog that takes every key until it closes.
    private enum Modal {
        case confirm(ConfirmDialog, then: () -> Void)
        /// `validate` marks field errors and says whether the form can be saved.
        case form(FormDialog, validate: (inout Form) -> Bool, save: (Form) -> Void)
    }

    let session: RegistrySession
    let catalog: Catalog
    let keymap: Keymap<ConsoleAction>
    let options: Options
    let directories: XDGDirectories
    /// Scan reports every pane shares.
    let scanReports: ScanReportCache
    private(set) var theme: Theme
    private(set) var stack: [any Screen] = []
    private var prompt: Prompt?
    private var help: TextView?
    private var modal: Modal?
    private var flash: Flash?
    /// Why the filter being typed does not apply (shown beside the title while typing).
    private var filterProblem: String?
    private var backgroundJobs = 0
    private let started = ContinuousClock.now
    private let lastViews: LastViewStore
    /// The deepest pane reopened from the last view, until its first load ends.
    private var restoredPane: ObjectIdentifier?
    private var instanceNames: [String] = []
    /// Links drawn in the last frame, written as OSC 8 after it (`writeHyperlinks`).
    private var hyperlinks: [Hyperlink] = []
    /// Raw escape output (OSC 52, OSC 8); the terminal writes it, tests record it.
    public var writeRaw: (String) -> Void = { _ in }
    /// Asks the event loop for a frame.
    public var requestDisplay: () -> Void = {}
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
        if let problem = options.startupProblems.first { flash = Flash(problem, kind: .error, seconds: 10) }
    }

    /// Opens the instances pane, then the last view of `instance` (or of the last instance used).
    public func start(instance: String? = nil) async {
        let instances = await session.instances()
        instanceNames = instances.map(\.name)
        stack = [InstancesScreen(app: self, instances: instances)]
        if let location = lastViews.restore(instance: instance), let name = location.instance, let chosen = instances.first(where: { $0.name == name }) {
            restore(location, instance: chosen)
        } else if let instance {
            showFlash(catalog[.unknownInstance, instance], error: true)
        }
        top?.appear()
    }

    private func restore(_ location: ViewLocation, instance: Instance) {
        stack.append(NamespacesScreen(app: self, instance: instance))
        if let namespace = location.namespace {
            stack.append(RepositoriesScreen(app: self, instance: instance, namespace: namespace))
        }
        if let repository = location.repository {
            stack.append(TagsScreen(app: self, instance: instance, repository: repository, select: location.tag))
        }
        restoredPane = stack.last.map { ObjectIdentifier($0) }
    }

    /// A pane's load ended. When it is the pane reopened from the last view and it failed (the
    /// repository is gone or broken), it closes, its parent shows, and a flash says why: a broken
    /// last view never sticks.
    func loadEnded(_ screen: any Screen, failure: RegistryError?) {
        guard restoredPane == ObjectIdentifier(screen) else { return }
        restoredPane = nil
        guard let failure, let index = stack.firstIndex(where: { $0 === screen }) else { return }
        while stack.count > index { stack.removeLast().close() }
        top?.appear()
        rememberLocation()
        showFlash(catalog[.restoreFailed, screen.crumb, failure.description], error: true)
    }

    var top: (any Screen)? { stack.last }

    // MARK: Services for panes

    /// The instances' names (for completion).
    var knownInstances: [String] { instanceNames }

    /// Shows a message on the flash line.
    func showFlash(_ message: String, error: Bool = false) {
        flash = Flash(message, kind: error ? .error : .info, now: options.now())
        requestDisplay()
    }

    /// Opens a pane on top.
    func push(_ screen: any Screen) {
        stack.append(screen)
        screen.appear()
        rememberLocation()
        requestDisplay()
    }

    /// Closes the top pane (never the first).
    func pop() {
        guard stack.count > 1 else { return }
        stack.removeLast().close()
        top?.appear()
        rememberLocation()
        requestDisplay()
    }

    /// Replaces everything above the instances pane.
    func reset(to screens: [any Screen]) {
        while stack.count > 1 { stack.removeLast().close() }
        for screen in screens { stack.append(screen) }
        top?.appear()
        rememberLocation()
        requestDisplay()
    }

    /// Copies text to the clipboard through the terminal (OSC 52).
    func copy(_ text: String) {
        writeRaw(Clipboard.sequence(for: text, environment: options.environment))
        showFlash(catalog[.copied, text])
    }

    /// Copies `docker pull REFERENCE`, quoted for the shell; a reference with control characters
    /// is refused with an error flash.
    func copyPull(_ reference: String) {
        guard let command = PullCommand.text(for: reference) else {
            showFlash(catalog[.copyRefused, reference], error: true)
            return
        }
        copy(command)
    }

    /// Marks text a pane drew as a link for this frame.
    func link(_ text: String, to url: String, at point: Point) {
        hyperlinks.append(Hyperlink(text: text, url: url, at: point))
    }

    /// Writes the links of the last frame; call after the frame is on screen.
    public func writeHyperlinks() {
        let sequence = Hyperlink.sequence(hyperlinks)
        if !sequence.isEmpty { writeRaw(sequence) }
    }

    /// Asks for confirmation; `action` runs when the user confirms.
    func confirm(_ dialog: ConfirmDialog, then action: @escaping () -> Void) {
        modal = .confirm(dialog, then: action)
        flash = nil
        requestDisplay()
    }

    /// Shows a form; `save` runs with the fields once `validate` passes and the user saves.
    func edit(_ dialog: FormDialog, validate: @escaping (inout Form) -> Bool, save: @escaping (Form) -> Void) {
        var dialog = dialog
        _ = validate(&dialog.form)
        modal = .form(dialog, validate: validate, save: save)
        flash = nil
        requestDisplay()
    }

    /// Counts work that is not a pane load (deletes) for the spinner and idle detection.
    func beginJob() { backgroundJobs += 1 }

    /// Runs `work` as a counted job, showing `notice` first; a thrown error becomes an error flash
    /// made with `failure`.
    func runJob(notice: String? = nil, failure: Message, _ work: @escaping @MainActor () async throws -> Void) {
        if let notice { showFlash(notice) }
        beginJob()
        Task {
            defer { endJob() }
            do {
                try await work()
            } catch {
                showFlash(catalog[failure, String(describing: error)], error: true)
            }
        }
    }
    func endJob() {
        backgroundJobs -= 1
        requestDisplay()
    }

    /// "3d ago", "3 天前".
    func relativeTime(_ date: Date?) -> String { catalog.relativeTime(date, now: options.now()) }

    /// Looks an instance's provider up in the background, hands it to `found`, and redraws. A
    /// provider that cannot be made is skipped: the pane's own list load reports why.
    func lookUpProvider(of instance: Instance, _ found: @escaping @MainActor (any RegistryProvider) -> Void) -> Task<Void, Never> {
        Task { [session] in
            guard let provider = try? await session.provider(for: instance.name) else { return }
            found(provider)
            self.requestDisplay()
        }
    }

    /// A provider's page stream for an instance, opened once the provider is ready.
    func pages<Item: Sendable>(of instance: String, _ open: @escaping @Sendable (any RegistryProvider) -> AsyncThrowingStream<[Item], any Error>) -> AsyncThrowingStream<[Item], any Error> {
        let session = session
        return .producing { continuation in
            for try await page in open(try await session.provider(for: instance)) { continuation.yield(page) }
        }
    }

    /// Whether mutations are off for an instance.
    func isReadOnly(_ instance: Instance) -> Bool { options.readOnly || instance.readOnly }

    /// The suppressions of an instance.
    func suppressions(of instance: Instance) -> SuppressionStore {
        SuppressionStore(instance: instance.name, directories: directories)
    }

    /// The clock's now.
    var now: Date { options.now() }

    /// The audit log mutations write to.
    var auditLog: AuditLog { AuditLog(directories: directories) }

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
            if !isBusy { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    // MARK: TerminalApplication

    public func resized(to size: Size) { requestDisplay() }

    public func received(_ signal: Terminal.Signal) { isFinished = true }

    public func handle(_ key: Key) {
        defer { requestDisplay() }
        if let current = modal {
            handleModal(current, key)
            return
        }
        if var view = help {
            if key == .escape || key == .character("q") || key == .character("?") {
                help = nil
            } else {
                _ = view.handle(key)
                help = view
            }
            return
        }
        if prompt != nil {
            handlePrompt(key)
            return
        }
        if case .mouse(let event) = key {
            top?.handleMouse(event, in: contentRect)
            return
        }
        if let editor = top as? any KeyCapturing, editor.capture(key) { return }
        guard let action = keymap.action(for: key) else { return }
        if top?.perform(action) == true { return }
        switch action {
        case .quit: isFinished = true
        case .back: pop()
        case .command: prompt = .command(LineEditor())
        case .filter where top?.filterText != nil: prompt = .filter(LineEditor(top?.filterText ?? ""))
        case .help: help = TextView(lines: HelpOverlay.lines(helpSections()))
        case .lifecycle: openLifecycle()
        case .refresh:
            top?.refresh()
            showFlash(catalog[.refreshing])
        default: break
        }
    }

    private func handleModal(_ current: Modal, _ key: Key) {
        switch current {
        case .confirm(var dialog, let action):
            let outcome = dialog.handle(key)
            modal = outcome == .pending ? .confirm(dialog, then: action) : nil
            if outcome == .confirmed { action() }
        case .form(var dialog, let validate, let save):
            switch dialog.handle(key) {
            case .cancel:
                modal = nil
            case .save:
                if validate(&dialog.form) {
                    modal = nil
                    save(dialog.form)
                } else {
                    modal = .form(dialog, validate: validate, save: save)
                }
            case .edited:
                _ = validate(&dialog.form)
                modal = .form(dialog, validate: validate, save: save)
            case .moved:
                modal = .form(dialog, validate: validate, save: save)
            }
        }
    }

    private func handlePrompt(_ key: Key) {
        guard let current = prompt else { return }
        switch current {
        case .command(var editor):
            switch key {
            case .escape: prompt = nil
            case .enter:
                prompt = nil
                run(editor.text)
            case .tab:
                if let completed = completion(editor.text) { editor.set(completed) }
                prompt = .command(editor)
            case .right where editor.cursor == editor.text.count:
                if let completed = completion(editor.text) { editor.set(completed) }
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

    private func completion(_ line: String) -> String? {
        ConsoleCommand.complete(line) { word in
            switch word {
            case "ctx": return self.knownInstances
            default: return []
            }
        }
    }

    private var currentInstance: Instance? {
        for screen in stack.reversed() {
            if let scoped = screen as? any InstanceScoped { return scoped.instance }
        }
        return nil
    }

    private func run(_ line: String) {
        guard let command = ConsoleCommand.parse(line) else {
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { showFlash(catalog[.unknownCommand, line], error: true) }
            return
        }
        switch command {
        case .quit: isFinished = true
        case .help: help = TextView(lines: HelpOverlay.lines(helpSections()))
        case .instances: reset(to: [])
        case .context(let name):
            guard let name else {
                reset(to: [])
                return
            }
            Task { await self.switchInstance(name) }
        case .namespace(let namespace):
            guard let instance = currentInstance else { return }
            reset(to: [NamespacesScreen(app: self, instance: instance), RepositoriesScreen(app: self, instance: instance, namespace: namespace)])
        case .repositories(let filter):
            guard let instance = currentInstance else { return }
            let screen = RepositoriesScreen(app: self, instance: instance, namespace: nil)
            reset(to: [NamespacesScreen(app: self, instance: instance), screen])
            if let filter { try? screen.setFilter(filter) }
        case .vulnerabilities(let namespace):
            guard let instance = currentInstance else { return }
            reset(to: [NamespacesScreen(app: self, instance: instance), VulnerabilityOverviewScreen(app: self, instance: instance, namespace: namespace)])
        case .lifecycle: openLifecycle()
        case .tags(let repository):
            guard let instance = currentInstance else { return }
            let namespace = Namespace.of(repository: repository)
            reset(to: [
                NamespacesScreen(app: self, instance: instance), RepositoriesScreen(app: self, instance: instance, namespace: namespace),
                TagsScreen(app: self, instance: instance, repository: repository, select: nil),
            ])
        }
    }

    /// Opens the lifecycle rules of where the user is: the repository, the namespace, or the instance.
    private func openLifecycle() {
        guard let instance = currentInstance, let location = top?.location else { return }
        let scope: LifecycleRule.Scope = if let repository = location.repository {
            .repository(repository)
        } else if let namespace = location.namespace, !namespace.isEmpty {
            .namespace(namespace)
        } else {
            .instance
        }
        push(LifecycleRulesScreen(app: self, instance: instance, scope: scope))
    }

    private func switchInstance(_ name: String) async {
        guard let instance = await session.instances().first(where: { $0.name == name }) else {
            showFlash(catalog[.unknownInstance, name], error: true)
            return
        }
        reset(to: [NamespacesScreen(app: self, instance: instance)])
    }

    // MARK: Drawing

    private var lastSize = Size(rows: 24, columns: 80)

    /// The pane's area for the last drawn size: everything but two header and two footer lines.
    var contentRect: Rect { Rect(lastSize).inset(top: 2, bottom: 2) }

    public func render(on surface: any Surface) {
        lastSize = surface.size
        hyperlinks = []
        surface.setCursor(nil)
        surface.fill(Rect(surface.size), style: theme[.text])
        if SizeNotice.isTooSmall(surface.size) {
            let minimum = SizeNotice.minimum
            SizeNotice.draw([catalog[.tooSmall], catalog[.tooSmallSize, surface.size.columns, surface.size.rows, minimum.columns, minimum.rows]], on: surface, theme: theme)
            return
        }
        let full = Rect(surface.size)
        drawHeader(on: surface, in: Rect(row: 0, column: 0, rows: 1, columns: full.columns))
        drawTitle(on: surface, in: Rect(row: 1, column: 0, rows: 1, columns: full.columns))
        top?.draw(on: surface, in: contentRect, theme: theme)
        drawPromptOrFlash(on: surface, in: Rect(row: full.rows - 2, column: 0, rows: 1, columns: full.columns))
        statusBar.draw(on: surface, in: Rect(row: full.rows - 1, column: 0, rows: 1, columns: full.columns), theme: theme)
        if var view = help {
            HelpOverlay.draw(&view, title: catalog[.helpTitle], on: surface, in: full, theme: theme)
            help = view
        }
        switch modal {
        case .confirm(var dialog, let action)?:
            dialog.draw(on: surface, in: full, theme: theme)
            modal = .confirm(dialog, then: action)
        case .form(let dialog, _, _)?:
            dialog.draw(on: surface, in: full, theme: theme)
        case nil:
            break
        }
        if help != nil || modal != nil { hyperlinks = [] }
    }

    private func drawHeader(on surface: any Surface, in rect: Rect) {
        let brand = surface.draw(" regconsole ", at: Point(row: rect.row, column: 0), style: theme[.title])
        let crumbs = stack.dropFirst().map(\.crumb)
        let spinner = isBusy ? Spinner.frame(at: ContinuousClock.now - started) + " " : ""
        let room = rect.columns - brand - DisplayWidth.of(spinner) - 1
        Breadcrumbs.draw([catalog[.instances]] + crumbs, on: surface, in: Rect(row: rect.row, column: brand, rows: 1, columns: room), theme: theme)
        if !spinner.isEmpty { surface.draw(spinner, at: Point(row: rect.row, column: rect.columns - DisplayWidth.of(spinner)), style: theme[.title]) }
    }

    private func drawTitle(on surface: any Surface, in rect: Rect) {
        guard let top else { return }
        var column = surface.draw(" " + top.title + " ", at: Point(row: rect.row, column: 0), style: theme[.title], width: rect.columns / 2)
        column += surface.draw("[\(top.counter)]", at: Point(row: rect.row, column: column), style: theme[.muted])
        if let problem = filterProblem {
            surface.draw("  " + problem, at: Point(row: rect.row, column: column), style: theme[.error], width: rect.columns - column)
        } else if let filter = top.filterText, !filter.isEmpty {
            surface.draw("  /" + filter, at: Point(row: rect.row, column: column), style: theme[.prompt], width: rect.columns - column)
        }
    }

    private func drawPromptOrFlash(on surface: any Surface, in rect: Rect) {
        switch prompt {
        case .command(let editor):
            let suggestion = completion(editor.text)
            editor.draw(on: surface, at: Point(row: rect.row, column: 0), width: rect.columns, prefix: ":", prefixStyle: theme[.prompt], style: theme[.promptInput], suggestion: suggestion, suggestionStyle: theme[.suggestion])
        case .filter(let editor):
            editor.draw(on: surface, at: Point(row: rect.row, column: 0), width: rect.columns, prefix: "/", prefixStyle: theme[.prompt], style: theme[.promptInput])
        case nil:
            flash?.draw(on: surface, in: rect, theme: theme, now: options.now())
        }
    }

    private var statusBar: StatusBar {
        let instance = currentInstance
        func hints(_ actions: [ConsoleAction]) -> [StatusBar.Hint] {
            actions.compactMap { action in keymap.hint(for: action).map { StatusBar.Hint(key: $0, label: description(of: action)) } }
        }
        let role: ThemeRole = instance.map { $0.production ? .statusProduction : (isReadOnly($0) ? .statusReadOnly : .status) } ?? .status
        var trailing = instance.map { "\($0.name) \($0.kind.rawValue)" } ?? ""
        if let instance {
            if instance.production { trailing += " · " + catalog[.flagProduction] }
            if isReadOnly(instance) { trailing += " · " + catalog[.flagReadOnly] }
            if instance.insecure { trailing += " · " + catalog[.flagInsecure] }
        }
        return StatusBar(hints: hints((top?.actions ?? []) + [.quit]), pinned: hints([.help]), trailing: trailing, role: role)
    }

    /// The label of an action in hints and help.
    func description(of action: ConsoleAction) -> String {
        let message: Message = switch action {
        case .up: .actionUp
        case .down: .actionDown
        case .pageUp: .actionPageUp
        case .pageDown: .actionPageDown
        case .top: .actionTop
        case .bottom: .actionBottom
        case .open: .actionOpen
        case .back: .actionBack
        case .quit: .actionQuit
        case .filter: .actionFilter
        case .command: .actionCommand
        case .help: .actionHelp
        case .mark: .actionMark
        case .clearMarks: .actionClearMarks
        case .delete: .actionDelete
        case .refresh: .actionRefresh
        case .copyTag: .actionCopyTag
        case .copyDigest: .actionCopyDigest
        case .nextTab: .actionNextTab
        case .previousTab: .actionPreviousTab
        case .sortName: .actionSortName
        case .sortSemver: .actionSortSemver
        case .sortCreated: .actionSortCreated
        case .sortSize: .actionSortSize
        case .sortSeverity: .actionSortSeverity
        case .toggleReferrers: .actionToggleReferrers
        case .vulnerabilities: .actionVulnerabilities
        case .diff: .actionDiff
        case .suppress: .actionSuppress
        case .groupPackages: .actionGroupPackages
        case .groupVulnerabilities: .actionGroupVulnerabilities
        case .showSuppressed: .actionShowSuppressed
        case .lifecycle: .actionLifecycle
        case .create: .actionCreate
        case .edit: .actionEdit
        case .apply: .actionApply
        case .scan: .actionScan
        }
        return catalog[message]
    }

    private func helpSections() -> [HelpOverlay.Section] {
        func entries(_ actions: [ConsoleAction]) -> [(keys: String, description: String)] {
            actions.compactMap { action in
                let keys = keymap.keys(for: action).map(KeySpec.name)
                return keys.isEmpty ? nil : (keys.joined(separator: " "), description(of: action))
            }
        }
        let navigation: [ConsoleAction] = [.up, .down, .pageUp, .pageDown, .top, .bottom, .open, .back]
        let general: [ConsoleAction] = [.filter, .command, .refresh, .lifecycle, .help, .quit]
        let pane = (top?.actions ?? []).filter { !navigation.contains($0) && !general.contains($0) }
        return [
            HelpOverlay.Section(title: catalog[.helpPane] + " — " + (top?.title ?? ""), entries: entries(pane)),
            HelpOverlay.Section(title: catalog[.helpNavigation], entries: entries(navigation)),
            HelpOverlay.Section(title: catalog[.helpGeneral], entries: entries(general)),
            HelpOverlay.Section(title: catalog[.helpCommands], entries: [.commandContext, .commandNamespace, .commandRepositories, .commandTags, .commandVulns, .commandLifecycle, .commandHelp, .commandQuit].map { ("", catalog[$0]) }),
            HelpOverlay.Section(title: catalog[.helpFilter], entries: [("", catalog[.filterSyntax])]),
        ]
    }
}

/// A pane that belongs to one instance (everything below the instances list).
@MainActor
protocol InstanceScoped {
    var instance: Instance { get }
}
