import RegistryClient
import TerminalUI

/// How clients reach an instance (ACR): the internet endpoint with its domains and access list
/// (白名单), the VPC endpoint with its linked VPCs and what is wrong with each. `n` adds an
/// access-list entry, ctrl-d removes the selected one, `E` switches the internet endpoint on or
/// off, `P` resets the fixed login password. The line above the table says what to do about the
/// selected row's issue.
@MainActor
final class EndpointList: ResourceKind {
    /// One line of the pane: an endpoint, an access-list entry of the internet endpoint, or a
    /// VPC linked to the VPC endpoint.
    struct Row: Identifiable, Sendable {
        enum Item: Sendable {
            case endpoint(InstanceEndpoint)
            case acl(ACLEntry)
            case vpc(LinkedVPC)
        }

        var item: Item

        var id: String {
            switch item {
            case .endpoint(let endpoint): "endpoint/\(endpoint.id)"
            case .acl(let entry): "acl/\(entry.id)"
            case .vpc(let vpc): "vpc/\(vpc.id)"
            }
        }
    }

    unowned let context: any PaneContext
    let instance: Instance
    private var manager: (any AccessManaging)?
    private var isUnsupported = false
    /// The internet endpoint as last listed.
    private var internet: InstanceEndpoint?

    init(context: any PaneContext, instance: Instance) {
        self.context = context
        self.instance = instance
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.endpoints] }
    var title: String { "\(context.catalog[.endpoints]) · \(instance.name)" }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var emptyText: String {
        isUnsupported
            ? context.catalog[.needsEnterprise, context.catalog[.endpoints]] : context.catalog[.emptyEndpoints]
    }

    /// Each endpoint, followed by its access list (internet) or linked VPCs (VPC).
    func rows(in pane: ResourcePane<EndpointList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, instance) = (context.session, instance)
        return .producing { continuation in
            guard let provider = try await session.provider(for: instance.name) as? any AccessManaging else { return }
            let endpoints = try await provider.endpoints()
            continuation.yield(
                endpoints.flatMap { endpoint in
                    [Row(item: .endpoint(endpoint))] + endpoint.acl.map { Row(item: .acl($0)) }
                        + endpoint.linkedVPCs.map { Row(item: .vpc($0)) }
                })
        }
    }

    func received(_ page: [Row], in pane: ResourcePane<EndpointList>) {
        for row in page {
            if case .endpoint(let endpoint) = row.item, endpoint.kind == .internet { internet = endpoint }
        }
    }

    func searchFields(of row: Row) -> [String] {
        switch row.item {
        case .endpoint(let endpoint): endpoint.domains.map(\.name)
        case .acl(let entry): [entry.entry, entry.comment ?? ""]
        case .vpc(let vpc): [vpc.vpcID, vpc.vswitchID ?? "", vpc.ip ?? "", vpc.issue ?? ""]
        }
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<EndpointList>) {
        manager = provider as? any AccessManaging
        isUnsupported = manager == nil
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<EndpointList>) -> Bool {
        change == .access(instance: instance.name)
    }

    func actions(in pane: ResourcePane<EndpointList>) -> [ConsoleAction] {
        guard manager != nil else { return [.back, .command, .refresh] }
        let changes: [ConsoleAction] =
            context.isReadOnly(instance) ? [] : [.create, .delete, .toggleEndpoint, .resetPassword]
        return changes + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<EndpointList>) -> Bool {
        guard let manager else { return false }
        let flow = AccessFlow(context: context, provider: manager)
        switch action {
        case .create, .delete, .toggleEndpoint, .resetPassword:
            guard context.requireWritable(instance) else { return true }
        default:
            return false
        }
        switch action {
        case .create:
            flow.addEntry()
        case .delete:
            guard case .acl(let entry)? = pane.selected?.item else {
                context.showFlash(context.catalog[.aclSelectEntry], error: true)
                return true
            }
            flow.remove(entry)
        case .toggleEndpoint:
            guard let internet else { return true }
            flow.setInternet(enabled: !internet.enabled)
        default:
            flow.resetPassword()
        }
        return true
    }

    /// What to do about the selected VPC's issue; else the internet endpoint's access in one line.
    func header(in pane: ResourcePane<EndpointList>) -> StyledLine? {
        guard manager != nil else { return nil }
        let catalog = context.catalog
        if case .vpc(let vpc)? = pane.selected?.item, let advice = vpc.issueAdvice {
            return StyledLine(advice, .error)
        }
        guard let internet else { return StyledLine(catalog[.loading], .muted) }
        let acl = internet.acl.count
        return StyledLine(
            internet.enabled
                ? catalog[acl == 0 ? .internetOpen : .internetRestricted, acl]
                : catalog[.internetOff], internet.enabled && acl == 0 ? .warning : .muted)
    }

    func columns(in pane: ResourcePane<EndpointList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnKind], width: .fit(min: 6, max: 16)) { Self.kind(of: $0, catalog) },
            TableColumn(catalog[.columnName], width: .fit(min: 14, max: 36)) { Self.name(of: $0) },
            TableColumn(catalog[.columnStatus], width: .fit(min: 6, max: 18), style: { theme[Self.role(of: $0)] }) {
                Self.status(of: $0, catalog)
            },
            TableColumn(catalog[.columnDetail], width: .flexible(min: 10)) { Self.detail(of: $0, catalog) },
        ]
    }

    private static func kind(of row: Row, _ catalog: Catalog) -> String {
        switch row.item {
        case .endpoint(let endpoint): catalog[endpoint.kind == .internet ? .internetEndpoint : .vpcEndpoint]
        case .acl: "  " + catalog[.aclEntry]
        case .vpc: "  " + catalog[.linkedVPC]
        }
    }

    private static func name(of row: Row) -> String {
        switch row.item {
        case .endpoint(let endpoint): endpoint.domains.first?.name ?? "-"
        case .acl(let entry): entry.entry
        case .vpc(let vpc): [vpc.vpcID, vpc.vswitchID].compactMap { $0 }.joined(separator: "/")
        }
    }

    private static func status(of row: Row, _ catalog: Catalog) -> String {
        switch row.item {
        case .endpoint(let endpoint):
            catalog[endpoint.enabled ? .endpointEnabled : .endpointDisabled]
                + (endpoint.isChanging ? " · \(endpoint.status ?? "")" : "")
        case .acl: ""
        case .vpc(let vpc): vpc.status ?? "-"
        }
    }

    private static func detail(of row: Row, _ catalog: Catalog) -> String {
        switch row.item {
        case .endpoint(let endpoint) where endpoint.kind == .internet:
            catalog[endpoint.aclEnabled ? .aclOn : .aclOff]
        case .endpoint(let endpoint): endpoint.domains.dropFirst().map(\.name).joined(separator: " ")
        case .acl(let entry): entry.comment ?? ""
        case .vpc(let vpc): [vpc.ip, vpc.issue].compactMap { $0 }.joined(separator: " · ")
        }
    }

    private static func role(of row: Row) -> ThemeRole {
        switch row.item {
        case .endpoint(let endpoint): endpoint.isChanging ? .warning : endpoint.enabled ? .ok : .muted
        case .acl: .text
        case .vpc(let vpc): vpc.issueAdvice != nil ? .error : vpc.status?.uppercased() == "RUNNING" ? .ok : .warning
        }
    }
}
