import ArgumentParser
import RegistryClient

/// `regconsole sync tasks INSTANCE [--repository NS/REPO] [--tag T] [--limit N]`.
struct SyncTasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: "List sync tasks, newest first, with why the failed ones failed.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @Option(name: .long, help: ArgumentHelp("Only copies of this repository.", valueName: "ns/name"))
    var repository: String?
    @Option(name: .long, help: ArgumentHelp("Only copies of this tag.", valueName: "tag"))
    var tag: String?
    @Option(name: .long, help: ArgumentHelp("At most this many tasks.", valueName: "n"))
    var limit = 50
    @OptionGroup var format: OutputOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let repository, repository.split(separator: "/", omittingEmptySubsequences: false).count != 2 {
            throw ValidationError("--repository '\(repository)' is not NAMESPACE/NAME")
        }
    }

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.sync(instance, context: context)
        var read = 0
        let tasks = try await BoundedPages.read(
            target.provider.syncTasks(repository: repository, tag: tag), what: "sync tasks",
            narrowing: "narrow with --repository or --tag"
        ) { page in
            read += page.count
            return read >= limit
        }
        let newest = Array(tasks.newestFirst(by: \.created).prefix(limit))
        Self.records(try await Self.withProgress(newest, from: target.provider)).print(as: format.output)
    }

    /// The tasks, running ones read again on their own for their layers' progress (the list has
    /// none), 8 at a time; a task that cannot be read again keeps its listed state.
    static func withProgress(_ tasks: [SyncTask], from provider: any Replicating) async throws -> [SyncTask] {
        try await BoundedConcurrency.map(tasks, limit: 8) { task in
            guard task.status.isRunning else { return task }
            return (try? await provider.syncTask(id: task.id)) ?? task
        }
    }

    /// The tasks as `sync tasks` prints them.
    static func records(_ tasks: [SyncTask]) -> RecordSet {
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID"), .init(key: "status", header: "STATUS"),
                .init(key: "progress", header: "%", alignRight: true), .init(key: "rule", header: "RULE"),
                .init(key: "source", header: "SOURCE"), .init(key: "target", header: "TARGET"),
                .init(key: "created", header: "CREATED", inTable: false), .init(key: "issue", header: "ISSUE"),
            ], omitsAbsent: true)
        for task in tasks {
            let percent = task.progress?.fraction.map { Int64(($0 * 100).rounded(.down)) }
            records.rows.append([
                .text(task.id), .text(task.status.description), .integer(percent), .text(task.ruleID),
                .text(task.source.description), .text(task.target.description), .date(task.created),
                .text(task.issue?.description),
            ])
        }
        return records
    }
}
