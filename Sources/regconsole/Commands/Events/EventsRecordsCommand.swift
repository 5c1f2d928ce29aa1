import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole events records INSTANCE [--since DURATION] [--rule ID]`.
struct EventsRecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records", abstract: "List the notifications the event center sent, newest first.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.")
    var instance: String
    @Option(name: .long, help: ArgumentHelp("Only notifications this recent: 30m, 24h, 7d, 2w.", valueName: "duration"))
    var since: TimeSpan?
    @Option(name: .long, help: ArgumentHelp("Only notifications of this rule (see `events rules`).", valueName: "id"))
    var rule: String?
    @OptionGroup var format: OutputOptions

    /// At most this many pages are read: the record grows without bound.
    static let maxPages = 20

    func run() async throws {
        let context = try CLIContext(global)
        let center = try await DeliveryTarget.events(instance, context: context)
        let cutoff = since?.before(Date())
        var kept: [EventRecord] = []
        var pages = 0
        var capped = false
        for try await page in center.provider.eventRecords(ruleID: rule) {
            pages += 1
            kept += page.filter { record in
                guard let cutoff, let time = record.time else { return true }
                return time >= cutoff
            }
            // The server lists newest first: once a page reaches older ones, later pages hold only older ones.
            if let cutoff, page.contains(where: { ($0.time ?? .distantFuture) < cutoff }) { break }
            if pages == Self.maxPages {
                capped = true
                break
            }
        }
        if capped {
            FileHandle.standardError.write(
                Data(
                    "regconsole: showing the newest \(kept.count) notifications only; narrow with --since or --rule\n"
                        .utf8))
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
