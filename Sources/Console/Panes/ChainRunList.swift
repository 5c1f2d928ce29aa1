import Foundation
import RegistryClient
import TerminalUI

/// The runs of one delivery chain (ACR), newest first, with their status and result. ACR reports
/// a run as a whole, so there is no status per step; enter shows the chain's pipeline (with the
/// scan's deny policy) beside the run, and says so.
@MainActor
final class ChainRunList: ResourceKind {
    typealias Row = ChainRun

    unowned let context: any PaneContext
    let instance: Instance
    /// The chain with its steps (chains are listed with them).
    let chain: DeliveryChain

    init(context: any PaneContext, instance: Instance, chain: DeliveryChain) {
        self.context = context
        self.instance = instance
        self.chain = chain
    }

    var owningInstance: Instance? { instance }
    var crumb: String { chain.name }
    var title: String { "\(context.catalog[.chainRuns]) · \(chain.name) · \(chain.pipelineText ?? "…")" }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: chain.namespace) }
    var emptyText: String { context.catalog[.emptyChainRuns, chain.pipelineText ?? "…"] }

    func rows(in pane: ResourcePane<ChainRunList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, instance, id) = (context.session, instance, chain.id)
        return .producing { continuation in
            guard let provider = try await session.provider(for: instance.name) as? any DeliveryChains else { return }
            for try await page in provider.chainRuns(repository: nil) {
                continuation.yield(page.filter { $0.chainID == id })
            }
        }
    }

    /// Newest first; runs without a start time last, in the server's order.
    func order(_ rows: [Row]) -> [Int] {
        rows.indices.sorted { first, second in
            let (one, other) = (rows[first].startTime ?? .distantPast, rows[second].startTime ?? .distantPast)
            return one == other ? first < second : one > other
        }
    }

    func searchFields(of row: Row) -> [String] { [row.id, row.status, row.result ?? "", row.repository ?? ""] }

    func actions(in pane: ResourcePane<ChainRunList>) -> [ConsoleAction] { [.open, .back, .filter, .refresh] }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<ChainRunList>) -> Bool {
        switch action {
        case .open:
            context.push(ChainDetailScreen(context: context, instance: instance, chain: chain, run: pane.selected))
        case .create, .edit, .delete:
            context.showFlash(context.catalog[.chainsEditedInACR], error: true)
        default:
            return false
        }
        return true
    }

    func columns(in pane: ResourcePane<ChainRunList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnID], width: .fit(min: 6, max: 28)) { $0.id },
            TableColumn(catalog[.columnStatus], width: .fit(min: 6, max: 10)) { $0.status },
            TableColumn(catalog[.columnResult], width: .fit(min: 6, max: 10), style: { theme[$0.resultRole] }) {
                $0.result ?? "-"
            },
            TableColumn(catalog[.columnRepository], width: .flexible(min: 10)) { $0.repository ?? "-" },
            TableColumn(catalog[.columnStarted], width: .fit(min: 8, max: 12)) { [context] in
                context.relativeTime($0.startTime)
            },
            TableColumn(catalog[.columnDuration], width: .fit(min: 8, max: 10), alignRight: true) { $0.durationText },
        ]
    }
}

extension ChainRun {
    /// Green for success, red for failure or denial, amber while running or cancelled.
    var resultRole: ThemeRole {
        switch result?.uppercased() {
        case "SUCCESS": .ok
        case "FAILED", "DENIED": .error
        case nil where !isRunning: .muted
        default: .warning
        }
    }

    /// `1m 30s`, `45s`; `…` while running, `-` when unknown.
    var durationText: String {
        guard let startTime else { return "-" }
        guard let endTime else { return isRunning ? "…" : "-" }
        let seconds = max(0, Int(endTime.timeIntervalSince(startTime)))
        if seconds >= 3600 { return "\(seconds / 3600)h \(seconds % 3600 / 60)m" }
        return seconds >= 60 ? "\(seconds / 60)m \(seconds % 60)s" : "\(seconds)s"
    }
}
