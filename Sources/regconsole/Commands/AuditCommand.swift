import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole audit INSTANCE[/PROJECT] [--since DURATION] [--user U] [--resource R] [--operation OP]`:
/// Harbor's own audit log, newest first.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Harbor's audit log of what users did, newest first.",
        discussion: """
            Filters run on the server: --user and --operation match exactly, --resource matches part of the
            resource's name. At most \(BoundedPages.maxPages) pages of 100 entries are read; narrow the listing
            to see older entries. regconsole's own record of the changes it made is its audit.log under
            $XDG_STATE_HOME/regconsole.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor instance, or one of its projects.", valueName: "instance[/project]"),
        completion: Completions.reference)
    var target: String
    @Option(help: "Only entries this recent: 30m, 24h, 7d, 2w.")
    var since: TimeSpan?
    @Option(help: "Only this user's entries.")
    var user: String?
    @Option(help: "Only entries whose resource name contains this.")
    var resource: String?
    @Option(help: "Only this kind of resource: artifact, repository, project, robot, …")
    var resourceType: String?
    @Option(help: "Only this operation: create, delete, pull, update, …")
    var operation: String?
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let parts = target.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, !name.isEmpty, parts.count == 1 || !parts[1].isEmpty else {
            throw UsageError(description: "'\(target)' is not INSTANCE or INSTANCE/PROJECT")
        }
        let provider = try await context.session.provider(for: name)
        guard let log = provider as? any AuditTrailReading else {
            throw UsageError(
                description:
                    "\(provider.instance.name) is \(provider.instance.kind.rawValue), which keeps no audit log regconsole can read (Harbor does); regconsole's own record of the changes it made is \(AuditLog(directories: context.directories).url.path)"
            )
        }
        let filter = AuditEventFilter(
            user: user, resource: resource, resourceType: resourceType, operation: operation,
            since: since?.before(Date()))
        let pageSize = log.auditPageSize
        let events = try await BoundedPages.read(
            log.auditEvents(
                project: parts.count > 1 ? parts[1] : nil, filter: filter, maxPages: BoundedPages.maxPages),
            what: "audit entries", narrowing: "narrow with --since, --user, --resource or --operation",
            isLast: { $0.count < pageSize })
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID", inTable: false), .init(key: "time", header: "TIME"),
                .init(key: "user", header: "USER"), .init(key: "operation", header: "OPERATION"),
                .init(key: "resourceType", header: "RESOURCE_TYPE"), .init(key: "resource", header: "RESOURCE"),
                .init(key: "result", header: "RESULT"),
            ], omitsAbsent: true)
        for event in events {
            records.rows.append([
                .integer(Int64(event.id)), .date(event.time), .text(event.username), .text(event.operation),
                .text(event.resourceType), .text(event.resource), .text(event.succeeded ? "success" : "failure"),
            ])
        }
        records.print(as: format.output)
    }
}
