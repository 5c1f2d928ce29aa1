import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole lifecycle plan INSTANCE[/…] [--rule ID | --rules FILE]`: the dry run.
struct LifecyclePlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Show what the rules would keep and delete, and why, without changing anything.",
        discussion:
            "Every tag gets a decision and a reason; the totals, bytes freed and warnings go to standard error. "
            + "Referrer tags, which the plan always keeps, are listed only with --all; the totals count them.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("INSTANCE, INSTANCE/NAMESPACE or INSTANCE/NAMESPACE/REPO.", valueName: "target"),
        completion: Completions.reference)
    var target: String
    @OptionGroup var options: LifecyclePlanOptions
    @Flag(name: .long, help: "List only the tags that would be deleted.")
    var deletionsOnly = false
    @OptionGroup var referrers: ReferrerTagOptions
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await LifecycleTarget(self.target, context: context)
        let plan = try await options.plan(target, rules: try await options.selectedRules(for: target, context: context))
        let report = LifecyclePlanReport(plan: plan, instance: target.provider.instance.name)
        let (records, hidden) = report.records(deletionsOnly: deletionsOnly, referrerTags: referrers.all)
        records.print(as: format.output)
        referrers.noteHidden(hidden, format: format.output)
        report.printSummary()
        if let interrupted = LifecycleExecutor(provider: target.provider, directories: context.directories).interrupted
        {
            let note =
                "note: there is an \(interrupted); `lifecycle apply` starts no other run until it is resumed (--resume) "
                + "or discarded (--discard-journal)"
            FileHandle.standardError.write(Data((Sanitizer.clean(note) + "\n").utf8))
        }
    }
}
