import Foundation
import RegistryClient
import TerminalUI

/// The tags of a repository: name, short digest, size, created, platforms, and scan findings.
/// Sorted across all pages; details and scan summaries fill in through bounded queues (visible
/// rows first, asked for after each frame); tags that share a digest carry the same group colour
/// and a `×N` count, and the selected tag's siblings are highlighted. Scan results belong to the
/// digest, so every tag on it shows them.
@MainActor
final class TagList: ResourceKind {
    /// A tag with what is known of it.
    struct Row: Identifiable, Sendable {
        /// What is known beyond the name, boxed so that a 100,000-tag list stays small.
        private final class Known: Sendable {
            let details: TagDetails?
            let failure: String?

            init(details: TagDetails?, failure: String?) {
                self.details = details
                self.failure = failure
            }
        }

        var name: String
        private var known: Known?

        init(name: String, details: TagDetails? = nil) {
            self.name = name
            known = details.map { Known(details: $0, failure: nil) }
        }

        var id: String { name }
        /// Size, created, platforms and digest, once read.
        var details: TagDetails? {
            get { known?.details }
            set { known = Known(details: newValue, failure: failure) }
        }
        /// Why its details could not be read.
        var failure: String? {
            get { known?.failure }
            set { known = Known(details: details, failure: newValue) }
        }
        /// Whether the name follows the grammar; other names are never requested.
        var isRequestable: Bool { Tag.isValidName(name) }
    }

    unowned let context: any PaneContext
    let instance: Instance
    let repository: String
    private var provider: (any RegistryProvider)?
    private var sortOrder: TagOrder = .name
    private var showReferrers = false
    private var groups = DigestGroups()
    private var details: VisibleLoader<String, TagDetails>?
    private let scans: DigestScans
    private var resortScheduled = false
    /// The tag to select once it is loaded (restoring the last view).
    private var pendingSelection: String?
    /// How many names are outside the grammar (never requested, so never part of the details count).
    private var invalidNames = 0
    /// Whether the registry says when tags were pushed (ACR): the UPDATED column shows.
    private var reportsUpdates = false

    init(context: any PaneContext, instance: Instance, repository: String, select: String? = nil) {
        self.context = context
        self.instance = instance
        self.repository = repository
        self.pendingSelection = select
        scans = DigestScans(context: context, instance: instance, repository: repository)
    }

    var owningInstance: Instance? { instance }

    /// Selects `tag` once it is loaded (reopening the last view).
    func select(_ tag: String) { pendingSelection = tag }
    var crumb: String { repository }
    var title: String { "\(context.catalog[.tags]) · \(repository)" }
    var location: ViewLocation {
        ViewLocation(
            instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository,
            tag: selectedName)
    }
    var emptyText: String { context.catalog[.emptyTags] }
    var isBusy: Bool { (details?.isBusy ?? false) || scans.isBusy }
    /// The pane showing the list (set by the first reload), for the selected tag in `location`.
    private weak var pane: ResourcePane<TagList>?
    private var selectedName: String? { pane?.selected?.name ?? pendingSelection }

    func progress(in pane: ResourcePane<TagList>) -> String? {
        guard let details, details.isBusy else { return nil }
        return context.catalog[.counterDetails, details.finishedCount, pane.list.listedCount - invalidNames]
    }

    func searchFields(of row: Row) -> [String] { [row.name] + (row.details?.platforms.map(\.description) ?? []) }

    func searchIdentifiers(of row: Row) -> [String] { row.details.map { [$0.digest.short] } ?? [] }

    func lists(_ row: Row) -> Bool { showReferrers || !Tag(name: row.name).isReferrersTag }

    func order(_ rows: [Row]) -> [Int] {
        guard sortOrder != .name else { return rows.indices.sorted { rows[$0].name < rows[$1].name } }
        return sortOrder.order(rows.map { Tag(name: $0.name, details: $0.details) })
    }

    var sortColumn: Int? {
        switch sortOrder {
        case .name, .semver: 0
        case .size: 2
        case .created: 3
        }
    }

    // MARK: Loading

    func rows(in pane: ResourcePane<TagList>) -> AsyncThrowingStream<[Row], any Error> {
        let repository = repository
        return context.pages(of: instance.name) { provider in
            provider.tags(repository: repository).mapPages { $0.map { Row(name: $0.name, details: $0.details) } }
        }
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<TagList>) {
        self.provider = provider
        let repository = repository
        let details = VisibleLoader { name in try await provider.tagDetails(repository: repository, tag: name) }
        details.onResult = { [weak self, weak pane] name, result in
            guard let self, let pane else { return }
            self.received(name, result, in: pane)
        }
        self.details = details
    }

