import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole sync run INSTANCE RULE [--tag TAG] [--wait]`: one task per tag the rule covers.
struct SyncRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a sync rule now and print the ids of the tasks it started.",
        discussion:
            "One task per matching tag of every repository the rule covers, or only --tag. "
            + "With --wait, follow every task until it ends; exit 1 if any fails, saying why.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("The rule's id or name (see `sync rules`).", valueName: "rule"))
    var rule: String
    @Option(name: .long, help: ArgumentHelp("Copy only this tag of each covered repository.", valueName: "tag"))
    var tag: String?
    @Flag(name: .long, help: "Follow the tasks until they end; exit 1 if any fails.")
    var wait = false
    @OptionGroup var waiting: WaitOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.sync(instance, context: context, writing: "run sync rules")
        let found = try await target.rule(rule)
        let plan = try await SyncRunPlan.make(rule: found, tag: tag, on: target.provider)
        if plan.truncated {
            throw UsageError(
                description:
                    "rule \(found.name) matches more than \(plan.items.count) tags; nothing was started; "
                    + "copy one tag at a time with --tag TAG")
        }
        guard !plan.items.isEmpty else {
            let what = tag.map { "tag '\($0)'" } ?? "tag"
            throw UsageError(
                description: "rule \(found.name) matches no \(what) in the repositories it covers; nothing was started")
        }
        var started: [String] = []
        for item in plan.items {
            let id = try await context.replication.startSync(
                ruleID: found.id, repository: item.repository, tag: item.tag, on: target.provider)
            print(id)
            started.append(id)
        }
        guard wait else { return }
        fflush(nil)  // the ids out before the wait
        try await follow(started, of: target)
    }

    /// Waits for the tasks; throws naming every failure's issue when any did not succeed.
    private func follow(_ ids: [String], of target: DeliveryTarget<any Replicating>) async throws {
        let poller = TaskPoller<SyncTask>(
            read: { try await target.provider.syncTask(id: $0) }, isRunning: \.status.isRunning,
            label: Self.label, interval: waiting.interval, deadline: waiting.deadline)
        let tasks = try await poller.wait(for: ids, resume: "regconsole sync tasks \(target.instance.name)")
        let failed = tasks.filter { $0.status != .success }
        for task in failed {
            let why = task.issue?.description ?? "it ended \(task.status)"
            let line = Sanitizer.clean("sync task \(task.id) \(task.source) → \(task.target): \(task.status): \(why)")
            FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
        guard failed.isEmpty else {
            throw CommandFailure(
                status: .runtime, description: "\(failed.count) of \(tasks.count) sync tasks did not succeed")
        }
        FileHandle.standardError.write(Data("\(tasks.count) of \(tasks.count) sync tasks succeeded\n".utf8))
    }

    /// `syncing: 2/5 tasks done, 12 MB of 40 MB`.
    private static func label(_ tasks: [SyncTask]) -> String {
        let done = tasks.filter { !$0.status.isRunning }.count
        let progress = tasks.compactMap(\.progress)
        let synced = progress.map(\.syncedBytes).reduce(0, +)
        let total = progress.map(\.totalBytes).reduce(0, +)
        let bytes = total > 0 ? ", \(ByteCount.format(synced)) of \(ByteCount.format(total))" : ""
        return "syncing: \(done)/\(tasks.count) tasks done\(bytes)"
    }
}
