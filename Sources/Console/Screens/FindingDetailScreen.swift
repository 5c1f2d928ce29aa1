import Foundation
import RegistryClient
import TerminalUI

/// One finding in full: severity, CVSS vector, installed → fixed, layer, suppression, description,
/// and links that are real hyperlinks (OSC 8) in terminals that support them.
@MainActor
final class FindingDetailScreen: Screen {
    let instance: Instance
    var owningInstance: Instance? { instance }
    private let repository: String
    private let tag: String
    private let digest: Digest?
    private var entry: TriagedFinding
    private unowned let context: any PaneContext
    private var view = TextView()
    /// The width the description was wrapped to.
    private var wrapWidth = 96
    /// Line index → URL, for the link lines.
    private var links: [Int: String] = [:]

    init(
        context: any PaneContext, instance: Instance, repository: String, tag: String, digest: Digest?,
        entry: TriagedFinding
    ) {
        self.context = context
        self.instance = instance
        self.repository = repository
        self.tag = tag
        self.digest = digest
        self.entry = entry
        render()
    }

    var crumb: String { entry.finding.vulnerability }
    var title: String {
        "\(context.catalog[.findingDetail]) · \(entry.finding.vulnerability) · \(entry.finding.package)"
    }
    var counter: String { context.catalog.severity(entry.finding.severity) }
    var isBusy: Bool { false }
    var location: ViewLocation {
        ViewLocation(
            instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository, tag: tag)
    }
    var actions: [ConsoleAction] { [.back, .suppress] }

    func appear() {}
    func close() {}
    func refresh() {}
    func settle() async {}

    private func render() {
        let catalog = context.catalog
        let finding = entry.finding
        func field(_ label: Message, _ value: String, _ role: ThemeRole = .text) -> StyledLine {
            StyledLine([.init(DisplayWidth.fit(catalog[label], to: 14), .title), .init(value, role)])
        }
        var lines: [StyledLine] = []
        if let title = finding.title { lines += [StyledLine(title, .title), StyledLine("")] }
        lines.append(
            field(
                .labelSeverity, "\(catalog.severity(finding.severity)) (\(finding.sourceSeverity))",
                ThemeRole(finding.severity)))
        lines.append(
            field(
                .labelCVSS,
                [finding.cvssScore.map { String(format: "%.1f", $0) }, finding.cvssVector].compactMap { $0 }.joined(
                    separator: "  ")))
        lines.append(field(.labelPackage, finding.package))
        lines.append(
            field(.labelInstalled, finding.installedVersion + (finding.fixedVersion.map { "  →  \($0)" } ?? "")))
        lines.append(field(.labelFixed, finding.fixedVersion ?? "-", finding.isFixable ? .ok : .muted))
        if !finding.aliases.isEmpty { lines.append(field(.labelAliases, finding.aliases.joined(separator: ", "))) }
        if let layer = finding.layer { lines.append(field(.labelLayer, layer)) }
        if let target = finding.target { lines.append(field(.labelTarget, target)) }
        switch entry.state {
        case .open: break
        case .suppressed(let suppression):
            lines.append(
                field(
                    .labelStatus,
                    catalog[
                        .suppressedBy, suppression.status.rawValue, suppression.owner,
                        suppression.expires.map(RFC3339.format) ?? "-", suppression.reason], .warning))
        case .expired(let suppression):
            lines.append(
                field(
                    .labelStatus,
                    catalog[
                        .suppressionExpired, suppression.expires.map(RFC3339.format) ?? "-", suppression.owner,
                        suppression.reason], .error))
        }
        if let description = finding.description {
            lines += [StyledLine(""), StyledLine(catalog[.labelDescription], .title)]
            lines += StyledLine(description).wrapped(to: max(20, wrapWidth - 2)).map { StyledLine("  " + $0.plain) }
        }
        links = [:]
        if !finding.links.isEmpty {
            lines += [StyledLine(""), StyledLine(catalog[.labelLinks], .title)]
            for url in finding.links {
                links[lines.count] = url
                lines.append(StyledLine("  " + url, .link))
            }
        }
        view.set(lines)
    }

    func perform(_ action: ConsoleAction) -> Bool {
        if view.navigate(action) { return true }
        switch action {
        case .suppress:
            SuppressionFlow(context: context, instance: instance, repository: repository, digest: digest).start(entry)
        default: return false
        }
        return true
    }

    /// Re-reads whether the finding is suppressed after the suppressions changed.
    func changed(_ change: ConsoleChange) {
        guard change == .suppressions(instance: instance.name) else { return }
        let suppressions = (try? context.suppressions(of: instance).load()) ?? []
        if let updated = TriagedFinding.triage(
            [entry.finding], suppressions: suppressions, repository: repository, digest: digest, now: context.now
        ).first {
            entry = updated
            render()
        }
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { _ = view.handle(.mouse(event)) }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let body = rect.inset(top: 1, left: 2, right: 1)
        if body.columns != wrapWidth {
            wrapWidth = body.columns
            render()
        }
        view.draw(on: surface, in: body, theme: theme)
        for (line, url) in links where line >= view.top && line < view.top + body.rows {
            context.link(
                DisplayWidth.clip(url, to: body.columns - 2), to: url,
                at: Point(row: body.row + line - view.top, column: body.column + 2))
        }
    }
}
