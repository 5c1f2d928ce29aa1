import RegistryClient
import TerminalUI

/// An instance's quotas (ACR 配额) and storage (存储). Quotas first: namespaces, repositories,
/// chart namespaces and repositories, linked VPCs, each used / limit with a bar, in the warning
/// color above 80 %. Then the storage regconsole computes from the tags: the total, each namespace
/// and its repositories beneath it, with their share of the total; `~` marks estimates (the line
/// above the table says why). `S` sorts the storage by size, `N` by name; the counter shows how
/// many repositories are read while the storage loads.
@MainActor
final class UsageList: ResourceKind {
    /// One line: a quota, the storage total, a namespace's or a repository's storage.
    struct Row: Identifiable, Sendable {
        enum Item: Sendable {
            case quota(QuotaUsage)
            case total(bytes: Int64, tags: Int, estimated: Bool)
            case namespace(NamespaceStorage)
            case repository(RepositoryStorage)
        }

        var item: Item

        var id: String {
            switch item {
            case .quota(let usage): "quota/\(usage.id)"
            case .total: "storage"
            case .namespace(let storage): "namespace/\(storage.namespace)"
            case .repository(let storage): "repository/\(storage.repository)"
            }
        }
    }

    unowned let context: any PaneContext
    let instance: Instance
    private var isUnsupported = false
    /// The storage rows' order.
    private var storageOrder = StorageOrder.bytes
    /// (repositories read, repositories found) while the storage loads.
    private var storageProgress: (read: Int, found: Int)?
    /// The storage view, once read.
    private var storage: StorageEstimate?

    init(context: any PaneContext, instance: Instance) {
        self.context = context
        self.instance = instance
    }

