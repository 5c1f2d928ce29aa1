import Foundation
import RegistryClient
import TerminalUI

/// A delivery chain's pipeline drawn step by step (the scan's deny policy and each step's settings
/// beside it) with one run's status and result. ACR reports runs as a whole, and the chain's
/// configuration is edited in the ACR console; the screen says both.
@MainActor
final class ChainDetailScreen: Screen {
    let instance: Instance
    var owningInstance: Instance? { instance }
    private let chain: DeliveryChain
    private let run: ChainRun?
    private unowned let context: any PaneContext
    private var view = TextView()
    /// The width the notes were wrapped to.
    private var wrapWidth = 96

    init(context: any PaneContext, instance: Instance, chain: DeliveryChain, run: ChainRun?) {
        self.context = context
        self.instance = instance
        self.chain = chain
        self.run = run
        render()
    }

    var crumb: String { run?.id ?? chain.name }
    var title: String { "\(context.catalog[.deliveryChain]) · \(chain.name)" }
    var counter: String { run.map { $0.result ?? $0.status } ?? "" }
    var isBusy: Bool { false }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: chain.namespace) }
    var actions: [ConsoleAction] { [.back] }

    func appear() {}
    func close() {}
    func refresh() {}
    func settle() async {}

    private func render() {
        let catalog = context.catalog
        func field(_ label: Message, _ value: String, _ role: ThemeRole = .text) -> StyledLine {
            StyledLine([.init(DisplayWidth.fit(catalog[label], to: 12), .title), .init(value, role)])
        }
        var lines = [field(.labelChain, chain.name), field(.labelScope, chain.scopeText)]
        if let description = chain.description, !description.isEmpty {
            lines.append(field(.labelDescription, description))
        }
        if !chain.excluded.isEmpty { lines.append(field(.labelExcluded, chain.excluded.joined(separator: ", "))) }
        lines += [StyledLine(""), StyledLine(catalog[.labelPipeline], .title)]
        for (index, node) in (chain.nodes ?? []).enumerated() {
            let settings = node.settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            var runs: [StyledLine.Run] = [
                .init("  \(index + 1). "), .init(node.shortName, node.enabled ? .text : .muted),
            ]
            if !node.enabled { runs.append(.init(" (\(catalog[.stepDisabled]))", .muted)) }
            if let policy = node.denyPolicy {
                runs.append(.init("  " + catalog[.denyPolicy, policy.summary, policy.logic ?? "-"], .warning))
            }
            if !settings.isEmpty { runs.append(.init("  " + settings.joined(separator: " "), .muted)) }
            lines.append(StyledLine(runs))
        }
        if chain.nodes?.isEmpty != false { lines.append(StyledLine("  " + catalog[.noSteps], .muted)) }
        if let run {
            lines += [StyledLine(""), StyledLine(catalog[.labelRun, run.id], .title)]
            lines.append(field(.labelStatus, run.status))
            lines.append(field(.labelResult, run.result ?? "-", run.resultRole))
            lines.append(field(.labelRepository, run.repository ?? "-"))
            lines.append(field(.labelStarted, run.startTime.map(RFC3339.format) ?? "-"))
            lines.append(field(.labelDuration, run.durationText))
        }
        lines.append(StyledLine(""))
        for note in [catalog[.chainRunNote], catalog[.chainsEditedInACR]] {
            lines += StyledLine(note, .muted).wrapped(to: max(20, wrapWidth)).map { StyledLine($0.plain, .muted) }
        }
        view.set(lines)
    }

    func perform(_ action: ConsoleAction) -> Bool { view.navigate(action) }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { _ = view.handle(.mouse(event)) }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let body = rect.inset(top: 1, left: 2, right: 1)
        if body.columns != wrapWidth {
            wrapWidth = body.columns
            render()
        }
        view.draw(on: surface, in: body, theme: theme)
    }
}
