import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole scan suppressions INSTANCE [--output table|json|csv|openvex]`.
struct ScanSuppressionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppressions", abstract: "List an instance's suppressions, or export them as OpenVEX.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, openvex }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The instance.", completion: Completions.instance)
    var instance: String
    @Option(name: .shortAndLong, help: "table, json, csv or openvex.")
    var output: Format = .table

    func run() async throws {
        let context = try CLIContext(global)
        let provider = try await context.session.provider(for: instance)
        let suppressions = try SuppressionStore(instance: provider.instance.name, directories: context.directories)
            .load()
        if output == .openvex {
            let data = try OpenVEX.document(
                suppressions, host: provider.instance.host ?? provider.instance.name,
                author: context.environment["USER"] ?? "regconsole")
            print(String(decoding: data, as: UTF8.self))
            return
        }
        let now = Date()
        var records = RecordSet(columns: [
            .init(key: "id", header: "ID"), .init(key: "vulnerability", header: "VULNERABILITY"),
            .init(key: "package", header: "PACKAGE"),
            .init(key: "scope", header: "SCOPE"), .init(key: "status", header: "STATUS"),
            .init(key: "owner", header: "OWNER"),
            .init(key: "expires", header: "EXPIRES"), .init(key: "expired", header: "EXPIRED"),
            .init(key: "reason", header: "REASON"),
        ])
        records.rows = suppressions.map {
            [
                .text($0.id), .text($0.vulnerability), .text($0.package ?? "*"), .text($0.scope.description),
                .text($0.status.rawValue),
                .text($0.owner), .date($0.expires), .flag($0.isExpired(at: now)), .text($0.reason),
            ]
        }
        records.print(as: OutputFormat(rawValue: output.rawValue) ?? .table)
    }
}
