import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole sync drift REPO --to REPO`: the tags missing on a replica, pointing elsewhere, or
/// only there — for any two repositories of any two instances, since it needs only tag lists and
/// digests.
struct SyncDriftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Compare a repository's tags and digests with its replica's.",
        discussion: """
            Rows are ordered missing (on the source only), different (other digest), extra (on the target
            only), same. With an ACR source, the newest sync task of each tag is shown. Referrer tags
            (sha256-…) are left out unless --all; a target repository that does not exist counts as empty.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The source, INSTANCE/NAMESPACE/NAME or HOST[:PORT]/NAME.", valueName: "repo"),
        completion: Completions.reference)
    var source: String
    @Option(help: ArgumentHelp("The replica to compare with, in the same form.", valueName: "repo"))
    var to: String
    @Flag(help: "Leave out the tags that are the same on both sides.")
    var differencesOnly = false
    @OptionGroup var referrers: ReferrerTagOptions
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let (sourceProvider, sourceReference) = try await context.repository(source)
        let (targetProvider, targetReference) = try await context.repository(to)
        let comparison = try await DriftComparison.load(
            source: (sourceProvider, sourceReference.repository), target: (targetProvider, targetReference.repository))
        let listed = comparison.rows.filter { referrers.all || !RegistryClient.Tag(name: $0.tag).isReferrersTag }
        let shown = listed.filter { !differencesOnly || $0.state != .same }
        let lastTasks = try await Self.lastSyncTasks(
            sourceProvider, repository: sourceReference.repository, needed: !shown.isEmpty)
        var records = RecordSet(
            columns: [
                .init(key: "tag", header: "TAG"), .init(key: "state", header: "STATE"),
                .init(key: "sourceDigest", header: "SOURCE DIGEST"),
                .init(key: "targetDigest", header: "TARGET DIGEST"),
                .init(key: "lastSync", header: "LAST SYNC"), .init(key: "lastSyncTask", header: "TASK", inTable: false),
            ], omitsAbsent: true)
        for row in shown {
            let task = lastTasks[row.tag]
            records.rows.append([
                .text(row.tag), .text(row.state.rawValue),
                .text(row.sourceDigest.map { format.output == .table ? $0.short : $0.description }),
                .text(row.targetDigest.map { format.output == .table ? $0.short : $0.description }),
                .text(task.map(Self.summary)), .text(task?.id),
            ])
        }
        records.print(as: format.output)
        referrers.noteHidden(comparison.rows.count - listed.count, format: format.output)
        let counts = TagDrift.State.allCases.map { "\(comparison.count($0)) \($0.rawValue)" }
        FileHandle.standardError.write(
            Data(
                ("regconsole: \(counts.joined(separator: ", "))"
                    + (comparison.targetMissing ? "; the target repository does not exist" : "")
                    + (comparison.truncated ? "; only the first tags of a side were compared" : "") + "\n").utf8))
    }

    /// The newest sync task of each tag of `repository`, when the source replicates by rule (ACR):
    /// the newest few pages of its task list.
    private static func lastSyncTasks(
        _ provider: any RegistryProvider, repository: String, needed: Bool
    ) async throws -> [String: SyncTask] {
        guard needed, let replicating = provider as? any Replicating else { return [:] }
        let tasks = try await BoundedPages.read(
            replicating.syncTasks(repository: repository, tag: nil), what: "sync tasks",
            narrowing: "older tags show no last sync")
        var newest: [String: SyncTask] = [:]
        for task in tasks {
            guard let tag = task.source.tag, newest[tag] == nil else { continue }
            newest[tag] = task
        }
        return newest
    }

    /// `SUCCESS 2026-12-06T10:00:00Z` or `ERROR: TAG_CONFLICT`.
    private static func summary(_ task: SyncTask) -> String {
        if let issue = task.issue { return "\(task.status): \(issue.code)" }
        guard let time = task.modified ?? task.created else { return "\(task.status)" }
        return "\(task.status) \(RFC3339.format(time))"
    }
}
