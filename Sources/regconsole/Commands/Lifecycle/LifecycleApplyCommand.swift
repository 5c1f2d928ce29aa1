import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole lifecycle apply INSTANCE[/…] [--rule ID | --rules FILE] [--yes]`: plan, show,
/// confirm, compare-and-delete, audit; an interrupted run is finished first.
struct LifecycleApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Apply lifecycle rules: plan, confirm, then delete what the plan lists.",
        discussion: """
            The plan is printed and confirmed (typed, `delete N`, for production instances or more than 10 manifests;
            --yes for cron and timers). Each manifest is re-resolved right before it is deleted; a tag that moved or
            a tag pushed onto a planned digest is skipped (exit 4). A run that was killed is finished first from its
            journal, deleting nothing it did not list. Every delete is written to the audit log.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("INSTANCE, INSTANCE/NAMESPACE or INSTANCE/NAMESPACE/REPO.", valueName: "target"))
    var target: String
    @OptionGroup var options: LifecyclePlanOptions
    @Flag(name: [.short, .long], help: "Do not ask for confirmation (required when standard input is not a terminal).")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await LifecycleTarget(self.target, context: context)
        try target.requireWritable()
        let instance = target.provider.instance
        let executor = LifecycleExecutor(provider: target.provider, directories: context.directories)
        let summary: LifecycleExecutor.Summary
        if let interrupted = executor.interrupted {
            let left = interrupted.total - interrupted.done
            print("resuming the interrupted run of \(RFC3339.format(interrupted.started)): \(interrupted.done) of \(interrupted.total) manifests done, \(left) left")
            try DeleteConfirmation(manifests: left, tags: left, typed: instance.production || left > 10).ask(yes: yes)
            guard let resumed = try await executor.resume(progress: Self.report) else { return }
            summary = resumed
            print("run `regconsole lifecycle apply \(self.target)` again to plan anew")
        } else {
            let (plan, rules) = try await options.plan(target, context: context)
            let report = LifecyclePlanReport(plan: plan, instance: instance.name)
            report.records(deletionsOnly: true).print(as: .table)
            report.printSummary()
            let items = LifecycleExecutor.items(of: plan)
            guard !items.isEmpty else { return }
            try DeleteConfirmation(manifests: items.count, tags: plan.deletions.count, typed: instance.production || items.count > 10).ask(yes: yes)
            summary = try await executor.apply(plan, rules: rules.map(\.id), progress: Self.report)
        }
        print("deleted \(summary.deleted), skipped \(summary.skipped), failed \(summary.failed)")
        let outcomes = summary.outcomes.map(\.outcome)
        if outcomes.contains(where: { if case .failed = $0 { true } else { false } }) {
            throw CommandFailure(status: .runtime, description: "some deletes failed (see above)")
        }
        if outcomes.contains(where: { if case .skipped = $0 { true } else { false } }) {
            throw CommandFailure(status: .skipped, description: "some manifests were skipped because their tags changed; nothing else changed")
        }
    }

    @Sendable private static func report(_ item: LifecycleJournal.Item, _ outcome: DeleteExecutor.Outcome) {
        let name = "\(item.repository)@\(item.digest.short) (\(item.expected.keys.sorted().joined(separator: ", ")))"
        switch outcome {
        case .deleted: print(Sanitizer.clean("deleted  \(name)"))
        case .skipped(let reason): print(Sanitizer.clean("skipped  \(name): \(reason)"))
        case .failed(let reason): print(Sanitizer.clean("failed   \(name): \(reason)"))
        }
    }
}
