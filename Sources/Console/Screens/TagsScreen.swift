import Foundation
import RegistryClient
import TerminalUI

/// The tags of a repository: name, short digest, size, created, platforms, and scan findings.
/// Sorted across all pages; details and scan summaries fill in through bounded queues (visible
/// rows first); tags that share a digest carry the same group colour and a `×N` count, and the
/// selected tag's siblings are highlighted.
@MainActor
final class TagsScreen: Screen, InstanceScoped {
    struct Row: Identifiable, Sendable {
        var name: String
        var id: String { name }
    }

    struct ScanKey: Hashable, Sendable {
        var tag: String
        var digest: Digest
    }

    let instance: Instance
    let repository: String
    private unowned let app: ConsoleApp
    private let model: ListModel<Row>
    private var names: [String] = []
    /// How many names are outside the grammar (never requested, so never part of the details count).
    private var invalidNames = 0
    private var details: [String: TagDetails] = [:]
    private var failures: [String: String] = [:]
    private var tagsByDigest: [Digest: [String]] = [:]
    private var groupOfDigest: [Digest: Int] = [:]
    private var sortOrder: TagOrder = .name
    private var showReferrers = false
    private var provider: (any RegistryProvider)?
    private var loader: VisibleLoader<String, TagDetails>?
    /// Scan reports by tag and digest: the tag names the report for providers that scan by tag,
    /// the digest makes a moved tag a new key.
    private var scanLoader: VisibleLoader<ScanKey, ScanReport?>?
    /// Open findings per tag; nil inside means the tag has no report.
    private var scans: [String: [Finding]?] = [:]
    private var suppressions: [Suppression] = []
    /// Server-side scans being followed, by tag; cancelled when the pane closes.
    private var scanTasks: [String: Task<Void, Never>] = [:]
    private var loadTask: Task<Void, Never>?
    private var resortScheduled = false
    private var pendingSelection: String?
    private var started = false
    private var loadError: RegistryError?

    init(app: ConsoleApp, instance: Instance, repository: String, select: String?) {
        self.app = app
        self.instance = instance
        self.repository = repository
        self.pendingSelection = select
        model = ListModel(searchFields: { [$0.name] })
        model.searchFields = { [unowned self] row in [row.name] + (details[row.name]?.platforms.map(\.description) ?? []) }
        model.searchIdentifiers = { [unowned self] row in details[row.name].map { [$0.digest.short] } ?? [] }
        model.order = { [unowned self] rows in ordered(rows) }
    }

    var crumb: String { repository }
    var title: String { "\(app.catalog[.tags]) · \(repository)" }
    var counter: String {
        var text = model.counter(app.catalog)
        if let loader, loader.isBusy { text += " · " + app.catalog[.counterDetails, loader.finishedCount, names.count - invalidNames] }
        return text
    }
    var isBusy: Bool { loadTask != nil || (loader?.isBusy ?? false) || (scanLoader?.isBusy ?? false) }
    var location: ViewLocation {
        ViewLocation(instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository, tag: model.selected?.name)
    }
    var filterText: String? { model.filterText }
    var actions: [ConsoleAction] {
        var list: [ConsoleAction] = [.open, .back, .vulnerabilities, .mark, .diff, .copyTag, .copyDigest]
        if provider is any ServerScanning { list.append(.scan) }
        if !app.isReadOnly(instance) { list.append(.delete) }
        return list + [.sortName, .sortSemver, .sortCreated, .sortSize, .toggleReferrers, .filter, .refresh]
    }

    func appear() {
        guard !started else { return }
        started = true
        refresh()
    }

    func close() {
        loadTask?.cancel()
        scanTasks.values.forEach { $0.cancel() }
        loader?.reset()
        scanLoader?.reset()
    }

