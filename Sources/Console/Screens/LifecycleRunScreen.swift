import Foundation
import RegistryClient
import TerminalUI

/// A lifecycle run in progress: a row per manifest with its status as it is compare-and-deleted,
/// the count done in the title, and the totals in a flash at the end. The run goes on if the pane
/// is left.
@MainActor
final class LifecycleRunScreen: Screen {
    /// What to run.
    enum Run {
        case apply(LifecyclePlan, rules: [LifecycleRule], scope: LifecycleRule.Scope)
        /// Finish the run the journal describes.
        case resume
    }

    enum Status: Sendable, Equatable {
        case pending, deleted
        case skipped(String)
        case failed(String)
    }

    struct Row: Identifiable, Sendable {
        var item: LifecycleJournal.Item
        var status: Status
        var id: String { "\(item.repository)@\(item.digest)" }
    }

    let instance: Instance
    var owningInstance: Instance? { instance }
    private unowned let context: any PaneContext
    private let provider: any RegistryProvider
    private let run: Run
    private let model: ListModel<Row>
    private var task: Task<Void, Never>?
    private var finished = false

    init(context: any PaneContext, provider: any RegistryProvider, run: Run) {
        self.context = context
        self.provider = provider
        self.instance = provider.instance
        self.run = run
        model = ListModel(searchFields: { [$0.item.repository] + $0.item.expected.keys.sorted() })
        switch run {
        case .apply(let plan, _, _):
            model.replace(with: LifecycleExecutor.items(of: plan).map { Row(item: $0, status: .pending) })
        case .resume:
            if let (header, done) = LifecycleJournal(instance: instance.name, directories: context.directories)
                .unfinished()
            {
                model.replace(
                    with: header.items.map { item in
                        let earlier = done.first { $0.repository == item.repository && $0.digest == item.digest }
                        return Row(item: item, status: earlier.map { Self.status($0.outcome, $0.detail) } ?? .pending)
                    })
            }
        }
    }

    var crumb: String { context.catalog[.lifecycleRun] }
    var title: String { "\(context.catalog[.lifecycleRun]) · \(instance.name)" }
    var counter: String {
        context.catalog[.runProgress, model.items.filter { $0.status != .pending }.count, model.items.count]
    }
    var isBusy: Bool { task != nil }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var filterText: String? { model.filterText }
    var actions: [ConsoleAction] { [.back, .filter] }

    func appear() {
        guard task == nil, !finished else { return }
        context.beginJob()
        let executor = LifecycleExecutor(provider: provider, directories: context.directories)
        let progress: @Sendable (LifecycleJournal.Item, DeleteExecutor.Outcome) -> Void = { [weak self] item, outcome in
            Task { @MainActor in self?.update(item, Self.status(outcome)) }
        }
        task = Task { [run, context] in
            defer { context.endJob() }
            do {
                let summary: LifecycleExecutor.Summary? =
                    switch run {
                    case .apply(let plan, let rules, let scope):
                        try await executor.apply(plan, rules: rules, scope: scope, progress: progress)
                    case .resume: try await executor.resume(progress: progress)
                    }
                for (item, outcome) in summary?.outcomes ?? [] { update(item, Self.status(outcome)) }
                if let summary {
                    context.showFlash(
                        context.catalog[.runSummary, summary.deleted, summary.skipped, summary.failed],
                        error: summary.skipped + summary.failed > 0)
                }
            } catch {
                context.showError(error, .deleteFailed)
            }
            task = nil
            finished = true
            publishChanges()
            context.requestDisplay()
        }
    }

    /// Every repository the run touched has new tags, and the rules have a new last run.
    private func publishChanges() {
        for repository in Set(model.items.map(\.item.repository)).sorted() {
            context.publish(.tags(instance: instance.name, repository: repository))
        }
        context.publish(.lifecycleRules(instance: instance.name))
    }

    func close() {}

    func refresh() {}

    func settle() async { await task?.value }

    private func update(_ item: LifecycleJournal.Item, _ status: Status) {
        guard var row = model.items.first(where: { $0.item == item }) else { return }
        row.status = status
        model.merge([row])
        context.requestDisplay()
    }

    private static func status(_ outcome: DeleteExecutor.Outcome) -> Status {
        switch outcome {
        case .deleted: .deleted
        case .skipped(let refusal): .skipped(refusal.description)
        case .failed(let message): .failed(message)
        }
    }

    private static func status(_ word: String, _ detail: String?) -> Status {
        switch word {
        case "deleted": .deleted
        case "skipped": .skipped(detail ?? "")
        default: .failed(detail ?? "")
        }
    }

    func perform(_ action: ConsoleAction) -> Bool { model.navigate(action) }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { model.handleMouse(event, in: rect) }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) { try model.setFilter(text) }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = context.catalog
        let columns: [TableColumn<Row>] = [
            TableColumn(catalog[.columnRepository], width: .fit(min: 10, max: 40)) { $0.item.repository },
            TableColumn(catalog[.columnDigest], width: .fixed(12)) { $0.item.digest.short },
            TableColumn(catalog[.columnTags], width: .fit(min: 8, max: 40)) {
                $0.item.expected.keys.sorted().joined(separator: ", ")
            },
            TableColumn(
                catalog[.columnStatus], width: .flexible(min: 10),
                style: { row in
                    switch row.status {
                    case .pending: theme[.muted]
                    case .deleted: theme[.ok]
                    case .skipped: theme[.warning]
                    case .failed: theme[.error]
                    }
                }
            ) { row in
                switch row.status {
                case .pending: catalog[.runPending]
                case .deleted: catalog[.runDeleted]
                case .skipped(let why): catalog[.runSkipped, why]
                case .failed(let why): catalog[.runFailed, why]
                }
            },
        ]
        Table(columns: columns, count: model.count, emptyText: catalog[.applyNothing], row: model.item(at:)).draw(
            on: surface, in: rect, state: &model.state, theme: theme)
    }
}
