import Foundation
import RegistryClient
import TerminalUI

/// A lifecycle plan as the CLI prints it: a row per tag (or per deletion), then totals and warnings.
struct LifecyclePlanReport {
    let plan: LifecyclePlan
    let instance: String

    /// The rows (repository, tag, digest, decision, reason, rule, created) of every entry, or only of
    /// the deletions. Referrer tags the plan keeps are listed only with `referrerTags`; a deletion is
    /// always listed. `hidden` counts the entries left out.
    func records(deletionsOnly: Bool, referrerTags: Bool) -> (records: RecordSet, hidden: Int) {
        let entries = deletionsOnly ? plan.deletions : plan.entries
        let listed =
            referrerTags ? entries : entries.filter { $0.decision == .delete || !Tag(name: $0.tag).isReferrersTag }
        var records = RecordSet(columns: [
            .init(key: "repository", header: "REPOSITORY"), .init(key: "tag", header: "TAG"),
            .init(key: "digest", header: "DIGEST"),
            .init(key: "decision", header: "DECISION"), .init(key: "reason", header: "REASON"),
            .init(key: "rule", header: "RULE", inTable: false),
            .init(key: "created", header: "CREATED", inTable: false),
        ])
        for entry in listed {
            records.rows.append([
                .text(entry.repository), .text(entry.tag), .text(entry.digest?.description),
                .text(entry.decision.rawValue),
                .text(entry.reason.description), .text(entry.rule), .date(entry.created),
            ])
        }
        return (records, entries.count - listed.count)
    }

    /// `delete 12 tags (9 manifests) of 40 in 3 repositories, keep 28; frees 1.2 MiB`.
    var summary: String {
        let manifests = LifecycleExecutor.items(of: plan).count
        let repositories = Set(plan.entries.map(\.repository)).count
        return
            "\(instance): delete \(plan.deletions.count) tags (\(manifests) manifests) of \(plan.entries.count) in \(repositories) \(repositories == 1 ? "repository" : "repositories"), "
            + "keep \(plan.keptCount); frees \(ByteCount.format(plan.bytesFreed)) once the registry collects garbage"
    }

    /// Writes the summary and warnings to standard error.
    func printSummary() {
        var text = Sanitizer.clean(summary) + "\n"
        for warning in plan.warnings { text += "warning: " + Sanitizer.clean(warning) + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