    func refresh() {
        loadTask?.cancel()
        loader?.reset()
        scanLoader?.reset()
        scans = [:]
        suppressions = (try? app.suppressions(of: instance).load()) ?? []
        details = [:]
        failures = [:]
        tagsByDigest = [:]
        groupOfDigest = [:]
        loadError = nil
        names = []
        invalidNames = 0
        model.replace(with: [])
        let repository = repository
        loadTask = Task { [weak self, app, instance] in
            do {
                let provider = try await app.session.provider(for: instance.name)
                guard let self else { return }
                self.provider = provider
                if self.loader == nil {
                    let loader = VisibleLoader { name in try await provider.tagDetails(repository: repository, tag: name) }
                    loader.onResult = { [weak self] name, result in self?.received(name, result) }
                    self.loader = loader
                    let scanLoader = VisibleLoader { [reports = app.scanReports, instance] (key: ScanKey) in
                        try await reports.report(instance: instance.name, repository: repository, tag: key.tag, digest: key.digest)
                    }
                    scanLoader.onResult = { [weak self] key, result in self?.receivedScan(key, result) }
                    self.scanLoader = scanLoader
                }
                for try await page in provider.tags(repository: repository) {
                    guard !Task.isCancelled else { return }
                    self.names += page.map(\.name)
                    self.invalidNames += page.count { !$0.hasValidName }
                    for tag in page { if let details = tag.details { self.record(tag.name, details) } }
                    self.rebuild()
                }
            } catch is CancellationError {
                return
            } catch {
                guard !Task.isCancelled else { return }
                self?.loadError = RegistryError(wrapping: error)
            }
            guard let self else { return }
            self.loadTask = nil
            app.loadEnded(self, failure: self.loadError)
            app.requestDisplay()
        }
    }

    func settle() async {
        await loadTask?.value
        await loader?.settle()
        await scanLoader?.settle()
    }

    // MARK: Rows

    private func rebuild() {
        let shown = showReferrers ? names : names.filter { !Tag(name: $0).isReferrersTag }
        model.replace(with: shown.map(Row.init))
        if let name = pendingSelection, model.items.contains(where: { $0.name == name }) {
            model.select(id: name)
            pendingSelection = nil
        }
        app.requestDisplay()
    }

    private func ordered(_ rows: [Row]) -> [Row] {
        sortOrder.sorted(rows.map { Tag(name: $0.name, details: details[$0.name]) }).map { Row(name: $0.name) }
    }

    private func received(_ name: String, _ result: Result<TagDetails, RegistryError>) {
        switch result {
        case .success(let detail):
            record(name, detail)
            model.updateKey(of: name)
        case .failure(let error):
            failures[name] = error.message
        }
        if sortOrder.needsDetails { scheduleResort() }
        app.requestDisplay()
    }

    /// Keeps a tag's details and groups it with the tags sharing its digest.
    private func record(_ name: String, _ detail: TagDetails) {
        details[name] = detail
        if !(tagsByDigest[detail.digest]?.contains(name) ?? false) { tagsByDigest[detail.digest, default: []].append(name) }
        if tagsByDigest[detail.digest]?.count == 2, groupOfDigest[detail.digest] == nil { groupOfDigest[detail.digest] = groupOfDigest.count }
    }

    private func receivedScan(_ key: ScanKey, _ result: Result<ScanReport?, RegistryError>) {
        switch result {
        case .success(let report):
            scans[key.tag] = .some(report.map { TriagedFinding.unsuppressed($0.findings, suppressions: suppressions, repository: repository, digest: key.digest, now: app.now) })
        case .failure:
            scans[key.tag] = .some(nil)
        }
        app.requestDisplay()
    }