    func willReload(_ pane: ResourcePane<TagList>) {
        self.pane = pane
        details?.reset()
        scans.reset()
        groups.removeAll()
        invalidNames = 0
    }

    /// A reload's page replaces rows whose details may have been read for the old rows on
    /// screen: those are read again.
    func received(_ page: [Row], in pane: ResourcePane<TagList>) {
        for row in page {
            if row.details == nil { details?.invalidate(row.name) }
            if let digest = row.details?.digest { groups.record(row.name, on: digest) }
            if !row.isRequestable { invalidNames += 1 }
            if row.details?.updated != nil { reportsUpdates = true }
        }
        if let name = pendingSelection, page.contains(where: { $0.name == name }) {
            pendingSelection = nil
            pane.list.select(id: name)
        }
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<TagList>) -> Bool {
        switch change {
        case .tags(_, let changed): return changed == repository
        case .scanFinished(_, let changed, let digest) where changed == repository:
            if let digest { scans.forget(digest) } else { scans.reset() }
            return false
        case .suppressions:
            scans.reset()
            return false
        default:
            return false
        }
    }

    /// Asks for the details and scan reports of the rows on screen; with a sort that needs
    /// details, for every row after them.
    func shown(_ rows: [Row], in pane: ResourcePane<TagList>) {
        // Rows whose listing carried the manifest's facts (Harbor) need no read of their own.
        let visible = rows.filter { $0.isRequestable && !($0.details?.hasManifestFacts ?? false) }.map(\.name)
        details?.want(
            visible: visible, everything: sortOrder.needsDetails,
            all: pane.list.displayed.filter {
                $0.isRequestable && lists($0) && !($0.details?.hasManifestFacts ?? false)
            }
            .map(\.name))
        scans.want(rows.compactMap { row in row.details.map { (row.name, $0.digest, $0.serverScan) } })
    }

    private func received(_ name: String, _ result: Result<TagDetails, RegistryError>, in pane: ResourcePane<TagList>) {
        switch result {
        case .success(let detail):
            groups.record(name, on: detail.digest)
            if detail.updated != nil { reportsUpdates = true }
            pane.list.update(id: name) { $0.details = detail }
        case .failure(let error):
            pane.list.update(id: name) { $0.failure = context.catalog.describe(error) }
        }
        if sortOrder.needsDetails { scheduleResort(pane) }
        context.requestDisplay()
    }

    /// Re-sorts at most four times a second while details stream in.
    private func scheduleResort(_ pane: ResourcePane<TagList>) {
        guard !resortScheduled else { return }
        resortScheduled = true
        Task { [weak self, weak pane] in
            try? await Task.sleep(for: .milliseconds(250))
            self?.resortScheduled = false
            pane?.resort()
        }
    }

    func close() {
        details?.reset()
        scans.close()
    }

    func settle() async {
        await details?.settle()
        await scans.settle()
    }

    // MARK: Actions

