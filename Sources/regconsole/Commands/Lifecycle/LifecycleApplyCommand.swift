import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole lifecycle apply INSTANCE[/…] [--rule ID | --rules FILE] [--yes] [--resume | --discard-journal]`:
/// plan, show, confirm, compare-and-delete, audit. An interrupted run of the same instance, scope and
/// rules is finished first; any other interrupted run stops the command until it is resumed or discarded.
struct LifecycleApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Apply lifecycle rules: plan, confirm, then delete what the plan lists.",
        discussion: """
            The plan is printed and confirmed (typed, `delete N`, for production instances or more than 10 manifests;
            --yes for cron and timers). Each manifest is re-resolved right before it is deleted; a tag that moved or
            a tag pushed onto a planned digest is skipped (exit 4). Every delete is written to the audit log.

            A run that was killed leaves a journal. The next apply with the same instance, scope and rules finishes
            it, deleting nothing it did not list. With another scope or other rules nothing is deleted: the command
            names the unfinished run and exits 2 until it is finished with --resume (within its own scope and rules)
            or dropped with --discard-journal. --yes implies neither.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("INSTANCE, INSTANCE/NAMESPACE or INSTANCE/NAMESPACE/REPO.", valueName: "target"),
        completion: Completions.reference)
    var target: String
    @OptionGroup var options: LifecyclePlanOptions
    @Flag(name: [.short, .long], help: "Do not ask for confirmation (required when standard input is not a terminal).")
    var yes = false
    @Flag(
        name: .long,
        help: "Finish the interrupted run of the instance, within its own scope and rules, and plan nothing new.")
    var resume = false
    @Flag(
        name: .long, help: "Drop the interrupted run of the instance without deleting more (written to the audit log).")
    var discardJournal = false

    func run() async throws {
        if resume, discardJournal { throw UsageError(description: "give --resume or --discard-journal, not both") }
        let context = try CLIContext(global)
        let target = try await LifecycleTarget(self.target, context: context)
        try target.requireWritable()
        let instance = target.provider.instance
        let executor = LifecycleExecutor(provider: target.provider, directories: context.directories)
        if discardJournal {
            guard let dropped = try executor.discard() else {
                throw UsageError(description: "\(instance.name) has no interrupted lifecycle run to discard")
            }
            print(
                Sanitizer.clean(
                    "discarded the interrupted run on \(dropped.location) (\(dropped.done) of \(dropped.total) manifests done)"
                ))
            return
        }
        let summary: LifecycleExecutor.Summary
        if let interrupted = executor.interrupted {
            if !resume {
                let rules = try await options.selectedRules(for: target, context: context)
                guard
                    interrupted.isRun(
                        of: LifecycleJournal.fingerprint(instance: instance.name, scope: target.scope, rules: rules))
                else {
                    throw UsageError(
                        description: Sanitizer.clean(
                            "there is an \(interrupted). It was planned over another scope or other rules, so nothing was deleted: pass --resume to finish "
                                + "exactly that run (within its own scope and rules) or --discard-journal to drop it"))
                }
            }
            print(Sanitizer.clean("resuming the \(interrupted)"))
            try DeleteConfirmation(items: interrupted.remaining, instance: instance).ask(yes: yes)
            guard let resumed = try await executor.resume(progress: Self.report) else { return }
            summary = resumed
            print("run `regconsole lifecycle apply \(self.target)` again to plan anew")
        } else {
            if resume { throw UsageError(description: "\(instance.name) has no interrupted lifecycle run to resume") }
            let rules = try await options.selectedRules(for: target, context: context)
            let plan = try await options.plan(target, rules: rules)
            let report = LifecyclePlanReport(plan: plan, instance: instance.name)
            report.records(deletionsOnly: true, referrerTags: true).records.print(as: .table)
            report.printSummary()
            let items = LifecycleExecutor.items(of: plan)
            guard !items.isEmpty else { return }
            try DeleteConfirmation(items: items, instance: instance).ask(yes: yes)
            summary = try await executor.apply(plan, rules: rules, scope: target.scope, progress: Self.report)
        }
        print("deleted \(summary.deleted), skipped \(summary.skipped), failed \(summary.failed)")
        let outcomes = summary.outcomes.map(\.outcome)
        if outcomes.contains(where: { if case .failed = $0 { true } else { false } }) {
            throw CommandFailure(status: .runtime, description: "some deletes failed (see above)")
        }
        if outcomes.contains(where: { if case .skipped = $0 { true } else { false } }) {
            throw CommandFailure(
                status: .skipped,
                description: "some manifests were skipped because their tags changed; nothing else changed")
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
