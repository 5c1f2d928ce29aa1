import ArgumentParser
import RegistryClient

/// `regconsole endpoints [list] INSTANCE`.
struct EndpointsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show the internet and VPC endpoints, the internet access list and the linked VPCs.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.access(instance, context: context)
        let endpoints = try await target.provider.endpoints()
        var records = RecordSet(
            columns: [
                .init(key: "type", header: "TYPE"), .init(key: "enabled", header: "ENABLED"),
                .init(key: "status", header: "STATUS"), .init(key: "domains", header: "DOMAINS"),
                .init(key: "acl", header: "ACCESS LIST", inTable: false),
                .init(key: "vpcs", header: "LINKED VPCS", inTable: false),
            ], omitsAbsent: true)
        for endpoint in endpoints {
            records.rows.append([
                .text(endpoint.kind.rawValue), .flag(endpoint.enabled), .text(endpoint.status),
                .list(endpoint.domains.map(\.name)),
                .objects(endpoint.acl.map { [("entry", $0.entry), ("comment", $0.comment)] }),
                .objects(
                    endpoint.linkedVPCs.map {
                        [
                            ("id", $0.vpcID), ("vswitch", $0.vswitchID), ("ip", $0.ip), ("status", $0.status),
                            ("issue", $0.issueAdvice),
                        ]
                    }),
            ])
        }
        guard format.output == .table else { return records.print(as: format.output) }
        print(records.tableText(), terminator: "")
        print(Self.details(endpoints), terminator: "")
    }

    /// The access list and the linked VPCs as tables of their own, each under a heading.
    private static func details(_ endpoints: [InstanceEndpoint]) -> String {
        var text = ""
        for endpoint in endpoints where endpoint.kind == .internet {
            var acl = RecordSet(columns: [
                .init(key: "entry", header: "ENTRY"), .init(key: "comment", header: "COMMENT"),
            ])
            acl.rows = endpoint.acl.map { [.text($0.entry), .text($0.comment)] }
            let state = endpoint.aclEnabled ? "" : " (not enforced)"
            text += "\nInternet access list\(state):\n"
            text += endpoint.acl.isEmpty ? "  (empty: every address is let in)\n" : indented(acl.tableText())
        }
        let vpcs = endpoints.flatMap(\.linkedVPCs)
        guard !vpcs.isEmpty else { return text }
        var links = RecordSet(columns: [
            .init(key: "id", header: "VPC"), .init(key: "vswitch", header: "VSWITCH"), .init(key: "ip", header: "IP"),
            .init(key: "status", header: "STATUS"), .init(key: "issue", header: "ISSUE"),
        ])
        links.rows = vpcs.map {
            [.text($0.vpcID), .text($0.vswitchID), .text($0.ip), .text($0.status), .text($0.issueAdvice)]
        }
        return text + "\nLinked VPCs:\n" + indented(links.tableText())
    }

    private static func indented(_ table: String) -> String {
        table.split(separator: "\n").map { "  \($0)\n" }.joined()
    }
}
