import ArgumentParser
import RegistryClient

/// `regconsole replication policies INSTANCE`.
struct ReplicationPoliciesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policies", abstract: "List replication policies: direction, endpoints, trigger, filters.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The Harbor instance.", completion: Completions.instance)
    var instance: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.replication(instance, context: context)
        Self.records(try await target.provider.replicationPolicies()).print(as: format.output)
    }

    static func records(_ policies: [ReplicationPolicy]) -> RecordSet {
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID", alignRight: true), .init(key: "name", header: "NAME"),
                .init(key: "direction", header: "DIRECTION"), .init(key: "route", header: "ROUTE", onlyInTable: true),
                .init(key: "source", header: "SOURCE", inTable: false),
                .init(key: "destination", header: "DESTINATION", inTable: false),
                .init(key: "destinationNamespace", header: "NAMESPACE", inTable: false),
                .init(key: "trigger", header: "TRIGGER"), .init(key: "cron", header: "CRON", inTable: false),
                .init(key: "filters", header: "FILTERS"), .init(key: "enabled", header: "ENABLED"),
                .init(key: "override", header: "OVERRIDE", inTable: false),
                .init(key: "replicateDeletion", header: "DELETIONS", inTable: false),
            ], omitsAbsent: true)
        for policy in policies {
            records.rows.append([
                .integer(Int64(policy.id)), .text(policy.name), .text(policy.direction), .text(policy.route),
                .text(policy.source.name), .text(policy.destination.name), .text(policy.destinationNamespace),
                .text(policy.trigger), .text(policy.cron.flatMap { $0.isEmpty ? nil : $0 }),
                .list(policy.filters.map(\.summary)), .flag(policy.enabled), .flag(policy.override),
                .flag(policy.replicatesDeletion),
            ])
        }
        return records
    }
}