    /// Re-sorts at most four times a second while details stream in.
    private func scheduleResort() {
        guard !resortScheduled else { return }
        resortScheduled = true
        Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(250))
            guard let self else { return }
            self.resortScheduled = false
            self.model.resort()
            self.app.requestDisplay()
        }
    }

    // MARK: Actions

    func perform(_ action: ConsoleAction) -> Bool {
        if model.navigate(action) { return true }
        let catalog = app.catalog
        switch action {
        case .open:
            guard let row = model.selected else { return true }
            app.push(ArtifactScreen(app: app, instance: instance, repository: repository, tag: row.name))
        case .vulnerabilities:
            guard let row = model.selected else { return true }
            app.push(FindingsScreen(app: app, instance: instance, repository: repository, tag: row.name, digest: details[row.name]?.digest))
        case .diff:
            diff()
        case .mark:
            model.state.toggleMark()
            model.move(1)
        case .clearMarks:
            model.state.marks = []
        case .copyTag:
            guard let row = model.selected else { return true }
            app.copyPull("\(pullPrefix):\(row.name)")
        case .copyDigest:
            guard let row = model.selected else { return true }
            guard let digest = details[row.name]?.digest else {
                app.showFlash(catalog[.copyNeedsDigest, row.name], error: true)
                return true
            }
            app.copyPull("\(pullPrefix)@\(digest)")
        case .delete:
            delete()
        case .scan:
            guard let row = model.selected else { return true }
            startScan(row.name)
        case .sortName: sort(.name)
        case .sortSemver: sort(.semver)
        case .sortCreated: sort(.created)
        case .sortSize: sort(.size)
        case .toggleReferrers:
            showReferrers.toggle()
            rebuild()
            app.showFlash(catalog[showReferrers ? .referrersShown : .referrersHidden])
        default:
            return false
        }
        return true
    }

    /// Asks the registry to scan `tag`, then follows the scan in the SCAN column until it ends.
    private func startScan(_ tag: String) {
        guard let scanner = provider as? any ServerScanning else {
            app.showFlash(app.catalog[.scanNotOffered, instance.name], error: true)
            return
        }
        app.showFlash(app.catalog[.scanStarted, tag])
        let repository = repository
        scanTasks[tag] = Task { [weak self] in
            let outcome: Result<ServerScanState, RegistryError>
            do {
                try await scanner.startScan(repository: repository, tag: tag)
                outcome = .success(try await scanner.waitForScan(repository: repository, tag: tag, every: Self.scanPollInterval))
            } catch is CancellationError {
                return
            } catch {
                outcome = .failure(RegistryError(wrapping: error))
            }
            self?.scanEnded(tag, outcome)
        }
    }

    /// How often a running scan is checked.
    static let scanPollInterval: Duration = .seconds(1)

    private func scanEnded(_ tag: String, _ outcome: Result<ServerScanState, RegistryError>) {
        scanTasks[tag] = nil
        app.scanReports.removeAll()
        scans[tag] = nil
        if let digest = details[tag]?.digest { scanLoader?.invalidate(ScanKey(tag: tag, digest: digest)) }
        switch outcome {
        case .success(.complete): app.showFlash(app.catalog[.scanFinished, tag])
        case .success: app.showFlash(app.catalog[.scanFailed, tag, instance.name], error: true)
        case .failure(let error): app.showFlash(app.catalog[.scanFailed, tag, error.description], error: true)
        }
        app.requestDisplay()
    }

    private var pullPrefix: String {
        "\(instance.host ?? instance.name)/\(repository)"
    }

    private func sort(_ order: TagOrder) {
        sortOrder = order
        model.resort()
        let label: Message = switch order {
        case .name: .columnTag
        case .semver: .sortLabelVersion
        case .created: .columnCreated
        case .size: .columnSize
        }
        app.showFlash(app.catalog[.sortedBy, app.catalog[label]])
    }

    /// Compares the two marked tags, or the one marked tag with the selected one.
    private func diff() {
        var pair = names.filter { model.state.marks.contains($0) }
        if pair.count == 1, let selected = model.selected?.name, selected != pair[0] { pair.append(selected) }
        guard pair.count == 2 else {
            app.showFlash(app.catalog[.diffNeedsTwo], error: true)
            return
        }
        let sides = pair.map { DiffScreen.Side(tag: $0, digest: details[$0]?.digest) }
        app.push(DiffScreen(app: app, instance: instance, repository: repository, before: sides[0], after: sides[1]))
    }

    private func delete() {
        guard !app.isReadOnly(instance) else {
            app.showFlash(app.catalog[.readOnly, instance.name], error: true)
            return
        }
        let marked = names.filter { model.state.marks.contains($0) }
        let targets = marked.isEmpty ? model.selected.map { [$0.name] } ?? [] : marked
        guard !targets.isEmpty, let provider else {
            app.showFlash(app.catalog[.nothingSelected], error: true)
            return
        }
        DeleteFlow(app: app, provider: provider, repository: repository) { [weak self] in
            self?.model.state.marks = []
            self?.refresh()
        }.start(tags: targets)
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { model.handleMouse(event, in: rect) }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) { try model.setFilter(text) }

    // MARK: Drawing

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = app.catalog
        let selectedDigest = model.selected.flatMap { details[$0.name]?.digest }
        let sortColumn: Int? = switch sortOrder {
        case .name, .semver: 0
        case .size: 2
        case .created: 3
        }
        var columns: [TableColumn<Row>] = [
            TableColumn(catalog[.columnTag], width: .fit(min: 8, max: 48)) { $0.name },
            TableColumn(catalog[.columnDigest], width: .fixed(16), style: { [unowned self] row in
                guard let digest = details[row.name]?.digest, let group = groupOfDigest[digest] else {
                    return failures[row.name] != nil || !Tag.isValidName(row.name) ? theme[.error] : nil
                }
                return theme.group(group)
            }) { [unowned self] row in digestCell(row.name) },
            TableColumn(catalog[.columnSize], width: .fit(min: 7, max: 10), alignRight: true) { [unowned self] in details[$0.name]?.size.map(ByteCount.format) ?? "" },
            TableColumn(catalog[.columnCreated], width: .fit(min: 8, max: 14)) { [unowned self] in details[$0.name].map { app.relativeTime($0.created) } ?? "" },
        ]
        if instance.kind == .acr {
            columns.append(TableColumn(catalog[.columnUpdated], width: .fit(min: 8, max: 14)) { [unowned self] in details[$0.name].map { app.relativeTime($0.updated) } ?? "" })
        }
        columns += [
            TableColumn(catalog[.columnScan], width: .fit(min: 6, max: 20), style: { [unowned self] row in
                (scans[row.name] ?? nil)?.first.map { theme.style(for: $0.severity) }
            }) { [unowned self] in scanCell($0.name) },
            TableColumn(catalog[.columnPlatforms], width: .flexible(min: 10)) { [unowned self] in details[$0.name]?.platforms.map(\.description).joined(separator: ",") ?? "" },
        ]
        let table = Table(
            columns: columns, count: model.count, sortColumn: sortColumn,
            emptyText: loadError.map { catalog[.loadFailed, $0.description] } ?? (loadTask != nil ? catalog[.loading] : catalog[.emptyTags]),
            rowStyle: { [unowned self] row in
                guard let selectedDigest, details[row.name]?.digest == selectedDigest else { return nil }
                return theme[.sharedDigest]
            }, row: model.item(at:))
        table.draw(on: surface, in: rect, state: &model.state, theme: theme)
        // Names outside the grammar are never requested: their rows keep the invalid-name marker.
        let visible = model.state.visibleRange.clamped(to: 0..<model.count).map { model.item(at: $0).name }
            .filter(Tag.isValidName)
        loader?.want(
            visible: visible, everything: sortOrder.needsDetails, all: model.items.map(\.name).filter(Tag.isValidName))
        let scanKeys = visible.compactMap { name in details[name].map { ScanKey(tag: name, digest: $0.digest) } }
        scanLoader?.want(visible: scanKeys, everything: false, all: [])
    }

    private func scanCell(_ name: String) -> String {
        guard details[name] != nil else { return "" }
        if scanTasks[name] != nil { return app.catalog[.scanRunning] }
        guard let scanned = scans[name] else { return "…" }
        return scanned.map { $0.severityCounts.countsText } ?? "-"
    }

    private func digestCell(_ name: String) -> String {
        if !Tag.isValidName(name) { return app.catalog[.invalidTagName] }
        if failures[name] != nil { return "error" }
        guard let detail = details[name] else { return "…" }
        let sharing = tagsByDigest[detail.digest]?.count ?? 1
        return detail.digest.short + (sharing > 1 ? " ×\(sharing)" : "")
    }
}