    func actions(in pane: ResourcePane<TagList>) -> [ConsoleAction] {
        var list: [ConsoleAction] = [.open, .back, .vulnerabilities, .mark, .clearMarks, .diff, .copyTag, .copyDigest]
        if provider is any ServerScanning { list.append(.scan) }
        if provider is any BuildManaging { list.append(.build) }
        if provider is any Replicating { list.append(.drift) }
        if !context.isReadOnly(instance) { list.append(.delete) }
        return list + [.sortName, .sortSemver, .sortCreated, .sortSize, .toggleReferrers, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<TagList>) -> Bool {
        let catalog = context.catalog
        switch action {
        case .open:
            guard let row = pane.selected else { return true }
            context.push(ArtifactScreen(context: context, instance: instance, repository: repository, tag: row.name))
        case .vulnerabilities:
            guard let row = pane.selected else { return true }
            context.push(
                ResourcePane(
                    FindingList(
                        context: context, instance: instance, repository: repository, tag: row.name,
                        digest: row.details?.digest)))
        case .diff:
            diff(in: pane)
        case .build:
            context.push(ResourcePane(BuildRecordList(context: context, instance: instance, repository: repository)))
        case .drift:
            DriftList.openReplica(context: context, instance: instance, repository: repository)
        case .copyTag:
            guard let row = pane.selected else { return true }
            context.copyPull("\(pullPrefix):\(row.name)")
        case .copyDigest:
            guard let row = pane.selected else { return true }
            guard let digest = row.details?.digest else {
                context.showFlash(catalog[.copyNeedsDigest, row.name], error: true)
                return true
            }
            context.copyPull("\(pullPrefix)@\(digest)")
        case .delete:
            delete(in: pane)
        case .scan:
            guard let row = pane.selected else { return true }
            guard let scanner = provider as? any ServerScanning else {
                context.showFlash(catalog[.scanNotOffered, instance.name], error: true)
                return true
            }
            scans.start(row.name, digest: row.details?.digest, with: scanner)
        case .sortName: sort(.name, label: .columnTag, in: pane)
        case .sortSemver: sort(.semver, label: .sortLabelVersion, in: pane)
        case .sortCreated: sort(.created, label: .columnCreated, in: pane)
        case .sortSize: sort(.size, label: .columnSize, in: pane)
        case .toggleReferrers:
            showReferrers.toggle()
            pane.list.relist()
            context.showFlash(catalog[showReferrers ? .referrersShown : .referrersHidden])
        default:
            return false
        }
        return true
    }

    private var pullPrefix: String { "\(instance.host ?? instance.name)/\(repository)" }

    private func sort(_ order: TagOrder, label: Message, in pane: ResourcePane<TagList>) {
        sortOrder = order
        pane.resort()
        context.showFlash(context.catalog[.sortedBy, context.catalog[label]])
    }

    /// Compares the two marked tags, or the one marked tag with the selected one.
    private func diff(in pane: ResourcePane<TagList>) {
        var pair = pane.list.displayed.filter { pane.list.state.marks.contains($0.id) }
        if pair.count == 1, let selected = pane.selected, selected.name != pair[0].name { pair.append(selected) }
        guard pair.count == 2 else {
            context.showFlash(context.catalog[.diffNeedsTwo], error: true)
            return
        }
        let sides = pair.map { DiffScreen.Side(tag: $0.name, digest: $0.details?.digest) }
        context.push(
            DiffScreen(context: context, instance: instance, repository: repository, before: sides[0], after: sides[1]))
    }

    private func delete(in pane: ResourcePane<TagList>) {
        guard context.requireWritable(instance) else { return }
        let targets = pane.targets.map(\.name)
        guard !targets.isEmpty, let provider else {
            context.showFlash(context.catalog[.nothingSelected], error: true)
            return
        }
        DeleteFlow(context: context, provider: provider, repository: repository).start(tags: targets)
    }

    // MARK: Drawing

    func rowStyle(_ row: Row, selected: Row?, theme: Theme) -> Style? {
        guard let selected = selected?.details?.digest, row.details?.digest == selected else { return nil }
        return theme[.sharedDigest]
    }

    func columns(in pane: ResourcePane<TagList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        var columns: [TableColumn<Row>] = [
            TableColumn(catalog[.columnTag], width: .fit(min: 8, max: 48)) { $0.name },
            TableColumn(
                catalog[.columnDigest], width: .fixed(16),
                style: { [unowned self] row in
                    guard let digest = row.details?.digest, let group = groups.group(of: digest) else {
                        return row.failure != nil || !row.isRequestable ? theme[.error] : nil
                    }
                    return theme.group(group)
                }
            ) { [unowned self] in digestCell($0) },
            TableColumn(catalog[.columnSize], width: .fit(min: 7, max: 10), alignRight: true) {
                $0.details?.size.map(ByteCount.format) ?? ""
            },
            TableColumn(catalog[.columnCreated], width: .fit(min: 8, max: 14)) { [context] row in
                row.details.map { context.relativeTime($0.created) } ?? ""
            },
        ]
        // Only registries that say when a tag was pushed (ACR) get the column.
        if reportsUpdates {
            columns.append(
                TableColumn(catalog[.columnUpdated], width: .fit(min: 8, max: 14)) { [context] row in
                    row.details.map { context.relativeTime($0.updated) } ?? ""
                })
        }
        columns.append(
            TableColumn(
                catalog[.columnScan], width: .fit(min: 6, max: 20),
                style: { [unowned self] row in
                    row.details.flatMap { scans.worst(on: $0.digest) }.map { theme.style(for: $0) }
                }
            ) { [scans] row in row.details.map { scans.cell(tag: row.name, digest: $0.digest) } ?? "" })
        columns += registryFactColumns(in: pane)
        columns.append(
            TableColumn(catalog[.columnPlatforms], width: .flexible(min: 10)) {
                $0.details?.platforms.map(\.description).joined(separator: ",") ?? ""
            })
        return columns
    }

    private func digestCell(_ row: Row) -> String {
        if !row.isRequestable { return context.catalog[.invalidTagName] }
        if row.failure != nil { return "error" }
        guard let detail = row.details else { return "…" }
        let sharing = groups.tags(on: detail.digest).count
        return detail.digest.short + (sharing > 1 ? " ×\(sharing)" : "")
    }
}