    /// The bar's width in cells.
    static let barWidth = 20

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.usage] }
    var title: String { "\(context.catalog[.usage]) · \(instance.name)" }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var emptyText: String { context.catalog[.emptyUsage] }

    /// The quotas (when the provider reports them) at once, then the storage once every
    /// repository's tags are read.
    func rows(in pane: ResourcePane<UsageList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, instance) = (context.session, instance)
        return .producing { [weak self] continuation in
            let provider = try await session.provider(for: instance.name)
            if let reporter = provider as? any UsageReporting {
                continuation.yield(try await reporter.quotaUsage().map { Row(item: .quota($0)) })
            }
            let estimate = try await StorageEstimate.load(provider: provider, namespace: nil) { read, found in
                Task { @MainActor in self?.showProgress(read, found) }
            }
            await MainActor.run { self?.storage = estimate }
            continuation.yield(Self.rows(of: estimate))
        }
    }

    private func showProgress(_ read: Int, _ found: Int) {
        guard storage == nil else { return }
        storageProgress = (read, found)
        context.requestDisplay()
    }

    private nonisolated static func rows(of estimate: StorageEstimate) -> [Row] {
        let total = Row(
            item: .total(
                bytes: estimate.namespaces.reduce(0) { $0 &+ $1.bytes },
                tags: estimate.namespaces.reduce(0) { $0 + $1.tagCount },
                estimated: estimate.namespaces.contains(where: \.estimated)))
        return [total] + estimate.namespaces.map { Row(item: .namespace($0)) }
            + estimate.repositories.map { Row(item: .repository($0)) }
    }

    func willReload(_ pane: ResourcePane<UsageList>) {
        storage = nil
        storageProgress = nil
    }

    /// Quotas in their declared order, then the total, then each namespace followed by its
    /// repositories, namespaces and repositories in the storage order.
    func order(_ rows: [Row]) -> [Int] {
        let quotaRank = Dictionary(uniqueKeysWithValues: QuotaUsage.Resource.allCases.enumerated().map { ($1, $0) })
        var quotas: [(Int, Int, String)] = []
        var total: [Int] = []
        var namespaces: [NamespaceStorage] = []
        var repositories: [String: [RepositoryStorage]] = [:]
        var indexByID: [String: Int] = [:]
        for (index, row) in rows.enumerated() {
            indexByID[row.id] = index
            switch row.item {
            case .quota(let usage): quotas.append((quotaRank[usage.resource] ?? 0, index, usage.scope ?? ""))
            case .total: total.append(index)
            case .namespace(let storage): namespaces.append(storage)
            case .repository(let storage): repositories[storage.namespace, default: []].append(storage)
            }
        }
        var order = quotas.sorted { ($0.0, $0.2) < ($1.0, $1.2) }.map(\.1) + total
        for namespace in storageOrder.sorted(namespaces) {
            order += [indexByID["namespace/\(namespace.namespace)"]].compactMap { $0 }
            order += storageOrder.sorted(repositories[namespace.namespace] ?? []).compactMap {
                indexByID["repository/\($0.repository)"]
            }
        }
        return order
    }

    func searchFields(of row: Row) -> [String] {
        switch row.item {
        case .quota(let usage): [context.catalog.quotaResource(usage.resource), usage.scope ?? ""]
        case .total: [context.catalog[.storage]]
        case .namespace(let storage): [storage.namespace]
        case .repository(let storage): [storage.repository]
        }
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<UsageList>) {
        isUnsupported = !(provider is any UsageReporting)
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<UsageList>) -> Bool {
        switch change {
        case .namespaces, .repositories, .access, .tags: true
        default: false
        }
    }

    /// Repositories read so far while the storage loads.
    func progress(in pane: ResourcePane<UsageList>) -> String? {
        guard storage == nil, let storageProgress else { return nil }
        return context.catalog[.storageProgress, storageProgress.read, storageProgress.found]
    }

    /// Why some figures are estimates, or that the storage was cut short; that quotas need ACR.
    func header(in pane: ResourcePane<UsageList>) -> StyledLine? {
        let catalog = context.catalog
        if let storage, storage.truncated { return StyledLine(catalog[.storageTruncated], .warning) }
        if let storage, storage.namespaces.contains(where: \.estimated) {
            return StyledLine(catalog[.storageLegend], .muted)
        }
        return isUnsupported ? StyledLine(catalog[.needsEnterprise, catalog[.usage]], .muted) : nil
    }

    func actions(in pane: ResourcePane<UsageList>) -> [ConsoleAction] {
        [.sortSize, .sortName, .back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<UsageList>) -> Bool {
        switch action {
        case .sortSize: storageOrder = .bytes
        case .sortName: storageOrder = .name
        default: return false
        }
        pane.resort()
        context.showFlash(context.catalog[.sortedBy, context.catalog[action == .sortSize ? .columnSize : .columnName]])
        return true
    }

    func rowStyle(_ row: Row, selected: Row?, theme: Theme) -> Style? {
        switch row.item {
        case .quota(let usage): usage.isNearLimit ? theme[.warning] : nil
        case .total: theme[.title]
        case .namespace, .repository: nil
        }
    }

    func columns(in pane: ResourcePane<UsageList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        let total = storage.map { $0.namespaces.reduce(Int64(0)) { $0 &+ $1.bytes } } ?? 0
        return [
            TableColumn(catalog[.columnName], width: .fit(min: 10, max: 40)) { Self.name(of: $0, catalog) },
            TableColumn(catalog[.columnUsed], width: .fit(min: 5, max: 12), alignRight: true) { Self.used(of: $0) },
            TableColumn(catalog[.columnLimit], width: .fit(min: 5, max: 12), alignRight: true) {
                Self.limit(of: $0, catalog)
            },
            TableColumn(catalog[.columnUsage], width: .flexible(min: Self.barWidth + 5)) { row in
                switch row.item {
                case .quota(let usage): usage.share.map(Self.bar) ?? "-"
                case .total: ""
                case .namespace(let storage): total > 0 ? Self.bar(Double(storage.bytes) / Double(total)) : ""
                case .repository(let storage): total > 0 ? Self.bar(Double(storage.bytes) / Double(total)) : ""
                }
            },
        ]
    }

    private static func name(of row: Row, _ catalog: Catalog) -> String {
        switch row.item {
        case .quota(let usage): catalog.quotaResource(usage.resource) + (usage.scope.map { " · \($0)" } ?? "")
        case .total: catalog[.storage]
        case .namespace(let storage): "  " + (storage.namespace.isEmpty ? catalog[.rootNamespace] : storage.namespace)
        case .repository(let storage): "    " + storage.repository
        }
    }

    /// A count for quotas; bytes for storage, `~` before an estimate.
    private static func used(of row: Row) -> String {
        switch row.item {
        case .quota(let usage): usage.isBytes ? ByteCount.format(Int64(usage.used)) : String(usage.used)
        case .total(let bytes, _, let estimated): bytesText(bytes, estimated: estimated)
        case .namespace(let storage): bytesText(storage.bytes, estimated: storage.estimated)
        case .repository(let storage): bytesText(storage.bytes, estimated: storage.estimated)
        }
    }

    /// The quota for quotas; the tag count for storage.
    private static func limit(of row: Row, _ catalog: Catalog) -> String {
        switch row.item {
        case .quota(let usage):
            usage.quota.map { usage.isBytes ? ByteCount.format(Int64($0)) : String($0) } ?? "-"
        case .total(_, let tags, _): catalog[.storageTags, tags]
        case .namespace(let storage): catalog[.storageTags, storage.tagCount]
        case .repository(let storage): catalog[.storageTags, storage.tagCount]
        }
    }

    private static func bytesText(_ bytes: Int64, estimated: Bool) -> String {
        (estimated ? "~" : "") + ByteCount.format(bytes)
    }

    /// `██████░░░░░░░░░░░░░░  30%` for a share of 0…1 (or more).
    static func bar(_ share: Double) -> String {
        let filled = max(0, min(barWidth, Int((share * Double(barWidth)).rounded())))
        let percent = Int((share * 100).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
            + " " + String(percent).leftPadded(to: 3) + "%"
    }
}

extension Catalog {
    /// What a quota counts, in words.
    func quotaResource(_ resource: QuotaUsage.Resource) -> String {
        switch resource {
        case .namespaces: self[.quotaNamespaces]
        case .repositories: self[.quotaRepositories]
        case .chartNamespaces: self[.quotaChartNamespaces]
        case .chartRepositories: self[.quotaChartRepositories]
        case .vpcs: self[.quotaVPCs]
        case .storage: self[.quotaStorage]
        }
    }
}

extension String {
    /// The text with spaces before it up to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
