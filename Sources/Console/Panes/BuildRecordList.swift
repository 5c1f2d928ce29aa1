import Foundation
import RegistryClient
import TerminalUI

/// The image builds of a repository (ACR), newest first: status, tag, platforms, start, duration
/// and who or what started them. ACR's records name neither the rule nor the platforms: a build
/// is shown with the rule that pushes its tag when exactly one does. While a build runs the pane
/// reads them again every few seconds. Enter opens a build's log, `b` builds it again, ctrl-k
/// cancels a running build, `r` opens the build rules.
@MainActor
final class BuildRecordList: ResourceKind {
    unowned let context: any PaneContext
    let instance: Instance
    let repository: String
    /// The provider, when it builds images; nil before it is known or when it does not.
    private(set) var builder: (any BuildManaging)?
    private var providerKnown = false
    /// The next reload while a build runs.
    private let poll = PendingReload()
    /// The rule pushing each tag, for tags exactly one rule pushes.
    private var ruleByTag: [String: BuildRule] = [:]
    private var rulesRead: Task<Void, Never>?
    /// The pause between reloads while a build runs.
    static let pollInterval: Duration = .seconds(3)

    init(context: any PaneContext, instance: Instance, repository: String) {
        self.context = context
        self.instance = instance
        self.repository = repository
    }

    /// A build id short enough for a column or a flash: its first 8 characters.
    nonisolated static func shortID(_ id: String) -> String { String(id.prefix(8)) }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.buildRecords] }
    var title: String { "\(context.catalog[.buildRecords]) · \(instance.name)/\(repository)" }
    var location: ViewLocation {
        ViewLocation(instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository)
    }
    var emptyText: String {
        providerKnown && builder == nil ? context.catalog[.buildsNeedACR] : context.catalog[.emptyBuilds]
    }

    func rows(in pane: ResourcePane<BuildRecordList>) -> AsyncThrowingStream<[BuildRecord], any Error> {
        let repository = repository
        return context.pages(of: instance.name) { provider in
            guard let builder = provider as? any BuildManaging else { return AsyncThrowingStream { $0.finish() } }
            return builder.buildRecords(repository: repository)
        }
    }

    /// Newest first by start time; builds not started yet (no time) on top.
    func order(_ rows: [BuildRecord]) -> [Int] {
        rows.indices.sorted { (rows[$0].startTime ?? .distantFuture) > (rows[$1].startTime ?? .distantFuture) }
    }

    func searchFields(of row: BuildRecord) -> [String] {
        [row.id, row.tag ?? "", context.catalog.buildStatus(row.status)]
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<BuildRecordList>) {
        builder = provider as? any BuildManaging
        providerKnown = true
        readRules()
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<BuildRecordList>) -> Bool {
        guard change == .builds(instance: instance.name, repository: repository) else { return false }
        readRules()
        return true
    }

    /// Reads the rules once (not on every poll): a rule change publishes `.builds`.
    private func readRules() {
        guard let builder else { return }
        rulesRead?.cancel()
        rulesRead = Task { [weak self, repository] in
            guard let rules = try? await builder.buildRules(repository: repository), !Task.isCancelled,
                let self
            else { return }
            self.ruleByTag = Dictionary(grouping: rules, by: \.imageTag).compactMapValues {
                $0.count == 1 ? $0[0] : nil
            }
            self.context.requestDisplay()
        }
    }

    /// Running builds are watched (a flash when they end), and the pane reads again in a while.
    func received(_ page: [BuildRecord], in pane: ResourcePane<BuildRecordList>) {
        guard let builder else { return }
        let running = page.filter(\.status.isRunning)
        for record in running { context.buildWatcher.watch(record.id, repository: repository, provider: builder) }
        if !running.isEmpty { poll.schedule(pane, after: Self.pollInterval) }
    }

    func close() {
        poll.cancel()
        rulesRead?.cancel()
    }

    func settle() async { await rulesRead?.value }

    /// Whether an earlier build can run again (Personal Edition's API has no call for it).
    private var rebuilds: Bool { !instance.isACRPersonal }

    func actions(in pane: ResourcePane<BuildRecordList>) -> [ConsoleAction] {
        guard builder != nil else { return [.back, .command, .refresh] }
        let changes: [ConsoleAction] = context.isReadOnly(instance) ? [] : (rebuilds ? [.build] : []) + [.cancelBuild]
        return [.open, .rules] + changes + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<BuildRecordList>) -> Bool {
        guard let builder else { return false }
        let flow = BuildRunFlow(context: context, provider: builder, repository: repository)
        switch action {
        case .open:
            guard let record = pane.selected else { return true }
            context.push(
                BuildLogScreen(
                    context: context, instance: instance, provider: builder, repository: repository, record: record))
        case .build where rebuilds:
            guard context.requireWritable(instance), let record = pane.selected else { return true }
            flow.rebuild(record)
        case .cancelBuild:
            guard context.requireWritable(instance), let record = pane.selected else { return true }
            flow.cancel(record)
        case .rules:
            context.push(ResourcePane(BuildRuleList(context: context, instance: instance, repository: repository)))
        default:
            return false
        }
        return true
    }

    func columns(in pane: ResourcePane<BuildRecordList>, theme: Theme) -> [TableColumn<BuildRecord>] {
        let (catalog, context, now) = (context.catalog, context, context.now)
        let (origins, ruleByTag) = (context.buildWatcher.origins, ruleByTag)
        return [
            TableColumn(catalog[.columnBuild], width: .fixed(8)) { Self.shortID($0.id) },
            TableColumn(
                catalog[.columnStatus], width: .fit(min: 6, max: 12), style: { theme[Self.role(of: $0.status)] }
            ) { catalog.buildStatus($0.status) },
            TableColumn(catalog[.columnTag], width: .fit(min: 5, max: 24)) { $0.tag ?? "-" },
            TableColumn(catalog[.columnPlatforms], width: .fit(min: 9, max: 28)) { record in
                record.tag.flatMap { ruleByTag[$0] }.map { $0.platforms.joined(separator: " ") } ?? "-"
            },
            TableColumn(catalog[.columnStarted], width: .fit(min: 8, max: 12)) { context.relativeTime($0.startTime) },
            TableColumn(catalog[.columnDuration], width: .fit(min: 8, max: 10), alignRight: true) { record in
                record.duration(now: now).map(catalog.duration) ?? "-"
            },
            TableColumn(catalog[.columnTrigger], width: .flexible(min: 10)) { record in
                switch origins[record.id] {
                case .rule(let name)?: catalog[.originRule, name]
                case .rebuild(let id)?: catalog[.originRebuild, Self.shortID(id)]
                case nil: record.tag.flatMap { ruleByTag[$0] }.map { catalog[.originListedRule, $0.pushName] } ?? "-"
                }
            },
        ]
    }

    /// Success green, failure red, running in the accent, canceled muted.
    static func role(of status: BuildStatus) -> ThemeRole {
        switch status {
        case .success: .ok
        case .failed: .error
        case .pending, .building: .warning
        case .canceled, .other: .muted
        }
    }
}
