import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole events records INSTANCE [--since DURATION] [--rule ID]`.
struct EventsRecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records", abstract: "List the notifications the event center sent, newest first.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @Option(name: .long, help: ArgumentHelp("Only notifications this recent: 30m, 24h, 7d, 2w.", valueName: "duration"))
    var since: TimeSpan?
    @Option(name: .long, help: ArgumentHelp("Only notifications of this rule (see `events rules`).", valueName: "id"))
    var rule: String?
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let center = try await DeliveryTarget.events(instance, context: context)
        let cutoff = since?.before(Date())
        // Newest first: once a page reaches older records, later pages hold only older ones.
        let read = try await BoundedPages.read(
            center.provider.eventRecords(ruleID: rule), what: "notifications",
            narrowing: "narrow with --since or --rule"
        ) { page in cutoff.map { cutoff in page.contains { ($0.time ?? .distantFuture) < cutoff } } ?? false }
        let kept = read.filter { record in
            guard let cutoff, let time = record.time else { return true }
            return time >= cutoff
        }
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID"), .init(key: "time", header: "TIME"), .init(key: "type", header: "TYPE"),
                .init(key: "repository", header: "REPOSITORY"), .init(key: "tag", header: "TAG"),
                .init(key: "notifyMethod", header: "NOTIFY"), .init(key: "rule", header: "RULE", inTable: false),
            ], omitsAbsent: true)
        for record in kept.newestFirst(by: \.time) {
            records.rows.append([
                .text(record.id), .date(record.time), .text(record.type), .text(record.repository), .text(record.tag),
                .text(record.notifyMethod), .text(record.ruleName ?? record.ruleID),
            ])
        }
        records.print(as: format.output)
    }
}
