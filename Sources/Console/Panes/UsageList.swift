import RegistryClient
import TerminalUI

/// An instance's quotas (ACR 配额): namespaces, repositories, chart namespaces and repositories,
/// linked VPCs, each used / limit with a bar; above 80 % the row shows in the warning color.
@MainActor
final class UsageList: ResourceKind {
    unowned let context: any PaneContext
    let instance: Instance
    private var isUnsupported = false

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
    var emptyText: String {
        isUnsupported ? context.catalog[.needsEnterprise, context.catalog[.usage]] : context.catalog[.emptyUsage]
    }

    func rows(in pane: ResourcePane<UsageList>) -> AsyncThrowingStream<[QuotaUsage], any Error> {
        let (session, instance) = (context.session, instance)
        return .producing { continuation in
            guard let provider = try await session.provider(for: instance.name) as? any UsageReporting else { return }
            continuation.yield(try await provider.quotaUsage())
        }
    }

    /// In the order the quotas are declared.
    func order(_ rows: [QuotaUsage]) -> [Int] {
        let rank = Dictionary(uniqueKeysWithValues: QuotaUsage.Resource.allCases.enumerated().map { ($1, $0) })
        return rows.indices.sorted { (rank[rows[$0].resource] ?? 0) < (rank[rows[$1].resource] ?? 0) }
    }

    func searchFields(of row: QuotaUsage) -> [String] { [context.catalog.quotaResource(row.resource)] }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<UsageList>) {
        isUnsupported = !(provider is any UsageReporting)
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<UsageList>) -> Bool {
        switch change {
        case .namespaces, .repositories, .access: true
        default: false
        }
    }

    func actions(in pane: ResourcePane<UsageList>) -> [ConsoleAction] { [.back, .filter, .refresh] }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<UsageList>) -> Bool { false }

    func rowStyle(_ row: QuotaUsage, selected: QuotaUsage?, theme: Theme) -> Style? {
        row.isNearLimit ? theme[.warning] : nil
    }

    func columns(in pane: ResourcePane<UsageList>, theme: Theme) -> [TableColumn<QuotaUsage>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnQuota], width: .fit(min: 10, max: 24)) { catalog.quotaResource($0.resource) },
            TableColumn(catalog[.columnUsed], width: .fit(min: 5, max: 8), alignRight: true) { String($0.used) },
            TableColumn(catalog[.columnLimit], width: .fit(min: 5, max: 8), alignRight: true) {
                $0.quota.map(String.init) ?? "-"
            },
            TableColumn(catalog[.columnUsage], width: .flexible(min: Self.barWidth + 5)) { Self.bar($0) },
        ]
    }

    /// `██████░░░░░░░░░░░░░░  30%`, or `-` without a limit.
    static func bar(_ usage: QuotaUsage) -> String {
        guard let share = usage.share else { return "-" }
        let filled = min(barWidth, Int((share * Double(barWidth)).rounded()))
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
        }
    }
}

extension String {
    /// The text with spaces before it up to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
