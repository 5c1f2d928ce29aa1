import Foundation
import RegistryClient
import TerminalUI

/// `:robots`: a Harbor project's robot accounts (opened from a project row with `O`), or the
/// instance's system robots. Never a secret: Harbor shows it once, when a robot is created, in a
/// dialog that offers to copy it. `w` shows only robots that expire within 14 days, `n` creates
/// one, `u` disables or enables the selected one, ctrl-d deletes it.
@MainActor
final class RobotList: ResourceKind {
    typealias Row = RobotAccount

    /// What "expiring soon" means, in days.
    static let soonDays = 14

    unowned let context: any PaneContext
    let instance: Instance
    /// The project whose robots are listed; nil for the system robots.
    let project: String?
    /// The provider, when it has robot accounts.
    private var manager: (any RobotManaging)?
    private var isUnsupported = false
    /// Only robots that expire within `soonDays`.
    private var expiringOnly = false

    init(context: any PaneContext, instance: Instance, project: String?) {
        self.context = context
        self.instance = instance
        self.project = project
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.robots] }
    var title: String { "\(context.catalog[.robots]) · \(instance.name)\(project.map { "/\($0)" } ?? "")" }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: project) }
    var emptyText: String {
        let catalog = context.catalog
        if isUnsupported { return catalog[.needsHarbor, catalog[.robots]] }
        return expiringOnly ? catalog[.emptyRobotsExpiring, Self.soonDays] : catalog[.emptyRobots]
    }

    func rows(in pane: ResourcePane<RobotList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, instance, project) = (context.session, instance, project)
        return .producing { continuation in
            guard let provider = try await session.provider(for: instance.name) as? any RobotManaging else { return }
            continuation.yield(try await provider.robots(project: project))
        }
    }

    func order(_ rows: [Row]) -> [Int] { rows.indices.sorted { rows[$0].name < rows[$1].name } }

    func lists(_ row: Row) -> Bool {
        !expiringOnly || row.expires(within: TimeInterval(Self.soonDays) * 86_400, now: context.now)
    }

    func searchFields(of row: Row) -> [String] { [row.name, row.permissionSummary, row.description] }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<RobotList>) {
        manager = provider as? any RobotManaging
        isUnsupported = manager == nil
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<RobotList>) -> Bool {
        change == .access(instance: instance.name)
    }

    func header(in pane: ResourcePane<RobotList>) -> StyledLine? {
        expiringOnly ? StyledLine(context.catalog[.robotsExpiringHeader, Self.soonDays], .warning) : nil
    }

    func actions(in pane: ResourcePane<RobotList>) -> [ConsoleAction] {
        guard manager != nil else { return [.back, .filter, .refresh] }
        return [.expiringSoon] + (context.isReadOnly(instance) ? [] : [.create, .toggleEnabled, .delete])
            + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<RobotList>) -> Bool {
        guard let manager else { return false }
        if action == .expiringSoon {
            expiringOnly.toggle()
            pane.list.relist()
            context.requestDisplay()
            return true
        }
        return RobotFlow(context: context, provider: manager, project: project).handle(action, selected: pane.selected)
    }

    func rowStyle(_ row: Row, selected: Row?, theme: Theme) -> Style? {
        switch row.status(now: context.now) {
        case .expired: theme[.error]
        case .disabled: theme[.muted]
        case .enabled:
            row.expires(within: TimeInterval(Self.soonDays) * 86_400, now: context.now) ? theme[.warning] : nil
        }
    }

    func columns(in pane: ResourcePane<RobotList>, theme: Theme) -> [TableColumn<Row>] {
        let (catalog, now) = (context.catalog, context.now)
        return [
            TableColumn(catalog[.columnName], width: .fit(min: 10, max: 30)) { $0.name },
            TableColumn(catalog[.columnLevel], width: .fit(min: 5, max: 8)) { catalog.robotLevel($0.level) },
            TableColumn(catalog[.columnPermissions], width: .flexible(min: 12)) { $0.permissionSummary },
            TableColumn(catalog[.columnExpires], width: .fit(min: 7, max: 22)) {
                catalog.expiry($0.expiresAt, now: now)
            },
            TableColumn(catalog[.columnStatus], width: .fit(min: 6, max: 9)) {
                catalog.robotStatus($0.status(now: now))
            },
        ]
    }
}
